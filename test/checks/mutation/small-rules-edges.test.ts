/** inactive-user, password-policy-strength, weak-user-password and lib/usage: edges the other tests leave open. */
import { describe, expect, it } from 'vitest';
import inactive from '../../../src/checks/rules/inactive-user.js';
import { policyWeaknesses, strengthenedPolicy } from '../../../src/checks/rules/password-policy-strength.js';
import weak from '../../../src/checks/rules/weak-user-password.js';
import { userLastActivity } from '../../../src/checks/lib/usage.js';
import { account, daysAgo, key, loginProfile, NOW, STRONG_POLICY, user } from '../fixtures.js';
import { messages } from '../rules-b/render.js';

const BASE = { minLength: 14, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true, maxAgeDays: 0, reusePrevention: 0 };

describe('inactive-user', () => {
  it('a user younger than the limit is not judged, even with an old recorded use of its name', () => {
    expect(messages(inactive, account({ users: [user('new', { created: daysAgo(10), loginProfile: loginProfile() })], passwordUse: { new: daysAgo(200) } }), NOW)).toEqual([]);
  });
});

describe('password-policy-strength', () => {
  it('with no reuse baseline, no reuse setting is fine', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, PasswordReusePrevention: undefined }, BASE)).toEqual([]);
  });
  it('with no age baseline and no age set, the new policy has no MaxPasswordAge at all', () => {
    const out = strengthenedPolicy(null, BASE);
    expect(Object.keys(out).sort()).toEqual(['AllowUsersToChangePassword', 'HardExpiry', 'MinimumPasswordLength', 'RequireLowercaseCharacters', 'RequireNumbers', 'RequireSymbols', 'RequireUppercaseCharacters']);
  });
});

describe('weak-user-password follows the policy’s class requirements', () => {
  it('numbers, uppercase and lowercase required by the policy are checked', () => {
    const pw = { length: 20, upper: false, lower: false, numbers: false, symbols: true, common: false, dictionary: false };
    const a = account({ users: [user('bob', { loginProfile: loginProfile({ password: pw }) })], passwordPolicy: { ...STRONG_POLICY, RequireSymbols: false } });
    expect(messages(weak, a, NOW)).toEqual(['User bob has a weak password: no number, no uppercase letter, no lowercase letter']);
  });
});

describe('userLastActivity', () => {
  const K1 = 'AKIAK1';
  const K2 = 'AKIAK2';
  const u = user('u', { accessKeys: [key(K1), key(K2)] });
  it('never used: null', () => {
    expect(userLastActivity(account({ users: [u] }), u)).toBeNull();
  });
  it('the latest of the password and every key', () => {
    expect(userLastActivity(account({ users: [u], passwordUse: { u: daysAgo(3) }, keyUse: { [K1]: daysAgo(5), [K2]: daysAgo(9) } }), u)).toBe(daysAgo(3));
    expect(userLastActivity(account({ users: [u], passwordUse: { u: daysAgo(7) }, keyUse: { [K1]: daysAgo(5), [K2]: daysAgo(9) } }), u)).toBe(daysAgo(5));
    expect(userLastActivity(account({ users: [u], keyUse: { [K1]: daysAgo(9), [K2]: daysAgo(2) } }), u)).toBe(daysAgo(2));
    expect(userLastActivity(account({ users: [u], keyUse: { [K2]: daysAgo(4) } }), u)).toBe(daysAgo(4));
  });
});
