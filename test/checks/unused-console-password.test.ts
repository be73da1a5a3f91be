import check from '../../src/checks/rules/unused-console-password.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, loginProfile, NOW, user } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'signed in last week', account: account({ users: [user('alice', { loginProfile: loginProfile() })], passwordUse: { alice: daysAgo(7) } }), now: NOW },
    { name: 'new password not used yet', account: account({ users: [user('bob', { loginProfile: loginProfile({ created: daysAgo(30) }) })] }), now: NOW },
    { name: 'no console access at all (disabled console access is not an unused credential)', account: account({ users: [user('carol')], passwordUse: { carol: daysAgo(300) } }), now: NOW },
  ],
  invalid: [
    {
      name: 'unused for 100 days',
      account: account({ users: [user('alice', { loginProfile: loginProfile() })], passwordUse: { alice: daysAgo(100) } }),
      now: NOW,
      reports: [{ messageId: 'unused', resource: 'arn:aws:iam::111122223333:user/alice/login-profile', data: { user: 'alice', days: 100, limit: 90 }, fixed: true }],
      after: { users: { alice: { loginProfile: null } } },
    },
    {
      name: 'never used, created 200 days ago',
      account: account({ users: [user('bob', { loginProfile: loginProfile({ created: daysAgo(200) }) })] }),
      now: NOW,
      reports: [{ messageId: 'neverUsed', data: { user: 'bob', days: 200 } }],
      after: { users: { bob: { loginProfile: null } } },
    },
    {
      name: 'cis threshold 45 days',
      account: account({ users: [user('carol', { loginProfile: loginProfile() }), user('dan', { loginProfile: loginProfile() })], passwordUse: { carol: daysAgo(46), dan: daysAgo(44) } }),
      now: NOW,
      options: { unusedDays: 45 },
      reports: [{ messageId: 'unused', resource: 'carol' }],
      after: (a) => a.users['carol']?.loginProfile === null && a.users['dan']?.loginProfile !== null,
    },
  ],
});
