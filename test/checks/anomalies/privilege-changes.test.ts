import { describe, expect, it } from 'vitest';
import { detectAnomalies, privilegeChanges, type PrivilegeEnv } from '../../../src/checks/anomalies/index.js';
import { decideRaw } from '../../../src/checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../../src/checks/universe/real-catalog.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { call, denied, minute, OPTS, rootCall, signIn } from './events.js';

const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const IAM_FULL = 'arn:aws:iam::aws:policy/IAMFullAccess';
const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const DOCS: Record<string, PolicyDocument> = {
  [ADMIN]: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  [IAM_FULL]: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
  [READ]: doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }),
};
const env: PrivilegeEnv = { policyByArn: (arn) => DOCS[arn], decide: decideRaw, catalog: REAL_CATALOG };
const at = minute(0);
const change = (e: CloudTrailEvent, e2: PrivilegeEnv = env): unknown[] => privilegeChanges([e], e2).map((a) => [a.detail['change'], a.detail['target']]);

describe('privilegeChanges', () => {
  it('reports CreateUser with the actor, target, time and address', () => {
    const e = call(at, 'CreateUser', 'deployer', { requestParameters: { userName: 'backup' }, sourceIPAddress: '198.51.100.66' });
    expect(privilegeChanges([e], env)).toEqual([{ kind: 'privilege-change', actor: { kind: 'user', arn: e.userIdentity.arn, name: 'deployer' }, events: [e], detail: { change: 'created user', target: 'backup', time: at, ip: '198.51.100.66' } }]);
  });

  it('names CreateLoginProfile and UpdateAssumeRolePolicy changes', () => {
    expect(change(call(at, 'CreateLoginProfile', 'a', { requestParameters: { userName: 'bob' } }))).toEqual([['gave a console password to', 'bob']]);
    expect(change(call(at, 'UpdateAssumeRolePolicy', 'a', { requestParameters: { roleName: 'deploy' } }))).toEqual([['changed the trust policy of', 'deploy']]);
  });

  it('takes the target from the event resource\'s last path segment when the parameters do not name it', () => {
    expect(change(call(at, 'CreateUser', 'a', { iamsimResource: 'arn:aws:iam::111122223333:user/team/carol' }))).toEqual([['created user', 'carol']]);
    expect(change(call(at, 'CreateUser', 'a', { resources: [{ ARN: 'arn:aws:iam::111122223333:user/dave' }] }))).toEqual([['created user', 'dave']]);
    expect(change(call(at, 'CreateUser', 'a', { requestParameters: { userName: 7 } }))).toEqual([['created user', '']]);
  });

  it('reports CreateAccessKey only for another user', () => {
    expect(change(call(at, 'CreateAccessKey', 'a', { requestParameters: { userName: 'bob' } }))).toEqual([['created an access key for', 'bob']]);
    expect(change(call(at, 'CreateAccessKey', 'a', { requestParameters: { userName: 'a' } }))).toEqual([]);
    expect(change(call(at, 'CreateAccessKey', 'a'))).toEqual([]);
  });

  it('reports attaching a policy that grants every action, or every IAM action, naming the policy', () => {
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob', policyArn: ADMIN } }))).toEqual([['attached administrator policy AdministratorAccess to', 'bob']]);
    expect(change(call(at, 'AttachGroupPolicy', 'a', { requestParameters: { groupName: 'ops', policyArn: IAM_FULL } }))).toEqual([['attached administrator policy IAMFullAccess to', 'ops']]);
    expect(change(call(at, 'AttachRolePolicy', 'a', { requestParameters: { roleName: 'r', policyArn: ADMIN } }))).toEqual([['attached administrator policy AdministratorAccess to', 'r']]);
  });

  it('does not report attaching a narrower or unknown policy', () => {
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob', policyArn: READ } }))).toEqual([]);
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/Nope' } }))).toEqual([]);
  });

  it('judges an attach without a recorded policy by what the target holds now', () => {
    const seen: string[] = [];
    const now: PrivilegeEnv = { ...env, attachedNow: (kind, name) => { seen.push(`${kind} ${name}`); return name === 'bob' ? [READ, ADMIN] : [READ]; } };
    expect(change(call(at, 'AttachUserPolicy', 'a', { iamsimResource: 'arn:aws:iam::111122223333:user/bob' }), now)).toEqual([['attached a policy to user', 'bob, who now holds administrator policy AdministratorAccess']]);
    expect(change(call(at, 'AttachGroupPolicy', 'a', { requestParameters: { groupName: 'bob' } }), now)).toEqual([['attached a policy to group', 'bob, who now holds administrator policy AdministratorAccess']]);
    expect(change(call(at, 'AttachRolePolicy', 'a', { requestParameters: { roleName: 'r' } }), now)).toEqual([]);
    expect(seen).toEqual(['user bob', 'group bob', 'role r']);
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob' } }))).toEqual([]);
  });

  it('reports an inline policy granting administrator access, given as JSON text or as an object', () => {
    const admin = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob', policyDocument: JSON.stringify(admin) } }))).toEqual([['wrote an administrator inline policy for', 'bob']]);
    expect(change(call(at, 'PutGroupPolicy', 'a', { requestParameters: { groupName: 'ops', policyDocument: admin } }))).toEqual([['wrote an administrator inline policy for', 'ops']]);
    expect(change(call(at, 'PutRolePolicy', 'a', { requestParameters: { roleName: 'r', policyDocument: admin } }))).toEqual([['wrote an administrator inline policy for', 'r']]);
  });

  it('ignores an inline policy that is narrower, unreadable JSON, or missing', () => {
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob', policyDocument: JSON.stringify(DOCS[READ]) } }))).toEqual([]);
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob', policyDocument: '{"Statement": [' } }))).toEqual([]);
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob', policyDocument: null } }))).toEqual([]);
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob' } }))).toEqual([]);
  });

  it('ignores failed calls, calls to other services and other IAM actions', () => {
    expect(change(call(at, 'CreateUser', 'a', { requestParameters: { userName: 'b' }, errorCode: 'AccessDenied' }))).toEqual([]);
    expect(change(call(at, 'CreateUser', 'a', { requestParameters: { userName: 'b' }, eventSource: 'sso.amazonaws.com' }))).toEqual([]);
    expect(change(call(at, 'DeleteUser', 'a', { requestParameters: { userName: 'b' } }))).toEqual([]);
  });
});

describe('detectAnomalies', () => {
  it('runs every detector, root use first and privilege changes last, reporting only events from `from` on', () => {
    const from = minute(100);
    const ev = [
      call(minute(0), 'ListUsers'), call(minute(1), 'ListUsers'),
      rootCall(minute(50), 'ListUsers'),
      call(minute(50), 'CreateUser', 'alice', { requestParameters: { userName: 'early' } }),
      rootCall(minute(100), 'GetAccountSummary'),
      signIn(minute(101), 'alice', '192.0.2.1'),
      ...[102, 103, 104].map((m) => denied(minute(m), 'GetSecretValue')),
      call(minute(105), 'CreateUser', 'alice', { requestParameters: { userName: 'late' } }),
      call('2026-03-02T01:00:00Z', 'ListUsers'),
    ];
    const out = detectAnomalies(ev, from, OPTS, env);
    expect(out.map((a) => a.kind)).toEqual(['root-use', 'console-without-mfa', 'new-sign-in-ip', 'unusual-hours', 'access-denied-burst', 'privilege-change']);
    expect(out[0]?.detail['actions']).toBe('GetAccountSummary');
    expect(out[5]?.detail['target']).toBe('late');
  });
});
