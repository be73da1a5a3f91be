/** password-policy-strength: each baseline rule at its boundary, the rendered messages, and the whole policy the fix writes. */
import { describe, expect, it } from 'vitest';
import check, { policyWeaknesses, strengthenedPolicy, type PasswordBaseline } from '../../../src/checks/rules/password-policy-strength.js';
import type { PasswordPolicy } from '../../../src/model/types.js';
import { account, NOW, STRONG_POLICY } from '../fixtures.js';
import { findings, messages } from './render.js';

/** AWS's recommended baseline: the check's defaults. */
const BASE: PasswordBaseline = { minLength: 14, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true, maxAgeDays: 90, reusePrevention: 24 };
const NOTHING: PasswordBaseline = { minLength: 6, requireSymbols: false, requireNumbers: false, requireUppercase: false, requireLowercase: false, maxAgeDays: 0, reusePrevention: 0 };
const BARE: PasswordPolicy = {
  MinimumPasswordLength: 6, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false,
  AllowUsersToChangePassword: false, ExpirePasswords: false, HardExpiry: false,
};

describe('policyWeaknesses', () => {
  it('the defaults are the baseline AWS recommends', () => {
    expect(check.meta.defaults).toEqual(BASE);
  });
  it('the baseline policy itself has no weakness', () => {
    expect(policyWeaknesses(STRONG_POLICY, BASE)).toEqual([]);
  });
  it('a minimum length one below the baseline is weak, equal to it is not', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, MinimumPasswordLength: 13 }, BASE)).toEqual(['minimum length 13 < 14']);
    expect(policyWeaknesses({ ...STRONG_POLICY, MinimumPasswordLength: 14 }, BASE)).toEqual([]);
  });
  it('names every character class the policy does not require, in a fixed order', () => {
    const p = { ...STRONG_POLICY, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false };
    expect(policyWeaknesses(p, BASE)).toEqual(['symbols not required', 'numbers not required', 'uppercase not required', 'lowercase not required']);
  });
  it('a baseline that requires nothing accepts a bare policy', () => {
    expect(policyWeaknesses(BARE, NOTHING)).toEqual([]);
  });
  it('each character class is judged only when the baseline requires it', () => {
    expect(policyWeaknesses(BARE, { ...NOTHING, requireNumbers: true })).toEqual(['numbers not required']);
    expect(policyWeaknesses(BARE, { ...NOTHING, requireUppercase: true })).toEqual(['uppercase not required']);
    expect(policyWeaknesses(BARE, { ...NOTHING, requireLowercase: true })).toEqual(['lowercase not required']);
    expect(policyWeaknesses(BARE, { ...NOTHING, requireSymbols: true })).toEqual(['symbols not required']);
  });
  it('a maximum age over the baseline is weak by the days, equal to it is not', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, MaxPasswordAge: 91 }, BASE)).toEqual(['maximum age 91 > 90 days']);
    expect(policyWeaknesses({ ...STRONG_POLICY, MaxPasswordAge: 90 }, BASE)).toEqual([]);
  });
  it('expiry switched off, or on without an age, means passwords never expire', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, ExpirePasswords: false, MaxPasswordAge: 30 }, BASE)).toEqual(['passwords never expire']);
    expect(policyWeaknesses({ ...STRONG_POLICY, ExpirePasswords: true, MaxPasswordAge: undefined }, BASE)).toEqual(['passwords never expire']);
  });
  it('with maxAgeDays 0 expiry is not judged at all', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, ExpirePasswords: false, MaxPasswordAge: 400 }, { ...BASE, maxAgeDays: 0 })).toEqual([]);
  });
  it('reuse prevention below the baseline is weak, an absent setting counts as 0, equal is fine', () => {
    expect(policyWeaknesses({ ...STRONG_POLICY, PasswordReusePrevention: 23 }, BASE)).toEqual(['reuse prevention 23 < 24']);
    expect(policyWeaknesses({ ...STRONG_POLICY, PasswordReusePrevention: undefined }, BASE)).toEqual(['reuse prevention 0 < 24']);
    expect(policyWeaknesses({ ...STRONG_POLICY, PasswordReusePrevention: 24 }, BASE)).toEqual([]);
    expect(policyWeaknesses({ ...STRONG_POLICY, PasswordReusePrevention: undefined }, { ...BASE, reusePrevention: 0 })).toEqual([]);
  });
});

describe('strengthenedPolicy', () => {
  it('without a policy writes the baseline, users may change their password, no hard expiry', () => {
    expect(strengthenedPolicy(null, BASE)).toEqual({
      MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true, HardExpiry: false, MaxPasswordAge: 90, PasswordReusePrevention: 24,
    });
  });
  it('without a policy and a baseline that asks nothing, leaves out age and reuse and requires no class', () => {
    expect(strengthenedPolicy(null, NOTHING)).toEqual({
      MinimumPasswordLength: 6, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: true, HardExpiry: false,
    });
  });
  it('keeps every setting stronger than a lax baseline', () => {
    const strong: PasswordPolicy = { ...STRONG_POLICY, MinimumPasswordLength: 30, AllowUsersToChangePassword: false, HardExpiry: true, MaxPasswordAge: 45, PasswordReusePrevention: 7 };
    expect(strengthenedPolicy(strong, NOTHING)).toEqual({
      MinimumPasswordLength: 30, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: false, HardExpiry: true, MaxPasswordAge: 45, PasswordReusePrevention: 7,
    });
  });
  it('keeps a shorter maximum age, shortens a longer one, and sets one where there was none', () => {
    expect(strengthenedPolicy({ ...STRONG_POLICY, MaxPasswordAge: 30 }, BASE)['MaxPasswordAge']).toBe(30);
    expect(strengthenedPolicy({ ...STRONG_POLICY, MaxPasswordAge: 365 }, BASE)['MaxPasswordAge']).toBe(90);
    expect(strengthenedPolicy({ ...STRONG_POLICY, MaxPasswordAge: undefined }, BASE)['MaxPasswordAge']).toBe(90);
  });
  it('raises reuse prevention to the baseline but never lowers it', () => {
    expect(strengthenedPolicy({ ...STRONG_POLICY, PasswordReusePrevention: 3 }, BASE)['PasswordReusePrevention']).toBe(24);
    expect(strengthenedPolicy({ ...STRONG_POLICY, PasswordReusePrevention: 12 }, { ...BASE, reusePrevention: 5 })['PasswordReusePrevention']).toBe(12);
  });
});

describe('password-policy-strength messages', () => {
  it('an absent policy names the account, with the whole baseline as the fix', () => {
    const f = findings(check, account({ passwordPolicy: null }), NOW);
    expect(f.map((x) => x.message)).toEqual(['Account 111122223333 has no password policy']);
    expect(f[0]?.resource).toEqual({ kind: 'password-policy', arn: 'arn:aws:iam::111122223333:password-policy', name: 'password policy' });
    expect(f[0]?.fix).toEqual([{ op: 'UpdateAccountPasswordPolicy', input: strengthenedPolicy(null, BASE) }]);
  });
  it('a weak policy lists its weaknesses separated by semicolons', () => {
    const p = { ...STRONG_POLICY, MinimumPasswordLength: 8, RequireNumbers: false, MaxPasswordAge: 180 };
    expect(messages(check, account({ passwordPolicy: p }), NOW)).toEqual([
      'The password policy of account 111122223333 is weaker than required: minimum length 8 < 14; numbers not required; maximum age 180 > 90 days',
    ]);
  });
  it('a policy meeting the baseline gives no finding', () => {
    expect(findings(check, account({ passwordPolicy: STRONG_POLICY }), NOW)).toEqual([]);
  });
});
