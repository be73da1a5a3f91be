/** Boundaries and exact fixes of the credential rules: console-user-without-mfa, access-key-rotation, multiple-active-access-keys, inactive-user, generic-user-name. */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/checks/types.js';
import accessKeyRotation from '../../../src/checks/rules/access-key-rotation.js';
import consoleUserWithoutMfa, { enforcedMfa } from '../../../src/checks/rules/console-user-without-mfa.js';
import genericUserName, { normaliseName } from '../../../src/checks/rules/generic-user-name.js';
import inactiveUser, { deleteUserCalls } from '../../../src/checks/rules/inactive-user.js';
import multipleActiveAccessKeys from '../../../src/checks/rules/multiple-active-access-keys.js';
import { REQUIRE_MFA_POLICY } from '../../../src/checks/lib/mfa-policy.js';
import type { Account, Ec2Instance, ManagedPolicy } from '../../../src/model/types.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, ACCOUNT_ID, daysAgo, group, key, loginProfile, mfa, NOW, user } from '../fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const detect = (check: Check<string, any>, a: Account, options: Record<string, unknown> = {}) => check.detect({ account: a, now: NOW, options: { ...check.meta.defaults, ...options } });
const POLICY_ARN = `arn:aws:iam::${ACCOUNT_ID}:policy/DenyAllWithoutMFA`;
const mfaDoc = (op: string): PolicyDocument => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:EnableMFADevice', Resource: '*', Condition: { [op]: { 'aws:MultiFactorAuthPresent': 'false' } } }] });
const managedPolicy = (name: string, document: PolicyDocument): ManagedPolicy => ({ arn: `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`, name, path: '/', id: `ANPA${name}`, created: NOW, versions: [{ id: 'v1', document, created: NOW }], defaultVersion: 'v1' });
const withPolicies = (a: Account, ...ps: ManagedPolicy[]): Account => ({ ...a, policies: Object.fromEntries(ps.map((p) => [p.arn, p])) });

describe('console-user-without-mfa', () => {
  const pw = loginProfile();

  it('enforcedMfa reads the user\'s own and its groups\' policies: BoolIfExists covers all, Bool the console', () => {
    const viaGroup = user('a', { groups: ['mfa'] });
    expect(enforcedMfa(account({ users: [viaGroup], groups: [group('mfa', { inlinePolicies: { m: mfaDoc('BoolIfExists') } })] }), viaGroup)).toBe('all');
    const both = user('b', { inlinePolicies: { c: mfaDoc('Bool'), a: mfaDoc('BoolIfExists') } });
    expect(enforcedMfa(account({ users: [both] }), both)).toBe('all');
    const consoleOnly = user('c', { inlinePolicies: { c: mfaDoc('Bool'), x: { Version: '2012-10-17', Statement: [] } } });
    expect(enforcedMfa(account({ users: [consoleOnly] }), consoleOnly)).toBe('console');
    expect(enforcedMfa(account({ users: [user('d')] }), user('d'))).toBe('none');
  });

  it('creates the policy once, attaches it to each user, and describes it', () => {
    const a = account({ users: [user('alice', { loginProfile: pw }), user('bob', { loginProfile: pw })] });
    const reports = detect(consoleUserWithoutMfa, a);
    expect(reports.map((r) => r.fix)).toEqual([
      [
        { op: 'CreatePolicy', input: { PolicyName: 'DenyAllWithoutMFA', PolicyDocument: REQUIRE_MFA_POLICY, Description: 'Denies everything but MFA self-service unless the caller signed in with MFA' } },
        { op: 'AttachUserPolicy', input: { UserName: 'alice', PolicyArn: POLICY_ARN } },
      ],
      [{ op: 'AttachUserPolicy', input: { UserName: 'bob', PolicyArn: POLICY_ARN } }],
    ]);
    expect(reports.map((r) => [r.messageId, r.data, r.resource])).toEqual([
      ['consoleNoMfa', { user: 'alice' }, { kind: 'user', arn: `arn:aws:iam::${ACCOUNT_ID}:user/alice`, name: 'alice' }],
      ['consoleNoMfa', { user: 'bob' }, { kind: 'user', arn: `arn:aws:iam::${ACCOUNT_ID}:user/bob`, name: 'bob' }],
    ]);
  });

  it('uses the policyName option, and does not create a policy that exists', () => {
    const a = withPolicies(account({ users: [user('alice', { loginProfile: pw })] }), managedPolicy('MfaOnly', REQUIRE_MFA_POLICY));
    expect(detect(consoleUserWithoutMfa, a, { policyName: 'MfaOnly' })[0]?.fix).toEqual([{ op: 'AttachUserPolicy', input: { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCOUNT_ID}:policy/MfaOnly` } }]);
  });

  it('has no fix when the named policy is attached already but does not enforce MFA', () => {
    const a = withPolicies(account({ users: [user('alice', { loginProfile: pw, attachedPolicies: [POLICY_ARN] })] }), managedPolicy('DenyAllWithoutMFA', { Version: '2012-10-17', Statement: [] }));
    const [r] = detect(consoleUserWithoutMfa, a);
    expect(r?.messageId).toBe('consoleNoMfa');
    expect(r && 'fix' in r).toBe(false);
  });

  it('skips users with an MFA device, without a password, or already under enforcement', () => {
    const a = account({ users: [
      user('hasmfa', { loginProfile: pw, mfa: [mfa('hasmfa')] }),
      user('keysonly', { accessKeys: [key('AKIA1')] }),
      user('console', { loginProfile: pw, inlinePolicies: { m: mfaDoc('Bool') } }),
      user('all', { loginProfile: pw, accessKeys: [key('AKIA2')], inlinePolicies: { m: mfaDoc('BoolIfExists') } }),
    ] });
    expect(detect(consoleUserWithoutMfa, a)).toEqual([]);
  });

  it('with includeKeyUsers, flags users with active keys unless BoolIfExists covers them', () => {
    const a = account({ users: [
      user('keys', { accessKeys: [key('AKIA1'), key('AKIA2', NOW, 'Inactive')] }),
      user('inactive', { accessKeys: [key('AKIA3', NOW, 'Inactive')] }),
      user('bool', { accessKeys: [key('AKIA4')], inlinePolicies: { m: mfaDoc('Bool') } }),
      user('consolebool', { loginProfile: pw, accessKeys: [key('AKIA5')], inlinePolicies: { m: mfaDoc('Bool') } }),
      user('consolebool2', { loginProfile: pw, inlinePolicies: { m: mfaDoc('Bool') } }),
      user('all', { accessKeys: [key('AKIA6')], inlinePolicies: { m: mfaDoc('BoolIfExists') } }),
    ] });
    expect(detect(consoleUserWithoutMfa, a, { includeKeyUsers: true }).map((r) => [r.messageId, r.data])).toEqual([
      ['keysNoMfa', { user: 'keys', keys: 1 }],
      ['keysNoMfa', { user: 'bool', keys: 1 }],
      ['consoleNoMfa', { user: 'consolebool' }],
    ]);
  });
});

describe('access-key-rotation', () => {
  it('flags an active key from maxKeyAgeDays days old on, with its age and limit', () => {
    const a = account({ users: [user('alice', { accessKeys: [key('AKIA1', daysAgo(90)), key('AKIA2', daysAgo(89))] })] });
    expect(detect(accessKeyRotation, a).map((r) => [r.data, r.resource])).toEqual([
      [{ key: 'AKIA1', user: 'alice', days: 90, limit: 90 }, { kind: 'access-key', arn: `arn:aws:iam::${ACCOUNT_ID}:user/alice/access-key/AKIA1`, name: 'AKIA1' }],
    ]);
    expect(detect(accessKeyRotation, a, { maxKeyAgeDays: 91 })).toEqual([]);
    expect(detect(accessKeyRotation, account({ users: [user('bob', { accessKeys: [key('AKIA3', daysAgo(300), 'Inactive')] })] }))).toEqual([]);
  });

  it('suggests creating a new key and then deactivating the old one when the user has one key', () => {
    const a = account({ users: [user('alice', { accessKeys: [key('AKIA1', daysAgo(100))] })] });
    expect(detect(accessKeyRotation, a)[0]?.suggestions).toEqual([{ messageId: 'rotate', fix: [{ op: 'CreateAccessKey', input: { UserName: 'alice' } }, { op: 'UpdateAccessKey', input: { UserName: 'alice', AccessKeyId: 'AKIA1', Status: 'Inactive' } }] }]);
  });

  it('suggests only deactivating when the user already has a second key', () => {
    const a = account({ users: [user('alice', { accessKeys: [key('AKIA1', daysAgo(100)), key('AKIA2', daysAgo(1))] })] });
    expect(detect(accessKeyRotation, a)[0]?.suggestions).toEqual([{ messageId: 'deactivate', fix: [{ op: 'UpdateAccessKey', input: { UserName: 'alice', AccessKeyId: 'AKIA1', Status: 'Inactive' } }] }]);
  });
});

describe('multiple-active-access-keys', () => {
  const stale = (a: Account) => detect(multipleActiveAccessKeys, a).map((r) => r.suggestions?.[0]?.data?.['key']);
  const two = (k1 = key('AKIA1', daysAgo(20)), k2 = key('AKIA2', daysAgo(10))) => [user('alice', { accessKeys: [k1, k2] })];

  it('suggests deactivating the key used least recently', () => {
    expect(stale(account({ users: two(), keyUse: { AKIA1: daysAgo(1), AKIA2: daysAgo(2) } }))).toEqual(['AKIA2']);
    expect(stale(account({ users: two(), keyUse: { AKIA1: daysAgo(2), AKIA2: daysAgo(1) } }))).toEqual(['AKIA1']);
  });

  it('treats a never-used key as the least recently used', () => {
    expect(stale(account({ users: two(), keyUse: { AKIA1: daysAgo(1) } }))).toEqual(['AKIA2']);
    expect(stale(account({ users: two(), keyUse: { AKIA2: daysAgo(1) } }))).toEqual(['AKIA1']);
  });

  it('on a tie, suggests the older key', () => {
    expect(stale(account({ users: two() }))).toEqual(['AKIA1']);
    expect(stale(account({ users: two(key('AKIA1', daysAgo(10)), key('AKIA2', daysAgo(20))) }))).toEqual(['AKIA2']);
    expect(stale(account({ users: two(key('AKIA1', daysAgo(10)), key('AKIA2', daysAgo(10))), keyUse: { AKIA1: daysAgo(3), AKIA2: daysAgo(3) } }))).toEqual(['AKIA1']);
  });

  it('counts only active keys, and reports the user with its keys and the fix', () => {
    expect(detect(multipleActiveAccessKeys, account({ users: [user('bob', { accessKeys: [key('AKIA3'), key('AKIA4', NOW, 'Inactive')] })] }))).toEqual([]);
    const [r] = detect(multipleActiveAccessKeys, account({ users: two() }));
    expect(r?.resource).toEqual({ kind: 'user', arn: `arn:aws:iam::${ACCOUNT_ID}:user/alice`, name: 'alice' });
    expect(r?.data).toEqual({ user: 'alice', count: 2, keys: 'AKIA1, AKIA2' });
    expect(r?.suggestions?.[0]?.fix).toEqual([{ op: 'UpdateAccessKey', input: { UserName: 'alice', AccessKeyId: 'AKIA1', Status: 'Inactive' } }]);
  });
});

describe('inactive-user', () => {
  it('deletes a user the way IAM requires: credentials, MFA, memberships and policies first', () => {
    const u = user('old', {
      loginProfile: loginProfile(), accessKeys: [key('AKIA1'), key('AKIA2')], mfa: [mfa('old')], groups: ['devs'],
      attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], inlinePolicies: { p: { Version: '2012-10-17', Statement: [] } }, boundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    expect(deleteUserCalls(u)).toEqual([
      { op: 'DeleteLoginProfile', input: { UserName: 'old' } },
      { op: 'DeleteAccessKey', input: { UserName: 'old', AccessKeyId: 'AKIA1' } },
      { op: 'DeleteAccessKey', input: { UserName: 'old', AccessKeyId: 'AKIA2' } },
      { op: 'DeactivateMFADevice', input: { UserName: 'old', SerialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/old` } },
      { op: 'RemoveUserFromGroup', input: { UserName: 'old', GroupName: 'devs' } },
      { op: 'DetachUserPolicy', input: { UserName: 'old', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
      { op: 'DeleteUserPolicy', input: { UserName: 'old', PolicyName: 'p' } },
      { op: 'DeleteUserPermissionsBoundary', input: { UserName: 'old' } },
      { op: 'DeleteUser', input: { UserName: 'old' } },
    ]);
    expect(deleteUserCalls(user('bare'))).toEqual([{ op: 'DeleteUser', input: { UserName: 'bare' } }]);
  });

  it('flags a user from inactiveDays days of age and of idleness on', () => {
    const a = account({ users: [user('new', { created: daysAgo(89) }), user('edge', { created: daysAgo(90) }), user('busy', { created: daysAgo(400) }), user('idle', { created: daysAgo(400) })], passwordUse: { busy: daysAgo(89), idle: daysAgo(90) } });
    expect(detect(inactiveUser, a).map((r) => [r.messageId, r.data, r.resource.name])).toEqual([
      ['neverActive', { user: 'edge', days: 90, limit: 90 }, 'edge'],
      ['inactive', { user: 'idle', days: 90, limit: 90 }, 'idle'],
    ]);
    expect(detect(inactiveUser, a, { inactiveDays: 91 }).map((r) => r.data['user'])).toEqual([]);
  });

  it('does not flag a user whose key an application on an instance uses', () => {
    const inst: Ec2Instance = { id: 'i-0123456789abcdef0', region: 'us-east-1', launched: daysAgo(400), instanceProfile: null, tags: {}, applications: [
      { name: 'app', credential: { kind: 'access-key', user: 'svc', accessKeyId: 'AKIA1' } },
      { name: 'web', credential: { kind: 'instance-role' } },
    ] };
    const a = { ...account({ users: [user('svc', { created: daysAgo(400) }), user('other', { created: daysAgo(400) })] }), instances: { [inst.id]: inst } };
    expect(detect(inactiveUser, a).map((r) => r.data['user'])).toEqual(['other']);
  });
});

describe('generic-user-name', () => {
  it.each([
    ['Admin', 'admin'],
    ['shared_ops.2', 'sharedops'],
    ['dev-team-01', 'devteam'],
    ['ops2prod', 'ops2prod'],
    ['a+b=c,d@e', 'abcde'],
  ])('normalises %s to %s', (name, want) => {
    expect(normaliseName(name)).toBe(want);
  });

  it('flags console users named exactly like a generic login or containing a generic word', () => {
    const pw = loginProfile();
    const a = account({ users: [user('Admin-2', { loginProfile: pw }), user('eu-shared-ops', { loginProfile: pw }), user('administrators', { loginProfile: pw }), user('alice', { loginProfile: pw })] });
    expect(detect(genericUserName, a).map((r) => r.data['user'])).toEqual(['Admin-2', 'eu-shared-ops']);
    expect(detect(genericUserName, a, { names: ['alice'], containing: [] }).map((r) => r.data['user'])).toEqual(['alice']);
  });

  it('flags users without a password only with includeWithoutPassword, and then suggests nothing', () => {
    const a = account({ users: [user('admin')] });
    expect(detect(genericUserName, a)).toEqual([]);
    const [r] = detect(genericUserName, a, { includeWithoutPassword: true });
    expect([r?.messageId, r?.resource.name, r?.suggestions]).toEqual(['generic', 'admin', undefined]);
  });

  it('suggests one user per person and deleting the shared password, even for a name of 64 characters', () => {
    const long = `shared-${'x'.repeat(57)}`;
    const [r] = detect(genericUserName, account({ users: [user(long, { loginProfile: loginProfile() })] }));
    expect(r?.suggestions?.[0]?.fix).toEqual([
      { op: 'CreateUser', input: { UserName: `${long.slice(0, 62)}-1`, Path: '/' } },
      { op: 'CreateUser', input: { UserName: `${long.slice(0, 62)}-2`, Path: '/' } },
      { op: 'DeleteLoginProfile', input: { UserName: long } },
    ]);
  });
});
