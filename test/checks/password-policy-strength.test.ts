import check from '../../src/checks/rules/password-policy-strength.js';
import { runCaseTable } from './case-table.js';
import { account, NOW, STRONG_POLICY } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'the baseline policy', account: account(), now: NOW },
    {
      name: 'stronger than the baseline everywhere',
      account: account({ passwordPolicy: { ...STRONG_POLICY, MinimumPasswordLength: 20, MaxPasswordAge: 60, HardExpiry: true } }),
      now: NOW,
    },
    { name: 'no expiry wanted (maxAgeDays 0)', account: account({ passwordPolicy: { ...STRONG_POLICY, ExpirePasswords: false, MaxPasswordAge: undefined } }), now: NOW, options: { maxAgeDays: 0 } },
  ],
  invalid: [
    {
      name: 'no policy at all',
      account: account({ passwordPolicy: null }),
      now: NOW,
      reports: [{ messageId: 'absent', resource: 'password policy', fixed: true }],
      after: { passwordPolicy: { ...STRONG_POLICY } },
    },
    {
      name: 'weak in several ways; stronger settings are kept',
      account: account({
        passwordPolicy: {
          MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: false,
          AllowUsersToChangePassword: false, ExpirePasswords: true, MaxPasswordAge: 30, PasswordReusePrevention: 5, HardExpiry: true,
        },
      }),
      now: NOW,
      reports: [{ messageId: 'weak', data: { weaknesses: 'minimum length 8 < 14; symbols not required; lowercase not required; reuse prevention 5 < 24' } }],
      after: {
        passwordPolicy: {
          MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: false, ExpirePasswords: true, MaxPasswordAge: 30, PasswordReusePrevention: 24, HardExpiry: true,
        },
      },
    },
    {
      name: 'passwords never expire',
      account: account({ passwordPolicy: { ...STRONG_POLICY, ExpirePasswords: false, MaxPasswordAge: undefined } }),
      now: NOW,
      reports: [{ messageId: 'weak', data: { weaknesses: 'passwords never expire' } }],
      after: { passwordPolicy: { ExpirePasswords: true, MaxPasswordAge: 90 } },
    },
    {
      name: 'a longer minimum length from the options',
      account: account(),
      now: NOW,
      options: { minLength: 16 },
      reports: [{ messageId: 'weak', data: { weaknesses: 'minimum length 14 < 16' } }],
      after: { passwordPolicy: { MinimumPasswordLength: 16, PasswordReusePrevention: 24 } },
    },
  ],
});
