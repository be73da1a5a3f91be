import { describe, expect, it } from 'vitest';
import { findPrincipal, policiesFor, whatCan, whoCan } from '../../src/model/queries/index.js';
import { expandActions } from '../../src/model/access-level.js';
import { ACCOUNT_ID, deepFreeze, fixture, mkUser, NOW, orgFixture } from './request-fixture.js';

const OBJ = 'arn:aws:s3:::data-bucket/reports/q1.csv';

describe('findPrincipal', () => {
  it('finds users and roles by ARN or kind/name, and root', () => {
    const a = fixture();
    expect(findPrincipal(a, `arn:aws:iam::${ACCOUNT_ID}:user/alice`)?.kind).toBe('user');
    expect(findPrincipal(a, 'role/admin-role')?.kind).toBe('role');
    expect(findPrincipal(a, `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`)?.name).toBe('AWSServiceRoleForSupport');
    expect(findPrincipal(a, `arn:aws:iam::${ACCOUNT_ID}:root`)?.kind).toBe('root');
    expect(findPrincipal(a, 'user/nobody')).toBeUndefined();
    expect(findPrincipal(a, `arn:aws:iam::${ACCOUNT_ID}:role/wrongpath/admin-role`)).toBeUndefined();
  });
});

describe('policiesFor', () => {
  it('lists direct inline and attached policies, then group policies, then the boundary, with provenance', () => {
    const a = fixture();
    const alice = policiesFor(a, 'user/alice')!;
    expect(alice.all.map((p) => [p.name, p.source.kind, p.storage])).toEqual([
      ['assume', 'direct', 'inline'],
      ['ReadOnlyAccess', 'group', 'aws-managed'],
    ]);
    expect(alice.identity[1]!.source).toEqual({ kind: 'group', group: 'readers' });
    const carol = policiesFor(a, 'user/carol')!;
    expect(carol.boundary?.name).toBe('s3-only');
    expect(carol.boundary?.storage).toBe('customer-managed');
    expect(carol.all.at(-1)?.source).toEqual({ kind: 'boundary' });
    expect(carol.scp).toBeNull();
  });

  it('adds SCP levels in a member account (root first), not for service-linked roles', () => {
    const a = orgFixture();
    const bob = policiesFor(a, 'user/bob')!;
    expect(bob.scp?.map((l) => l.map((p) => p.name))).toEqual([['FullAWSAccess', 'DenyStuff'], ['FullAWSAccess'], ['FullAWSAccess']]);
    expect(bob.scp?.[0]?.[1]?.source).toEqual({ kind: 'scp', level: 'r-ab12', levelIndex: 0 });
    expect(policiesFor(a, 'role/AWSServiceRoleForSupport')!.scp).toBeNull();
  });

  it('reports missing managed policies and groups instead of failing', () => {
    const a = fixture();
    const b = deepFreeze({ ...a, users: { ...a.users, dave: mkUser('dave', { attachedPolicies: ['arn:aws:iam::aws:policy/NoSuchPolicy'], groups: ['ghosts'] }) } });
    expect(policiesFor(b, 'user/dave')!.missing).toEqual(['arn:aws:iam::aws:policy/NoSuchPolicy', 'group/ghosts']);
  });

  it('is undefined for unknown principals', () => {
    expect(policiesFor(fixture(), 'user/nobody')).toBeUndefined();
  });

  it('roles: inline and attached policies directly; root: none, but SCPs in a member account', () => {
    const app = policiesFor(fixture(), `arn:aws:iam::${ACCOUNT_ID}:role/app-role`)!;
    expect(app.principal.kind).toBe('role');
    expect(app.all.map((p) => [p.id, p.source.kind])).toEqual([['role/app-role/inline/read', 'direct']]);
    expect(policiesFor(fixture(), 'root')!.all).toEqual([]);
    expect(policiesFor(orgFixture(), 'root')!.scp?.length).toBe(3);
  });
});

describe('whoCan', () => {
  it('s3:GetObject on the bucket: alice (ReadOnlyAccess), bob and admin-role (Admin), carol (inline within boundary), app-role, root', () => {
    const r = whoCan(fixture(), 's3:GetObject', OBJ, { at: NOW });
    expect(r.allowed.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'user:alice', 'user:bob', 'user:carol', 'role:AWSServiceRoleForSupport', 'role:admin-role', 'role:app-role', 'root:root',
    ]);
    expect(r.denied).toEqual([]);
    expect(r.assumed).toEqual({ via: 'access-key', mfa: false, sourceIp: '203.0.113.10', region: 'us-east-1' });
  });

  it('s3:PutObject: ReadOnlyAccess and app-role drop out; an SCP Deny removes everyone but the service-linked role', () => {
    const r = whoCan(fixture(), 's3:PutObject', OBJ, { at: NOW });
    expect(r.allowed.map((e) => e.name)).toEqual(['bob', 'carol', 'AWSServiceRoleForSupport', 'admin-role', 'root']);
    expect(r.denied.map((e) => e.name)).toEqual(['alice', 'app-role']);
    const o = whoCan(orgFixture(), 's3:PutObject', OBJ, { at: NOW });
    expect(o.allowed.map((e) => e.name)).toEqual(['AWSServiceRoleForSupport']);
    expect(o.denied.find((e) => e.name === 'bob')?.decidedBy).toBe('scp');
  });

  it('MFA conditions depend on the assumed context: BoolIfExists passes for keys, Bool needs --mfa', () => {
    const a = fixture();
    const needsMfa = (op: string) => mkUser(`u-${op.toLowerCase()}`, {
      mfa: [{ serial: 'x', kind: 'virtual', enabled: NOW }],
      inlinePolicies: { p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { [op]: { 'aws:MultiFactorAuthPresent': 'true' } } }] } },
    });
    const b = deepFreeze({ ...a, users: { 'u-bool': needsMfa('Bool'), 'u-boolifexists': needsMfa('BoolIfExists') } });
    const names = (o: Parameters<typeof whoCan>[3]) => whoCan(b, 'ec2:StopInstances', '*', { at: NOW, includeRoot: false, ...o }).allowed.filter((e) => e.kind === 'user').map((e) => e.name);
    expect(names({})).toEqual(['u-boolifexists']);
    expect(names({ via: 'console' })).toEqual([]);
    expect(names({ via: 'console', mfa: true })).toEqual(['u-bool', 'u-boolifexists']);
  });

  it('defaults `at` to the last logged event, never the wall clock', () => {
    expect(whoCan(fixture(), 's3:GetObject', OBJ).at).toBe('2025-01-01T00:00:00Z');
  });
});

describe('whatCan', () => {
  it('AdministratorAccess: full access to every service', () => {
    const r = whatCan(fixture(), 'user/bob')!;
    expect(r.allowedActions).toBe(expandActions('*').length);
    const s3 = r.services.find((s) => s.service === 's3')!;
    expect(s3.access).toBe('Full access');
    expect(s3.text).toBe('Full access');
    expect(s3.resources).toBe('All resources');
  });

  it('ReadOnlyAccess via a group: S3 limited with Read and no Write; the inline AssumeRole shows as STS Write limited to some resources', () => {
    const r = whatCan(fixture(), 'user/alice')!;
    const s3 = r.services.find((s) => s.service === 's3')!;
    expect(s3.access).toBe('Limited');
    const level = (l: string) => s3.levels.find((x) => x.level === l)!;
    expect(level('Read').allowed).toBeGreaterThan(10);
    expect(level('Write').access).toBe('None');
    expect(s3.text).toMatch(/Read/);
    expect(s3.text).not.toMatch(/Write/);
    const sts = r.services.find((s) => s.service === 'sts')!;
    expect(sts.levels.find((l) => l.level === 'Write')!.allowed).toBeGreaterThanOrEqual(1);
    expect(sts.resources).toBe('Some resources');
    expect(r.services.some((s) => s.service === 'iam' && s.levels.some((l) => l.level === 'Permissions management' && l.allowed > 0))).toBe(false);
  });

  it('a boundary narrows: carol has s3:GetObject and s3:PutObject, but no ec2', () => {
    const r = whatCan(fixture(), 'user/carol')!;
    expect(r.services.map((s) => s.service)).toEqual(['s3']);
    expect(r.allowedActions).toBe(2);
  });

  it('SCP levels narrow, an unconditional Deny removes, and root gets everything the SCPs allow', () => {
    const r = whatCan(orgFixture({ scpDeny: ['s3:*'] }), 'user/bob')!;
    expect(r.services.some((s) => s.service === 's3')).toBe(false);
    const root = whatCan(orgFixture({ scpDeny: ['iam:*'] }), 'root')!;
    expect(root.services.some((s) => s.service === 'iam')).toBe(false);
    expect(root.services.find((s) => s.service === 's3')?.access).toBe('Full access');
  });

  it('roles are summarised from their policies (app-role: one S3 Read action on some resources)', () => {
    const r = whatCan(fixture(), 'role/app-role')!;
    expect(r.allowedActions).toBe(1);
    expect(r.services).toEqual([expect.objectContaining({ service: 's3', access: 'Limited', resources: 'Some resources', conditions: false, allowed: 1 })]);
    expect(whatCan(fixture(), 'role/nope')).toBeUndefined();
  });

  it('flags conditional grants', () => {
    const a = fixture();
    const b = deepFreeze({ ...a, users: { ...a.users, eve: mkUser('eve', { inlinePolicies: { p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] } } }) } });
    const kms = whatCan(b, 'user/eve')!.services[0]!;
    expect(kms.service).toBe('kms');
    expect(kms.conditions).toBe(true);
    expect(kms.text).toMatch(/^Limited: Write \(1 of \d+\)$/);
  });
});
