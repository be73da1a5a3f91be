/**
 * planReplacement: which of a principal's own policies are replaced, the name of the generated policy, the exact
 * operations of the fix for users and roles, the labels of the replaced policies, and the proof over the set
 * that keeps every other policy.
 */
import { describe, expect, it } from 'vitest';
import { planReplacement } from '../../../src/checks/least-privilege/replace-direct-policies.js';
import { decideRaw, REAL_CATALOG } from '../../../src/checks/universe/index.js';
import type { PolicySourceRef } from '../../../src/checks/universe/principal-policies.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { account, ACCOUNT_ID, doc, event, group, managed, role, user, withActivity } from '../universe-fixtures.js';

const FROM = '2026-03-01T00:00:00Z';
const NOW = '2026-03-10T00:00:00Z';
const BASE = 'least-privilege-from-activity';
const S3_ALL = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const OBJ = 'arn:aws:s3:::data/a.csv';
const getObject = (who = 'u') => event('2026-03-05T10:00:00Z', 'GetObject', { user: who, source: 's3.amazonaws.com', resource: OBJ });
const generatedGet = { Version: '2012-10-17', Statement: [{ Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: OBJ }] };
const inlineNamed = (name: string) => (s: PolicySourceRef) => s.kind === 'inline' && s.name === name;

/** An API call by a session of role `r`. */
function roleEvent(r: string, at: string, name: string, source: string, resource: string): CloudTrailEvent {
  const e = event(at, name, { source, resource });
  const roleArn = `arn:aws:iam::${ACCOUNT_ID}:role/${r}`;
  return {
    ...e,
    userIdentity: {
      type: 'AssumedRole', principalId: `AROAX:s`, arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${r}/s`, accountId: ACCOUNT_ID,
      sessionContext: { sessionIssuer: { type: 'Role', principalId: 'AROAX', arn: roleArn, accountId: ACCOUNT_ID, userName: r }, attributes: { creationDate: at, mfaAuthenticated: 'false' } },
    },
  } as CloudTrailEvent;
}

describe('planReplacement', () => {
  it('returns null for a principal that does not exist, and when nothing of its own is selected', () => {
    const a = account({ users: [user('u', { inlinePolicies: { broad: S3_ALL }, groups: ['g'] })], groups: [group('g', { inlinePolicies: { shared: S3_ALL } })] });
    expect(planReplacement(a, { kind: 'user', name: 'nobody' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)).toBeNull();
    expect(planReplacement(a, { kind: 'role', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)).toBeNull();
    expect(planReplacement(a, { kind: 'user', name: 'u' }, () => false, FROM, NOW, decideRaw, REAL_CATALOG)).toBeNull();
    expect(planReplacement(a, { kind: 'user', name: 'u' }, (s) => s.kind === 'group-inline', FROM, NOW, decideRaw, REAL_CATALOG)).toBeNull();
  });

  it('names the generated policy past the kept inline policies of the user (not its group\'s) and deletes only the replaced one', () => {
    const u = user('u', {
      inlinePolicies: {
        broad: S3_ALL,
        [BASE]: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
        [`${BASE}-2`]: doc({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }),
      },
      groups: ['g'],
    });
    const g = group('g', { inlinePolicies: { [`${BASE}-3`]: doc({ Effect: 'Allow', Action: 'sns:ListTopics', Resource: '*' }) } });
    const a = withActivity(account({ users: [u], groups: [g] }), [getObject()]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, inlineNamed('broad'), FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.policyName).toBe(`${BASE}-3`);
    expect(plan.replaced).toEqual(['inline broad']);
    expect(plan.fix).toEqual([
      { op: 'PutUserPolicy', input: { UserName: 'u', PolicyName: `${BASE}-3`, PolicyDocument: generatedGet } },
      { op: 'DeleteUserPolicy', input: { UserName: 'u', PolicyName: 'broad' } },
    ]);
    expect(plan.proof.holds).toBe(true);
    expect(plan.proof.broken).toEqual([]);
    expect(plan.proof.widened).toEqual([]);
  });

  it('a custom base name is used as given', () => {
    const a = withActivity(account({ users: [user('u', { inlinePolicies: { broad: S3_ALL } })] }), [getObject()]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG, 'mine')!;
    expect(plan.policyName).toBe('mine');
    expect(plan.fix.map((c) => c.op)).toEqual(['PutUserPolicy', 'DeleteUserPolicy']);
  });

  it('a replaced inline policy with the generated name is overwritten, not deleted', () => {
    const a = withActivity(account({ users: [user('u', { inlinePolicies: { [BASE]: S3_ALL } })] }), [getObject()]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.policyName).toBe(BASE);
    expect(plan.fix).toEqual([{ op: 'PutUserPolicy', input: { UserName: 'u', PolicyName: BASE, PolicyDocument: generatedGet } }]);
    expect(plan.replaced).toEqual([`inline ${BASE}`]);
    expect(plan.proof.holds).toBe(true);
  });

  it('with no activity nothing is put, and a replaced policy with the generated name is deleted', () => {
    const a = account({ users: [user('u', { inlinePolicies: { [BASE]: S3_ALL } })] });
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.generated.document).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(plan.fix).toEqual([{ op: 'DeleteUserPolicy', input: { UserName: 'u', PolicyName: BASE } }]);
    expect(plan.proof).toMatchObject({ holds: true, broken: [], widened: [] });
  });

  it('a user\'s attached managed policy is detached and labelled by its name without the path', () => {
    const p = managed('Broad', S3_ALL, { arn: `arn:aws:iam::${ACCOUNT_ID}:policy/team/Broad`, path: '/team/' });
    const a = withActivity(account({ users: [user('u', { attachedPolicies: [p.arn] })], policies: [p] }), [getObject()]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.replaced).toEqual(['Broad']);
    expect(plan.fix).toEqual([
      { op: 'PutUserPolicy', input: { UserName: 'u', PolicyName: BASE, PolicyDocument: generatedGet } },
      { op: 'DetachUserPolicy', input: { UserName: 'u', PolicyArn: p.arn } },
    ]);
  });

  it('for a role: PutRolePolicy, DetachRolePolicy and DeleteRolePolicy', () => {
    const p = managed('Broad', S3_ALL, { arn: `arn:aws:iam::${ACCOUNT_ID}:policy/team/Broad`, path: '/team/' });
    const r = role('app', { inlinePolicies: { old: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }) }, attachedPolicies: [p.arn] });
    const a = withActivity(account({ roles: [r], policies: [p] }), [roleEvent('app', '2026-03-05T10:00:00Z', 'GetObject', 's3.amazonaws.com', OBJ)]);
    const plan = planReplacement(a, { kind: 'role', name: 'app' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.replaced).toEqual(['inline old', 'Broad']);
    expect(plan.fix).toEqual([
      { op: 'PutRolePolicy', input: { RoleName: 'app', PolicyName: BASE, PolicyDocument: generatedGet } },
      { op: 'DeleteRolePolicy', input: { RoleName: 'app', PolicyName: 'old' } },
      { op: 'DetachRolePolicy', input: { RoleName: 'app', PolicyArn: p.arn } },
    ]);
    expect(plan.proof.holds).toBe(true);
  });

  it('for a role with no activity: only the removals', () => {
    const r = role('app', { inlinePolicies: { old: S3_ALL } });
    const plan = planReplacement(account({ roles: [r] }), { kind: 'role', name: 'app' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.fix).toEqual([{ op: 'DeleteRolePolicy', input: { RoleName: 'app', PolicyName: 'old' } }]);
  });

  it('the proof keeps the policies not replaced: a call a kept policy allows is not broken', () => {
    const u = user('u', { inlinePolicies: { broad: S3_ALL, keep: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) } });
    const send = event('2026-03-05T11:00:00Z', 'SendMessage', { user: 'u', source: 'sqs.amazonaws.com', resource: 'arn:aws:sqs:us-east-1:111122223333:q' });
    const a = withActivity(account({ users: [u] }), [getObject(), send]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, inlineNamed('broad'), FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.generated.document).toEqual(generatedGet);
    expect(plan.generated.keptElsewhere.map((l) => l.request.action)).toEqual(['sqs:SendMessage']);
    expect(plan.proof.broken).toEqual([]);
    expect(plan.proof.holds).toBe(true);
  });

  it('the proof drops the replaced policies: removing a Deny that fenced a kept Allow widens, so it does not hold', () => {
    const u = user('u', {
      inlinePolicies: {
        broad: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }),
        keep: doc({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*' }),
      },
    });
    const plan = planReplacement(account({ users: [u] }), { kind: 'user', name: 'u' }, inlineNamed('broad'), FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.proof.holds).toBe(false);
    expect(plan.proof.broken).toEqual([]);
    expect([...new Set(plan.proof.widened.map((w) => w.action))]).toEqual(['s3:DeleteObject']);
    expect(plan.fix).toEqual([{ op: 'DeleteUserPolicy', input: { UserName: 'u', PolicyName: 'broad' } }]);
  });

  it('the proof\'s universe includes the generated policy', () => {
    const a = withActivity(account({ users: [user('u', { inlinePolicies: { broad: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } })] }), [getObject()]);
    const plan = planReplacement(a, { kind: 'user', name: 'u' }, () => true, FROM, NOW, decideRaw, REAL_CATALOG)!;
    expect(plan.proof.universeSize).toBe(6);
  });
});
