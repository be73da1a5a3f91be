import check from '../../src/checks/rules/weak-user-password.js';
import { runCaseTable } from './case-table.js';
import { account, ADMIN_ARN, group, loginProfile, NOW, strongPassword, user } from './fixtures.js';

const weak = { ...strongPassword, length: 10, symbols: false };
const common = { ...strongPassword, length: 12, common: true };

runCaseTable(check, {
  valid: [
    { name: 'strong password', account: account({ users: [user('alice', { loginProfile: loginProfile() })] }), now: NOW },
    { name: 'weak password already forced to reset', account: account({ users: [user('bob', { loginProfile: loginProfile({ password: weak, passwordResetRequired: true }) })] }), now: NOW },
    { name: 'no console password', account: account({ users: [user('carol')] }), now: NOW },
    {
      name: 'a 12-character password under a 12-character policy, not privileged',
      account: account({ passwordPolicy: null, users: [user('dan', { loginProfile: loginProfile({ password: { ...strongPassword, length: 12 } }) })] }),
      now: NOW,
    },
  ],
  invalid: [
    {
      name: 'a password that predates the policy',
      account: account({ users: [user('alice', { loginProfile: loginProfile({ password: weak }) })] }),
      now: NOW,
      reports: [{ messageId: 'weak', resource: 'alice', data: { problems: '10 characters < 14, no symbol' }, severity: 'high', fixed: true }],
      after: { users: { alice: { loginProfile: { passwordResetRequired: true } } } },
    },
    {
      name: 'a common password that meets the policy',
      account: account({ passwordPolicy: null, users: [user('bob', { loginProfile: loginProfile({ password: common }) })] }),
      now: NOW,
      reports: [{ messageId: 'weak', data: { problems: 'a common password' } }],
    },
    {
      name: 'privileged users through a group: stricter rules, critical',
      account: account({
        passwordPolicy: null,
        groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })],
        users: [user('root-ish', { groups: ['admins'], loginProfile: loginProfile({ password: { ...strongPassword, length: 12 } }) })],
      }),
      now: NOW,
      reports: [{ messageId: 'weakPrivileged', data: { problems: '12 characters < 14' }, severity: 'critical' }],
      after: { users: { 'root-ish': { loginProfile: { passwordResetRequired: true } } } },
    },
    {
      name: 'privileged through an inline iam:* grant, dictionary password',
      account: account({
        users: [user('iamops', {
          inlinePolicies: { iam: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] } },
          loginProfile: loginProfile({ password: { ...strongPassword, dictionary: true } }),
        })],
      }),
      now: NOW,
      reports: [{ messageId: 'weakPrivileged', data: { problems: 'a dictionary word' } }],
    },
  ],
});
