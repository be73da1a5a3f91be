/** ec2-app-credentials: the move-to-role plan for keys shared or not, the instance profile lookup, and instance order. */
import { describe, expect, it } from 'vitest';
import check, { planMoveToRole } from '../../../src/checks/rules/ec2-app-credentials.js';
import type { Account, Ec2Instance, User } from '../../../src/model/types.js';
import { account, doc, event, role, user, withActivity } from '../universe-fixtures.js';

const NOW = '2026-03-10T12:00:00Z';
const FROM = '2025-12-10T12:00:00Z';
const KEY = 'AKIAAPPKEY000000001';
const K2 = 'AKIAAPPKEY000000002';
const inst = (id: string, extra: Partial<Ec2Instance> = {}): Ec2Instance => ({ id, region: 'eu-west-1', launched: '2026-01-01T00:00:00Z', instanceProfile: null, applications: [], tags: {}, ...extra });
const onKey = (name: string, accessKeyId: string) => ({ name, credential: { kind: 'access-key' as const, user: 'svc', accessKeyId } });
const svc = (keys: User['accessKeys']): User => user('svc', { accessKeys: keys, inlinePolicies: { p: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } });
const active = (id: string) => ({ id, status: 'Active' as const, created: '2026-01-01T00:00:00Z' });
const used = [event('2026-03-05T10:00:00Z', 'GetObject', { user: 'svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/in.csv', ip: '10.0.1.5' })];
const withInstances = (a: Account, ...is: Ec2Instance[]): Account => withActivity({ ...a, instances: Object.fromEntries(is.map((i) => [i.id, i])) }, used);
const ops = (a: Account, i: Ec2Instance, app: string) => {
  const p = planMoveToRole(a, i, app, 'svc', KEY, FROM, NOW);
  return p && { ops: p.fix.map((c) => c.op), role: p.role, keyInactive: p.keyInactive, holds: p.holds, allowed: p.stillAllowed, used: p.logged.length };
};
const NEW_PROFILE = ['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'AssociateIamInstanceProfile', 'PutRolePolicy', 'SetApplicationCredential'];

describe('planMoveToRole', () => {
  it('a key used by this application alone is deactivated, even with the user’s other key active', () => {
    const i = inst('i-0000000000000001', { applications: [onKey('app', KEY)] });
    const a = withInstances(account({ users: [svc([active(K2), active(KEY)])] }), i, inst('i-0000000000000002', { applications: [onKey('other', K2)] }));
    expect(ops(a, i, 'app')).toEqual({ ops: [...NEW_PROFILE, 'UpdateAccessKey'], role: 'app-ec2', keyInactive: true, holds: true, allowed: 1, used: 1 });
  });
  it('a key another application also uses stays active; another inactive key of the user does not make it inactive', () => {
    const i = inst('i-0000000000000001', { applications: [onKey('app', KEY), onKey('second', KEY)] });
    const a = withInstances(account({ users: [svc([{ ...active(K2), status: 'Inactive' }, active(KEY)])] }), i);
    expect(ops(a, i, 'app')).toEqual({ ops: NEW_PROFILE, role: 'app-ec2', keyInactive: false, holds: true, allowed: 1, used: 1 });
  });
  it('an instance without a profile gets a new one, whatever profiles are named', () => {
    const i = inst('i-0000000000000001', { applications: [onKey('app', KEY)] });
    const a = { ...withInstances(account({ users: [svc([active(KEY)])], roles: [role('other')] }), i), instanceProfiles: { null: { name: 'null', arn: 'arn:aws:iam::111122223333:instance-profile/null', id: 'AIPAX', created: NOW, roles: ['other'] } } };
    expect(ops(a, i, 'app')?.ops).toEqual([...NEW_PROFILE, 'UpdateAccessKey']);
  });
});

describe('ec2-app-credentials order', () => {
  it('instances are reported by id, whatever the record order', () => {
    const a = withInstances(account({ users: [svc([active(KEY)])] }), inst('i-b'), inst('i-a'), inst('i-c'));
    expect(check.detect({ account: a, now: NOW, options: { activityDays: 90 } }).map((r) => r.data['instance'])).toEqual(['i-a', 'i-b', 'i-c']);
  });
});
