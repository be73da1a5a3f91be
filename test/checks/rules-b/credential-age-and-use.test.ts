/** Root credentials and unused user credentials: which keys and passwords are judged, the day boundaries, and the exact messages and fixes. */
import { describe, expect, it } from 'vitest';
import rootKeyActive from '../../../src/checks/rules/root-access-key-active.js';
import rootKeyOld from '../../../src/checks/rules/root-access-key-old.js';
import rootMfaMissing from '../../../src/checks/rules/root-mfa-missing.js';
import rootVirtualMfaOnly from '../../../src/checks/rules/root-virtual-mfa-only.js';
import unusedAccessKey from '../../../src/checks/rules/unused-access-key.js';
import unusedConsolePassword from '../../../src/checks/rules/unused-console-password.js';
import { account, daysAgo, key, loginProfile, mfa, NOW, ROOT, user } from '../fixtures.js';
import { findings, messages } from './render.js';

const RK = 'AKIAROOT000000000001';
const UK = 'AKIAUSER000000000001';

describe('root-access-key-active', () => {
  it('an active key used within the window: critical finding in use, deactivation only as a suggestion', () => {
    const f = findings(rootKeyActive, account({ root: { accessKeys: [key(RK)] }, keyUse: { [RK]: daysAgo(89) } }), NOW);
    expect(f.map((x) => x.message)).toEqual([`Root access key ${RK} is active and was last used ${daysAgo(89)}`]);
    expect(f[0]?.fix).toBeUndefined();
    expect(f[0]?.resource).toEqual({ kind: 'access-key', arn: `arn:aws:iam::111122223333:root/access-key/${RK}`, name: RK });
    expect(f[0]?.suggestions).toEqual([{ messageId: 'deactivate', message: `Deactivate root access key ${RK} after moving whatever uses it to an IAM role or user`, fix: [{ op: 'UpdateRootAccessKey', input: { AccessKeyId: RK, Status: 'Inactive' } }] }]);
  });
  it('a key last used exactly the window ago is not in use and is deactivated automatically', () => {
    const f = findings(rootKeyActive, account({ root: { accessKeys: [key(RK)] }, keyUse: { [RK]: daysAgo(90) } }), NOW);
    expect(f.map((x) => x.message)).toEqual([`Root access key ${RK} is active and not in use (last used: ${daysAgo(90)}; nothing used it in the last 90 days)`]);
    expect(f[0]?.fix).toEqual([{ op: 'UpdateRootAccessKey', input: { AccessKeyId: RK, Status: 'Inactive' } }]);
    expect(f[0]?.suggestions).toBeUndefined();
  });
  it('a key never used says so, with the window from the options', () => {
    expect(messages(rootKeyActive, account({ root: { accessKeys: [key(RK)] } }), NOW, { unusedDays: 30 })).toEqual([`Root access key ${RK} is active and not in use (last used: never; nothing used it in the last 30 days)`]);
  });
  it('a recently created key that was never used is still reported, as not in use', () => {
    const f = findings(rootKeyActive, account({ root: { accessKeys: [key(RK, daysAgo(2))] } }), NOW);
    expect(f.map((x) => x.messageId)).toEqual(['activeUnused']);
  });
  it('inactive keys are not reported', () => {
    expect(findings(rootKeyActive, account({ root: { accessKeys: [key(RK, daysAgo(400), 'Inactive')] } }), NOW)).toEqual([]);
  });
});

describe('root-access-key-old', () => {
  it('a key exactly at the age limit is old, one day younger is not', () => {
    expect(messages(rootKeyOld, account({ root: { accessKeys: [key(RK, daysAgo(90))] } }), NOW)).toEqual([`Root access key ${RK} is 90 days old (limit 90)`]);
    expect(findings(rootKeyOld, account({ root: { accessKeys: [key(RK, daysAgo(89))] } }), NOW)).toEqual([]);
  });
  it('reports high severity with a deletion suggestion, and skips inactive keys', () => {
    const f = findings(rootKeyOld, account({ root: { accessKeys: [key(RK, daysAgo(200)), key('AKIAROOT000000000002', daysAgo(300), 'Inactive')] } }), NOW, { maxKeyAgeDays: 30 });
    expect(f.map((x) => [x.message, x.severity])).toEqual([[`Root access key ${RK} is 200 days old (limit 30)`, 'high']]);
    expect(f[0]?.suggestions).toEqual([{ messageId: 'delete', message: `Delete root access key ${RK}; use IAM roles or users for programmatic access`, fix: [{ op: 'DeleteRootAccessKey', input: { AccessKeyId: RK } }] }]);
  });
});

describe('root-mfa-missing', () => {
  it('a root user with a password and no MFA is reported with the account id', () => {
    const f = findings(rootMfaMissing, account({ root: { mfa: [], hasPassword: true } }), NOW);
    expect(f.map((x) => x.message)).toEqual(['The root user of account 111122223333 has no MFA device']);
    expect(f[0]?.resource).toEqual({ kind: 'root', arn: 'arn:aws:iam::111122223333:root', name: 'root' });
  });
  it('a root user with only access keys and no MFA is reported', () => {
    expect(findings(rootMfaMissing, account({ root: { mfa: [], hasPassword: false, accessKeys: [key(RK)] } }), NOW).map((x) => x.messageId)).toEqual(['noMfa']);
  });
  it('a root user without password or keys (centralized root access) has nothing to protect', () => {
    expect(findings(rootMfaMissing, account({ root: { mfa: [], hasPassword: false, accessKeys: [] } }), NOW)).toEqual([]);
  });
  it('any MFA device satisfies it', () => {
    expect(findings(rootMfaMissing, account({ root: { mfa: [mfa('root-virtual')], hasPassword: true } }), NOW)).toEqual([]);
  });
});

describe('root-virtual-mfa-only', () => {
  it('only virtual devices: reported with every serial', () => {
    const a = account({ root: { mfa: [mfa('root-a'), mfa('root-b')] } });
    expect(messages(rootVirtualMfaOnly, a, NOW)).toEqual(['The root user of account 111122223333 has only virtual MFA (arn:aws:iam::111122223333:mfa/root-a, arn:aws:iam::111122223333:mfa/root-b); a hardware device is required']);
  });
  it('one hardware device among virtual ones is enough', () => {
    expect(findings(rootVirtualMfaOnly, account({ root: { mfa: [mfa('root-a'), mfa('root-h', 'hardware')] } }), NOW)).toEqual([]);
  });
  it('no MFA at all is root-mfa-missing’s finding, not this one', () => {
    expect(findings(rootVirtualMfaOnly, account({ root: { mfa: [] } }), NOW)).toEqual([]);
  });
  it('requireHardware false turns it off', () => {
    expect(findings(rootVirtualMfaOnly, account({ root: { mfa: [mfa('root-a')] } }), NOW, { requireHardware: false })).toEqual([]);
  });
});

describe('unused-access-key', () => {
  const ci = (k = key(UK)) => user('ci', { accessKeys: [k] });
  it('a key last used exactly the limit ago is unused and deactivated; a day less is fine', () => {
    const f = findings(unusedAccessKey, account({ users: [ci()], keyUse: { [UK]: daysAgo(90) } }), NOW);
    expect(f.map((x) => x.message)).toEqual([`Access key ${UK} of user ci was last used 90 days ago (limit 90)`]);
    expect(f[0]?.fix).toEqual([{ op: 'UpdateAccessKey', input: { UserName: 'ci', AccessKeyId: UK, Status: 'Inactive' } }]);
    expect(f[0]?.resource).toEqual({ kind: 'access-key', arn: `arn:aws:iam::111122223333:user/ci/access-key/${UK}`, name: UK });
    expect(findings(unusedAccessKey, account({ users: [ci()], keyUse: { [UK]: daysAgo(89) } }), NOW)).toEqual([]);
  });
  it('a never-used key is judged by its age', () => {
    expect(messages(unusedAccessKey, account({ users: [ci(key(UK, daysAgo(120)))] }), NOW)).toEqual([`Access key ${UK} of user ci was created 120 days ago and never used (limit 90)`]);
    expect(findings(unusedAccessKey, account({ users: [ci(key(UK, daysAgo(89)))] }), NOW)).toEqual([]);
  });
  it('inactive keys are not reported', () => {
    expect(findings(unusedAccessKey, account({ users: [ci(key(UK, daysAgo(400), 'Inactive'))] }), NOW)).toEqual([]);
  });
  it('the limit comes from unusedDays', () => {
    expect(messages(unusedAccessKey, account({ users: [ci()], keyUse: { [UK]: daysAgo(45) } }), NOW, { unusedDays: 45 })).toEqual([`Access key ${UK} of user ci was last used 45 days ago (limit 45)`]);
  });
});

describe('unused-console-password', () => {
  it('a password last used exactly the limit ago is unused and the login profile is deleted', () => {
    const f = findings(unusedConsolePassword, account({ users: [user('ana', { loginProfile: loginProfile() })], passwordUse: { ana: daysAgo(90) } }), NOW);
    expect(f.map((x) => x.message)).toEqual(['User ana last signed in to the console 90 days ago (limit 90)']);
    expect(f[0]?.fix).toEqual([{ op: 'DeleteLoginProfile', input: { UserName: 'ana' } }]);
    expect(f[0]?.resource).toEqual({ kind: 'login-profile', arn: 'arn:aws:iam::111122223333:user/ana/login-profile', name: 'ana' });
  });
  it('used a day more recently than the limit is fine', () => {
    expect(findings(unusedConsolePassword, account({ users: [user('ana', { loginProfile: loginProfile() })], passwordUse: { ana: daysAgo(89) } }), NOW)).toEqual([]);
  });
  it('a never-used password is judged by the login profile’s age', () => {
    expect(messages(unusedConsolePassword, account({ users: [user('ana', { loginProfile: loginProfile({ created: daysAgo(100) }) })] }), NOW)).toEqual(['User ana has a console password created 100 days ago that was never used (limit 90)']);
    expect(findings(unusedConsolePassword, account({ users: [user('ana', { loginProfile: loginProfile({ created: daysAgo(10) }) })] }), NOW)).toEqual([]);
  });
  it('users without a console password, and root’s password use, are not this check’s business', () => {
    expect(findings(unusedConsolePassword, account({ users: [user('bo')], passwordUse: { [ROOT]: daysAgo(400) } }), NOW)).toEqual([]);
  });
});
