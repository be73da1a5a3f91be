/** activity-anomalies: where each actor's anomalies are reported, how they are contained, and what evidence they carry. */
import { describe, expect, it } from 'vitest';
import check, { AWS_DENY_ALL } from '../../../src/checks/rules/activity-anomalies.js';
import { runChecks } from '../../../src/checks/run-checks.js';
import type { Account, CloudTrailEvent } from '../../../src/model/types.js';
import { call, rootCall } from '../anomalies/events.js';
import { account, ACCOUNT_ID, role, user, withActivity } from '../universe-fixtures.js';

const NOW = '2026-03-10T12:00:00Z';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/deploy`;
const asRole = (at: string, eventName: string, extra: Partial<CloudTrailEvent> = {}): CloudTrailEvent => call(at, eventName, 'x', {
  userIdentity: {
    type: 'AssumedRole', principalId: 'AROA1:s', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/deploy/s`, accountId: ACCOUNT_ID, accessKeyId: 'ASIA1',
    sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: at }, sessionIssuer: { type: 'Role', principalId: 'AROA1', arn: ROLE_ARN, accountId: ACCOUNT_ID, userName: 'deploy' } },
  },
  ...extra,
});
const createUser = (at: string, by: (at: string, n: string, x: Partial<CloudTrailEvent>) => CloudTrailEvent = asRole): CloudTrailEvent => by(at, 'CreateUser', { requestParameters: { userName: 'backup' } });
const detect = (a: Account, now = NOW) => check.detect({ account: a, now, options: check.meta.defaults as never });

describe('activity-anomalies containment', () => {
  it('reports a role\'s anomalies on the role and suggests attaching AWSDenyAll to it', () => {
    const a = withActivity(account({ roles: [role('deploy')] }), [createUser('2026-03-09T10:00:00Z')]);
    const [r, ...rest] = detect(a);
    expect(rest).toEqual([]);
    expect(r?.resource).toEqual({ kind: 'role', arn: ROLE_ARN, name: 'deploy' });
    expect(r?.data['actor']).toBe('role deploy');
    expect(r?.suggestions).toEqual([{ messageId: 'containRole', data: { actor: 'role deploy' }, fix: [{ op: 'AttachRolePolicy', input: { RoleName: 'deploy', PolicyArn: AWS_DENY_ALL } }] }]);
    const shown = runChecks(a, { now: NOW, checks: ['activity-anomalies'] }).findings[0]?.suggestions?.[0]?.message;
    expect(shown).toBe('Contain role deploy: attach AWSDenyAll (its sessions are denied from the next request)');
  });

  it('offers no containment for a service-linked role, and does not report a contained or deleted role again', () => {
    const ev = [createUser('2026-03-09T10:00:00Z')];
    const linked = detect(withActivity(account({ roles: [role('deploy', { serviceLinked: true })] }), ev));
    expect(linked.map((r) => [r.messageId, r.suggestions])).toEqual([['privilegeChange', undefined]]);
    expect(detect(withActivity(account({ roles: [role('deploy', { attachedPolicies: [AWS_DENY_ALL] })] }), ev))).toEqual([]);
    expect(detect(withActivity(account(), ev))).toEqual([]);
  });

  it('does not report a user that no longer exists', () => {
    expect(detect(withActivity(account(), [createUser('2026-03-09T10:00:00Z', (at, n, x) => call(at, n, 'gone', x))]))).toEqual([]);
  });

  it('deactivates only the active key the user acted with', () => {
    const keys = [
      { id: 'AKIAUSED', status: 'Active' as const, created: '2026-01-01T00:00:00Z' },
      { id: 'AKIAOTHER', status: 'Active' as const, created: '2026-01-01T00:00:00Z' },
    ];
    const by = (keyId: string) => (at: string, n: string, x: Partial<CloudTrailEvent>) => call(at, n, 'deployer', { ...x, userIdentity: { type: 'IAMUser', principalId: 'P', arn: `arn:aws:iam::${ACCOUNT_ID}:user/deployer`, accountId: ACCOUNT_ID, userName: 'deployer', accessKeyId: keyId } });
    const fixOf = (a: Account) => detect(a)[0]?.suggestions?.[0]?.fix;
    expect(fixOf(withActivity(account({ users: [user('deployer', { accessKeys: keys })] }), [createUser('2026-03-09T10:00:00Z', by('AKIAUSED'))]))).toEqual([
      { op: 'UpdateAccessKey', input: { UserName: 'deployer', AccessKeyId: 'AKIAUSED', Status: 'Inactive' } },
      { op: 'AttachUserPolicy', input: { UserName: 'deployer', PolicyArn: AWS_DENY_ALL } },
    ]);
    const inactive = [{ ...keys[0]!, status: 'Inactive' as const }, keys[1]!];
    expect(fixOf(withActivity(account({ users: [user('deployer', { accessKeys: inactive })] }), [createUser('2026-03-09T10:00:00Z', by('AKIAUSED'))]))).toEqual([
      { op: 'AttachUserPolicy', input: { UserName: 'deployer', PolicyArn: AWS_DENY_ALL } },
    ]);
  });

  it('reports a user\'s anomalies on the user', () => {
    const a = withActivity(account({ users: [user('deployer')] }), [createUser('2026-03-09T10:00:00Z', (at, n, x) => call(at, n, 'deployer', x))]);
    expect(detect(a)[0]?.resource).toEqual({ kind: 'user', arn: `arn:aws:iam::${ACCOUNT_ID}:user/deployer`, name: 'deployer' });
  });

  it('reports root on the root user, named root, without a suggestion', () => {
    const [r, ...rest] = detect(withActivity(account(), [rootCall('2026-03-09T10:00:00Z', 'ListUsers')]));
    expect(rest).toEqual([]);
    expect(r?.resource).toEqual({ kind: 'root', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, name: 'root' });
    expect(r?.data['actor']).toBe('root');
    expect(r?.suggestions).toBeUndefined();
  });

  it('reports other principals on the activity, by ARN or, without one, on the account\'s activity', () => {
    const fed = `arn:aws:sts::${ACCOUNT_ID}:federated-user/carol`;
    const byFed = (at: string, n: string, x: Partial<CloudTrailEvent>) => call(at, n, 'x', { ...x, userIdentity: { type: 'FederatedUser', principalId: 'P1', arn: fed, accountId: ACCOUNT_ID } });
    const bySvc = (at: string, n: string, x: Partial<CloudTrailEvent>) => call(at, n, 'x', { ...x, userIdentity: { type: 'AWSService', principalId: 'config.amazonaws.com', arn: '', accountId: ACCOUNT_ID } });
    const reports = detect(withActivity(account(), [createUser('2026-03-09T10:00:00Z', byFed), createUser('2026-03-09T10:01:00Z', bySvc)]));
    expect(reports.map((r) => [r.resource, r.data['actor'], r.suggestions])).toEqual([
      [{ kind: 'activity', arn: fed, name: fed }, `other ${fed}`, undefined],
      [{ kind: 'activity', arn: `arn:aws:iam::${ACCOUNT_ID}:activity`, name: 'config.amazonaws.com' }, 'other config.amazonaws.com', undefined],
    ]);
  });

  it('looks at events up to now, including one at now, and none after it', () => {
    const at = rootCall(NOW, 'ListUsers');
    const later = rootCall('2026-03-10T12:00:01Z', 'ListUsers');
    expect(detect(withActivity(account(), [at, later])).map((r) => r.evidence?.map((e) => e.eventID))).toEqual([[at.eventID]]);
  });

  it('describes each evidence event with its error and its resource, unless the resource is *', () => {
    const ev = [
      rootCall('2026-03-09T10:00:00Z', 'GetSecretValue', { errorCode: 'AccessDenied', sourceIPAddress: '192.0.2.1', iamsimResource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' }),
      rootCall('2026-03-09T10:01:00Z', 'ListUsers', { sourceIPAddress: '192.0.2.1', iamsimResource: '*' }),
    ];
    expect(detect(withActivity(account(), ev))[0]?.evidence).toEqual([
      { eventID: ev[0]!.eventID, eventTime: '2026-03-09T10:00:00Z', text: 'GetSecretValue (AccessDenied) from 192.0.2.1 on arn:aws:secretsmanager:us-east-1:111122223333:secret:db' },
      { eventID: ev[1]!.eventID, eventTime: '2026-03-09T10:01:00Z', text: 'ListUsers from 192.0.2.1' },
    ]);
  });

  it('judges an attach to a group or role without a recorded policy by what that group or role holds now', () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const ev = [
      call('2026-03-09T10:00:00Z', 'AttachGroupPolicy', 'deployer', { requestParameters: { groupName: 'ops' } }),
      call('2026-03-09T10:01:00Z', 'AttachRolePolicy', 'deployer', { requestParameters: { roleName: 'ops' } }),
      call('2026-03-09T10:02:00Z', 'AttachUserPolicy', 'deployer', { requestParameters: { userName: 'ops' } }),
      call('2026-03-09T10:03:00Z', 'AttachRolePolicy', 'deployer', { requestParameters: { roleName: 'toString' } }),
    ];
    const groupOnly = { ...account({ users: [user('deployer'), user('ops')], roles: [role('ops')] }), groups: { ops: { name: 'ops', path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:group/ops`, id: 'AGPA1', created: NOW, attachedPolicies: [admin], inlinePolicies: {} } } };
    expect(detect(withActivity(groupOnly, ev)).map((r) => r.data['target'])).toEqual(['ops, who now holds administrator policy AdministratorAccess']);
    const roleOnly = account({ users: [user('deployer'), user('ops')], roles: [role('ops', { attachedPolicies: [admin] })] });
    expect(detect(withActivity(roleOnly, ev)).map((r) => r.data['change'])).toEqual(['attached a policy to role']);
  });
});
