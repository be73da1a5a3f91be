import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../src/model/apply.js';
import { base, build, fails, op, succeeds, T0 } from '../helpers.js';

const withUser = () => build([op('CreateUser', { UserName: 'alice' })]);

describe('CreateUser', () => {
  it('creates a user with path, tags and boundary', () => {
    const a = build([op('CreatePolicy', { PolicyName: 'b', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } })]);
    const b = succeeds(a, op('CreateUser', { UserName: 'bob', Path: '/eng/', Tags: [{ Key: 'team', Value: 'x' }], PermissionsBoundary: 'arn:aws:iam::123456789012:policy/b' }));
    const u = b.users['bob']!;
    expect(u.arn).toBe('arn:aws:iam::123456789012:user/eng/bob');
    expect(u.tags).toEqual({ team: 'x' });
    expect(u.boundary).toBe('arn:aws:iam::123456789012:policy/b');
    expect(u.created).toBe(T0);
    expect([u.loginProfile, u.accessKeys, u.mfa, u.groups]).toEqual([null, [], [], []]);
  });
  it('accepts tags as a map', () => {
    expect(succeeds(base(), op('CreateUser', { UserName: 'bob', Tags: { a: '1' } })).users['bob']!.tags).toEqual({ a: '1' });
  });
  it('EntityAlreadyExists for a taken name', () => {
    expect(fails(withUser(), op('CreateUser', { UserName: 'alice' }), 'EntityAlreadyExists').path).toBe('/UserName');
  });
  it('names are unique ignoring case, also inside one batch', () => {
    expect(fails(withUser(), op('CreateUser', { UserName: 'ALICE' }), 'EntityAlreadyExists').message).toContain('alice');
    const r = applyOperations(base(), [op('CreateUser', { UserName: 'bob' }), op('CreateUser', { UserName: 'Bob' })], T0);
    expect(!r.ok && r.error.index).toBe(1);
    const again = applyOperations(base(), [op('CreateUser', { UserName: 'bob' }), op('DeleteUser', { UserName: 'bob' }), op('CreateUser', { UserName: 'BOB' })], T0);
    expect(again.ok && Object.keys(again.value.account.users)).toEqual(['BOB']);
  });
  it('NoSuchEntity for an unknown boundary', () => {
    fails(base(), op('CreateUser', { UserName: 'bob', PermissionsBoundary: 'arn:aws:iam::123456789012:policy/nope' }), 'NoSuchEntity');
  });
  it('InvalidInput for a bad name or path', () => {
    fails(base(), op('CreateUser', { UserName: '' }), 'InvalidInput');
    expect(fails(base(), op('CreateUser', { UserName: 'x', Path: 'noslash' }), 'InvalidInput').path).toBe('/Path');
  });
});

describe('DeleteUser', () => {
  it('deletes a bare user', () => {
    expect(succeeds(withUser(), op('DeleteUser', { UserName: 'alice' })).users).toEqual({});
  });
  it('NoSuchEntity for an unknown user', () => {
    fails(base(), op('DeleteUser', { UserName: 'ghost' }), 'NoSuchEntity');
  });
  it.each([
    ['a login profile', op('CreateLoginProfile', { UserName: 'alice', Password: 'Correct-Horse-9' })],
    ['an access key', op('CreateAccessKey', { UserName: 'alice' })],
    ['an MFA device', op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' })],
    ['an attached policy', op('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })],
    ['an inline policy', op('PutUserPolicy', { UserName: 'alice', PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } })],
  ])('DeleteConflict while the user has %s', (_what, c) => {
    const a = build([c], withUser());
    expect(fails(a, op('DeleteUser', { UserName: 'alice' }), 'DeleteConflict').hint).toBeTruthy();
  });
  it('DeleteConflict while the user is in a group', () => {
    const a = build([op('CreateGroup', { GroupName: 'g' }), op('AddUserToGroup', { GroupName: 'g', UserName: 'alice' })], withUser());
    expect(fails(a, op('DeleteUser', { UserName: 'alice' }), 'DeleteConflict').message).toMatch(/group/);
  });
});

describe('TagUser', () => {
  it('adds and overwrites tags', () => {
    const a = build([op('TagUser', { UserName: 'alice', Tags: [{ Key: 'a', Value: '1' }] })], withUser());
    expect(succeeds(a, op('TagUser', { UserName: 'alice', Tags: { a: '2', b: '3' } })).users['alice']!.tags).toEqual({ a: '2', b: '3' });
  });
  it('NoSuchEntity for an unknown user', () => {
    fails(base(), op('TagUser', { UserName: 'x', Tags: { a: '1' } }), 'NoSuchEntity');
  });
  it('LimitExceeded past 50 tags', () => {
    const tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 'v']));
    const more = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`m${i}`, 'v']));
    const a = build([op('TagUser', { UserName: 'alice', Tags: tags })], withUser());
    fails(a, op('TagUser', { UserName: 'alice', Tags: more }), 'LimitExceeded');
  });
});

describe('UntagUser', () => {
  it('removes tags and ignores absent keys', () => {
    const a = build([op('TagUser', { UserName: 'alice', Tags: { a: '1', b: '2' } })], withUser());
    expect(succeeds(a, op('UntagUser', { UserName: 'alice', TagKeys: ['a', 'zz'] })).users['alice']!.tags).toEqual({ b: '2' });
  });
  it('NoSuchEntity for an unknown user', () => {
    fails(base(), op('UntagUser', { UserName: 'x', TagKeys: ['a'] }), 'NoSuchEntity');
  });
});

describe('CreateLoginProfile', () => {
  it('records password properties, never the password', () => {
    const a = succeeds(withUser(), op('CreateLoginProfile', { UserName: 'alice', Password: 'Password123!', PasswordResetRequired: true }));
    const lp = a.users['alice']!.loginProfile!;
    expect(lp.password).toEqual({ length: 12, upper: true, lower: true, numbers: true, symbols: true, common: true, dictionary: true });
    expect(lp.passwordResetRequired).toBe(true);
    expect(lp.passwordLastChanged).toBe(T0);
    expect(JSON.stringify(a)).not.toContain('Password123!');
  });
  it('takes properties directly, strong by default', () => {
    const a = succeeds(withUser(), op('CreateLoginProfile', { UserName: 'alice', PasswordProperties: { length: 8, symbols: false } }));
    expect(a.users['alice']!.loginProfile!.password).toMatchObject({ length: 8, symbols: false, upper: true, common: false });
  });
  it('EntityAlreadyExists when the user has one', () => {
    const a = build([op('CreateLoginProfile', { UserName: 'alice' })], withUser());
    fails(a, op('CreateLoginProfile', { UserName: 'alice' }), 'EntityAlreadyExists');
  });
  it('NoSuchEntity for an unknown user', () => {
    fails(base(), op('CreateLoginProfile', { UserName: 'x' }), 'NoSuchEntity');
  });
  it('PasswordPolicyViolation against the account policy', () => {
    const a = build([op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, RequireSymbols: true })], withUser());
    expect(fails(a, op('CreateLoginProfile', { UserName: 'alice', Password: 'short' }), 'PasswordPolicyViolation').message).toMatch(/14/);
    fails(a, op('CreateLoginProfile', { UserName: 'alice', Password: 'longenoughbutnosymbol1' }), 'PasswordPolicyViolation');
    succeeds(a, op('CreateLoginProfile', { UserName: 'alice', Password: 'longenough-with-symbol' }));
  });
  it('InvalidInput when both Password and PasswordProperties are given', () => {
    fails(withUser(), op('CreateLoginProfile', { UserName: 'alice', Password: 'abcdefgh', PasswordProperties: {} }), 'InvalidInput');
  });
});

describe('UpdateLoginProfile', () => {
  const withProfile = () => build([op('CreateLoginProfile', { UserName: 'alice', Password: 'Aa1!aaaaaaaaaa' })], withUser());
  it('changes the password and its last-changed time', () => {
    const a = succeeds(withProfile(), op('UpdateLoginProfile', { UserName: 'alice', Password: 'abcdefgh' }), '2026-02-01T00:00:00Z');
    expect(a.users['alice']!.loginProfile!.passwordLastChanged).toBe('2026-02-01T00:00:00Z');
    expect(a.users['alice']!.loginProfile!.password.length).toBe(8);
  });
  it('changes only the reset flag when no password is given', () => {
    const a = succeeds(withProfile(), op('UpdateLoginProfile', { UserName: 'alice', PasswordResetRequired: true }), '2026-02-01T00:00:00Z');
    expect(a.users['alice']!.loginProfile!.passwordLastChanged).toBe(T0);
    expect(a.users['alice']!.loginProfile!.passwordResetRequired).toBe(true);
  });
  it('NoSuchEntity without a login profile', () => {
    fails(withUser(), op('UpdateLoginProfile', { UserName: 'alice', Password: 'abcdefgh' }), 'NoSuchEntity');
  });
  it('PasswordPolicyViolation for a weak new password', () => {
    const a = build([op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 12 })], withProfile());
    fails(a, op('UpdateLoginProfile', { UserName: 'alice', Password: 'abcdefgh' }), 'PasswordPolicyViolation');
  });
});

describe('DeleteLoginProfile', () => {
  it('removes the password', () => {
    const a = build([op('CreateLoginProfile', { UserName: 'alice' })], withUser());
    expect(succeeds(a, op('DeleteLoginProfile', { UserName: 'alice' })).users['alice']!.loginProfile).toBeNull();
  });
  it('NoSuchEntity without one, or for an unknown user', () => {
    fails(withUser(), op('DeleteLoginProfile', { UserName: 'alice' }), 'NoSuchEntity');
    fails(base(), op('DeleteLoginProfile', { UserName: 'x' }), 'NoSuchEntity');
  });
});
