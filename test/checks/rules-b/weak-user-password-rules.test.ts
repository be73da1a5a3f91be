/** weak-user-password: the rules a password is measured by (the account policy, stricter for privileged users), each problem phrase, and the exact messages and fix. */
import { describe, expect, it } from 'vitest';
import check, { passwordProblems } from '../../../src/checks/rules/weak-user-password.js';
import { account, ADMIN_ARN, loginProfile, NOW, STRONG_POLICY, strongPassword, user } from '../fixtures.js';
import { findings, messages } from './render.js';

const NONE = { minLength: 6, symbols: false, numbers: false, upper: false, lower: false };
const ALL = { minLength: 14, symbols: true, numbers: true, upper: true, lower: true };
const bare = { length: 8, upper: false, lower: false, numbers: false, symbols: false, common: false, dictionary: false };

describe('passwordProblems', () => {
  it('a strong password has none', () => {
    expect(passwordProblems(strongPassword, ALL)).toEqual([]);
  });
  it('names every problem in a fixed order', () => {
    expect(passwordProblems({ ...bare, common: true }, ALL)).toEqual(['a common password', '8 characters < 14', 'no symbol', 'no number', 'no uppercase letter', 'no lowercase letter']);
  });
  it('a common password is not also called a dictionary word', () => {
    expect(passwordProblems({ ...strongPassword, common: true, dictionary: true }, ALL)).toEqual(['a common password']);
    expect(passwordProblems({ ...strongPassword, dictionary: true }, ALL)).toEqual(['a dictionary word']);
  });
  it('a length equal to the minimum is fine, one less is not', () => {
    expect(passwordProblems({ ...bare, length: 6 }, NONE)).toEqual([]);
    expect(passwordProblems({ ...bare, length: 5 }, NONE)).toEqual(['5 characters < 6']);
  });
  it('each character class is only judged when required', () => {
    expect(passwordProblems(bare, NONE)).toEqual([]);
    expect(passwordProblems(bare, { ...NONE, symbols: true })).toEqual(['no symbol']);
    expect(passwordProblems(bare, { ...NONE, numbers: true })).toEqual(['no number']);
    expect(passwordProblems(bare, { ...NONE, upper: true })).toEqual(['no uppercase letter']);
    expect(passwordProblems(bare, { ...NONE, lower: true })).toEqual(['no lowercase letter']);
  });
});

describe('weak-user-password findings', () => {
  const withPw = (name: string, pw: object, extra = {}) => user(name, { loginProfile: loginProfile({ password: { ...strongPassword, ...pw } }), ...extra });
  it('an ordinary user is measured by the account policy, high severity, and must reset at next sign-in', () => {
    const f = findings(check, account({ users: [withPw('ana', { length: 10, symbols: false })] }), NOW);
    expect(f.map((x) => [x.message, x.severity])).toEqual([['User ana has a weak password: 10 characters < 14, no symbol', 'high']]);
    expect(f[0]?.fix).toEqual([{ op: 'UpdateLoginProfile', input: { UserName: 'ana', PasswordResetRequired: true } }]);
    expect(f[0]?.resource).toEqual({ kind: 'login-profile', arn: 'arn:aws:iam::111122223333:user/ana/login-profile', name: 'ana' });
  });
  it('without an account policy, IAM’s default of six characters and no classes applies', () => {
    const a = account({ passwordPolicy: null, users: [withPw('ana', { length: 6, symbols: false, numbers: false, upper: false, lower: false }), withPw('bo', { length: 5 })] });
    expect(messages(check, a, NOW)).toEqual(['User bo has a weak password: 5 characters < 6']);
  });
  it('a lax policy is applied as written for ordinary users', () => {
    const lax = { ...STRONG_POLICY, MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false };
    expect(findings(check, account({ passwordPolicy: lax, users: [withPw('ana', { ...bare, lower: true })] }), NOW)).toEqual([]);
  });
  it('a privileged user under a lax policy must still meet the privileged baseline, critically', () => {
    const lax = { ...STRONG_POLICY, MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false };
    const admin = withPw('root-ish', { ...bare, length: 10 }, { attachedPolicies: [ADMIN_ARN] });
    const f = findings(check, account({ passwordPolicy: lax, users: [admin] }), NOW);
    expect(f.map((x) => [x.message, x.severity])).toEqual([['Privileged user root-ish has a weak password: 10 characters < 14, no symbol, no number, no uppercase letter, no lowercase letter', 'critical']]);
    expect(messages(check, account({ passwordPolicy: lax, users: [admin] }), NOW, { privilegedMinLength: 10, privilegedAllClasses: false })).toEqual([]);
    expect(messages(check, account({ passwordPolicy: lax, users: [admin] }), NOW, { privilegedMinLength: 11, privilegedAllClasses: false })).toEqual(['Privileged user root-ish has a weak password: 10 characters < 11']);
  });
  it('a privileged user keeps the policy’s length when it is longer than the privileged minimum', () => {
    const long = { ...STRONG_POLICY, MinimumPasswordLength: 20 };
    const admin = withPw('adm', { length: 16 }, { attachedPolicies: [ADMIN_ARN] });
    expect(messages(check, account({ passwordPolicy: long, users: [admin] }), NOW)).toEqual(['Privileged user adm has a weak password: 16 characters < 20']);
  });
  it('users without a console password, or already forced to reset it, are skipped', () => {
    const reset = user('ana', { loginProfile: loginProfile({ passwordResetRequired: true, password: { ...bare, common: true } }) });
    expect(findings(check, account({ users: [reset, user('bo')] }), NOW)).toEqual([]);
  });
});
