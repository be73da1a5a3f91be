/** ec2-app-credentials: how the move from a user's key to the instance role is planned, proven and reported. */
import { describe, expect, it } from 'vitest';
import check, { EC2_TRUST, planMoveToRole } from '../../../src/checks/rules/ec2-app-credentials.js';
import type { Account, CloudTrailEvent, Ec2Instance, InstanceProfile, Role } from '../../../src/model/types.js';
import { account, ACCOUNT_ID, doc, event, role, user, withActivity } from '../universe-fixtures.js';

const NOW = '2026-03-10T12:00:00Z';
const FROM = '2025-12-10T12:00:00Z';
const KEY = 'AKIAAPPKEY000000001';
const ID = 'i-0123456789abcdef0';
const svc = user('report-svc', {
  accessKeys: [{ id: KEY, status: 'Active', created: '2026-01-01T00:00:00Z' }],
  inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }) },
});
const onKey = (name = 'reporter') => ({ name, credential: { kind: 'access-key' as const, user: 'report-svc', accessKeyId: KEY } });
const inst = (extra: Partial<Ec2Instance> = {}): Ec2Instance => ({ id: ID, region: 'eu-west-1', launched: '2026-01-01T00:00:00Z', instanceProfile: null, applications: [onKey()], tags: {}, ...extra });
const profile = (name: string, roles: string[] = []): InstanceProfile => ({ name, arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/${name}`, id: `AIPA${name}`, created: NOW, roles });
const get = (at: string, object: string) => event(at, 'GetObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: `arn:aws:s3:::reports/${object}` });
const used = [get('2026-03-05T10:00:00Z', 'a.csv'), get('2026-03-05T10:01:00Z', 'b.csv')];
const setup = (parts: { instances?: Ec2Instance[]; profiles?: InstanceProfile[]; roles?: Role[]; events?: CloudTrailEvent[] } = {}): Account => withActivity({
  ...account({ users: [svc], roles: parts.roles ?? [] }),
  instances: Object.fromEntries((parts.instances ?? [inst()]).map((i) => [i.id, i])),
  instanceProfiles: Object.fromEntries((parts.profiles ?? []).map((p) => [p.name, p])),
}, parts.events ?? used);
const ops = (a: Account, i: Ec2Instance = inst()) => planMoveToRole(a, i, 'reporter', 'report-svc', KEY, FROM, NOW)?.fix.map((c) => c.op);

describe('planMoveToRole', () => {
  it('creates a role, an instance profile and its association for an instance without one', () => {
    const plan = planMoveToRole(setup(), inst(), 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan?.fix.slice(0, 4)).toEqual([
      { op: 'CreateRole', input: { RoleName: 'reporter-ec2', AssumeRolePolicyDocument: EC2_TRUST, Description: `Role for reporter on ${ID}, replacing access key ${KEY} of report-svc` } },
      { op: 'CreateInstanceProfile', input: { InstanceProfileName: 'reporter-ec2' } },
      { op: 'AddRoleToInstanceProfile', input: { InstanceProfileName: 'reporter-ec2', RoleName: 'reporter-ec2' } },
      { op: 'AssociateIamInstanceProfile', input: { InstanceId: ID, IamInstanceProfile: 'reporter-ec2' } },
    ]);
    expect(plan?.fix.slice(4).map((c) => c.op)).toEqual(['PutRolePolicy', 'SetApplicationCredential', 'UpdateAccessKey']);
    expect(plan?.fix[4]?.input['PolicyName']).toBe('reporter-used-permissions');
    expect(plan?.fix[5]).toEqual({ op: 'SetApplicationCredential', input: { InstanceId: ID, ApplicationName: 'reporter' } });
    expect(plan?.fix[6]).toEqual({ op: 'UpdateAccessKey', input: { UserName: 'report-svc', AccessKeyId: KEY, Status: 'Inactive' } });
    expect(plan && { role: plan.role, logged: plan.logged.length, stillAllowed: plan.stillAllowed, keyInactive: plan.keyInactive, holds: plan.holds }).toEqual({ role: 'reporter-ec2', logged: 2, stillAllowed: 2, keyInactive: true, holds: true });
    expect(EC2_TRUST).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  });

  it('picks role and profile names that are not taken', () => {
    const a = setup({ roles: [role('reporter-ec2'), role('reporter-ec2-2')], profiles: [profile('reporter-ec2-3')] });
    const plan = planMoveToRole(a, inst(), 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan?.role).toBe('reporter-ec2-3');
    expect(plan?.fix[1]).toEqual({ op: 'CreateInstanceProfile', input: { InstanceProfileName: 'reporter-ec2-3-2' } });
    expect(plan?.holds).toBe(true);
  });

  it('adds a new role to the instance\'s existing empty profile', () => {
    const i = inst({ instanceProfile: 'web' });
    expect(ops(setup({ instances: [i], profiles: [profile('web')] }), i)).toEqual(['CreateRole', 'AddRoleToInstanceProfile', 'PutRolePolicy', 'SetApplicationCredential', 'UpdateAccessKey']);
    expect(planMoveToRole(setup({ instances: [i], profiles: [profile('web')] }), i, 'reporter', 'report-svc', KEY, FROM, NOW)?.fix[1]).toEqual({ op: 'AddRoleToInstanceProfile', input: { InstanceProfileName: 'web', RoleName: 'reporter-ec2' } });
  });

  it('grants the used permissions to the role the instance already has', () => {
    const i = inst({ instanceProfile: 'web' });
    const plan = planMoveToRole(setup({ instances: [i], profiles: [profile('web', ['web-role'])], roles: [role('web-role')] }), i, 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan?.role).toBe('web-role');
    expect(plan?.fix.map((c) => c.op)).toEqual(['PutRolePolicy', 'SetApplicationCredential', 'UpdateAccessKey']);
    expect(plan?.holds).toBe(true);
  });

  it('writes no policy when the key was not used within the window, and the empty replay still holds', () => {
    const plan = planMoveToRole(setup({ events: [get('2025-12-01T10:00:00Z', 'old.csv')] }), inst(), 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan?.fix.map((c) => c.op)).toEqual(['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'AssociateIamInstanceProfile', 'SetApplicationCredential', 'UpdateAccessKey']);
    expect(plan && [plan.logged.length, plan.stillAllowed, plan.holds]).toEqual([0, 0, true]);
  });

  it('counts only the requests made with this key', () => {
    const other = event('2026-03-05T10:02:00Z', 'PutObject', { user: 'report-svc', key: 'AKIAOTHERKEY0000001', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/c.csv' });
    expect(planMoveToRole(setup({ events: [...used, other] }), inst(), 'reporter', 'report-svc', KEY, FROM, NOW)?.logged.map((l) => l.event.eventID)).toEqual(used.map((e) => e.eventID));
  });

  it('keeps a key that another application still uses active, and the proof still holds', () => {
    const other = inst({ id: 'i-0fedcba9876543210', applications: [onKey('billing')] });
    const plan = planMoveToRole(setup({ instances: [inst(), other] }), inst(), 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan?.fix.map((c) => c.op)).not.toContain('UpdateAccessKey');
    expect(plan && [plan.keyInactive, plan.holds]).toEqual([false, true]);
    const sameInstance = inst({ applications: [onKey(), onKey('billing')] });
    expect(ops(setup({ instances: [sameInstance] }), sameInstance)).not.toContain('UpdateAccessKey');
    const otherCredential = inst({ applications: [onKey(), { name: 'billing', credential: { kind: 'instance-role' } }] });
    expect(ops(setup({ instances: [otherCredential] }), otherCredential)).toContain('UpdateAccessKey');
  });

  it('does not hold when the fix cannot be applied', () => {
    const i = inst({ id: 'i-1' });
    const plan = planMoveToRole(setup({ instances: [i] }), i, 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan && [plan.stillAllowed, plan.keyInactive, plan.holds]).toEqual([0, false, false]);
    expect(plan?.fix.map((c) => c.op)).toContain('AssociateIamInstanceProfile');
  });

  it('does not hold when a logged request would be denied to the role', () => {
    const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    const i = inst({ instanceProfile: 'web' });
    const plan = planMoveToRole(setup({ instances: [i], profiles: [profile('web', ['web-role'])], roles: [role('web-role', { inlinePolicies: { deny: denyAll } })] }), i, 'reporter', 'report-svc', KEY, FROM, NOW);
    expect(plan && [plan.logged.length, plan.stillAllowed, plan.keyInactive, plan.holds]).toEqual([2, 0, true, false]);
  });

  it('has no plan for a user that does not exist', () => {
    expect(planMoveToRole(setup(), inst(), 'reporter', 'ghost', KEY, FROM, NOW)).toBeNull();
    expect(planMoveToRole(setup(), inst(), 'reporter', 'toString', KEY, FROM, NOW)).toBeNull();
  });
});

describe('ec2-app-credentials reports', () => {
  const detect = (a: Account, activityDays = 90) => check.detect({ account: a, now: NOW, options: { activityDays } });

  it('reports each application on a key by instance and application, instances in id order', () => {
    const b = inst({ id: 'i-0bbbbbbbbbbbbbbbb', instanceProfile: 'p', applications: [onKey('b1'), { name: 'web', credential: { kind: 'instance-role' } }] });
    const a = inst({ id: 'i-0aaaaaaaaaaaaaaaa', instanceProfile: 'p', applications: [onKey('a1')] });
    const reports = detect(setup({ instances: [b, a], profiles: [profile('p')] }));
    expect(reports.map((r) => r.resource)).toEqual([
      { kind: 'instance', arn: `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/i-0aaaaaaaaaaaaaaaa/application/a1`, name: 'i-0aaaaaaaaaaaaaaaa/a1' },
      { kind: 'instance', arn: `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/i-0bbbbbbbbbbbbbbbb/application/b1`, name: 'i-0bbbbbbbbbbbbbbbb/b1' },
    ]);
    expect(reports.map((r) => r.data)).toEqual([
      { app: 'a1', instance: 'i-0aaaaaaaaaaaaaaaa', key: KEY, user: 'report-svc' },
      { app: 'b1', instance: 'i-0bbbbbbbbbbbbbbbb', key: KEY, user: 'report-svc' },
    ]);
  });

  it('reports an instance without a profile on the instance itself', () => {
    const r = detect(setup({ instances: [inst({ applications: [] })] }));
    expect(r).toEqual([{ messageId: 'noInstanceProfile', data: { instance: ID }, resource: { kind: 'instance', arn: `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/${ID}`, name: ID } }]);
  });

  it('suggests the move with the distinct actions and requests of the window', () => {
    const put = event('2026-03-06T10:00:00Z', 'PutObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/c.csv' });
    const old = get('2025-11-01T10:00:00Z', 'old.csv');
    const r = detect(setup({ events: [old, ...used, put] }))[1];
    expect(r?.suggestions?.[0]?.data).toEqual({ app: 'reporter', instance: ID, key: KEY, user: 'report-svc', role: 'reporter-ec2', actions: 2, used: 3, allowed: 3 });
    expect(detect(setup({ events: [old, ...used, put] }), 200)[1]?.suggestions?.[0]?.data).toMatchObject({ used: 4 });
  });

  it('offers no suggestion without a proof, or for a user that does not exist', () => {
    const i = inst({ id: 'i-1', instanceProfile: null });
    expect(detect(setup({ instances: [i] })).map((r) => [r.messageId, r.suggestions])).toEqual([['noInstanceProfile', undefined], ['appUsesUserKey', undefined]]);
    const ghost = inst({ applications: [{ name: 'reporter', credential: { kind: 'access-key', user: 'ghost', accessKeyId: KEY } }] });
    expect(detect(setup({ instances: [ghost] }))[1]?.suggestions).toBeUndefined();
  });
});
