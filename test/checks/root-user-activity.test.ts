import check from '../../src/checks/rules/root-user-activity.js';
import { runCaseTable } from './case-table.js';
import { account, ADMIN_ARN, daysAgo, event, group, NOW, ROOT, user } from './fixtures.js';

const admins = { groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })], users: [user('ana', { groups: ['admins'] })] };

runCaseTable(check, {
  valid: [
    { name: 'no root activity', account: account({ events: [event('alice', daysAgo(1))] }), now: NOW },
    {
      name: 'root signs in and manages its own MFA and keys (root-only tasks)',
      account: account({
        events: [
          event(ROOT, daysAgo(5), { name: 'ConsoleLogin' }),
          event(ROOT, daysAgo(5), { name: 'EnableMFADevice', source: 'iam.amazonaws.com' }),
          event(ROOT, daysAgo(5), { name: 'DeleteAccessKey', source: 'iam.amazonaws.com' }),
          event(ROOT, daysAgo(4), { name: 'UpdateSupportPlan', source: 'supportplans.amazonaws.com' }),
        ],
      }),
      now: NOW,
    },
    { name: 'root use outside the window', account: account({ events: [event(ROOT, daysAgo(120), { name: 'RunInstances', source: 'ec2.amazonaws.com' })] }), now: NOW },
  ],
  invalid: [
    {
      name: 'routine work as root, no IAM admin: suggest one',
      account: account({
        events: [
          event(ROOT, daysAgo(10), { name: 'ConsoleLogin' }),
          event(ROOT, daysAgo(10), { name: 'CreateUser', source: 'iam.amazonaws.com' }),
          event(ROOT, daysAgo(9), { name: 'RunInstances', source: 'ec2.amazonaws.com' }),
          event(ROOT, daysAgo(8), { name: 'RunInstances', source: 'ec2.amazonaws.com' }),
        ],
      }),
      now: NOW,
      reports: [
        { messageId: 'rootUsed', resource: 'root', data: { event: 'ec2:RunInstances', count: 2, window: 90 }, suggestions: 1 },
        { messageId: 'rootUsed', data: { event: 'iam:CreateUser', count: 1 }, suggestions: 0 },
      ],
      applySuggestions: true,
      after: { groups: { Administrators: { attachedPolicies: [ADMIN_ARN] } }, users: { 'iam-admin': { groups: ['Administrators'] } } },
    },
    {
      name: 'an admin exists: report without a suggestion',
      account: account({ ...admins, events: [event(ROOT, daysAgo(3), { name: 'ListBuckets' })] }),
      now: NOW,
      reports: [{ messageId: 'rootUsed', data: { event: 's3:ListBuckets' }, suggestions: 0 }],
    },
    {
      name: 'a shorter window from the options',
      account: account({ ...admins, events: [event(ROOT, daysAgo(20), { name: 'ListBuckets' }), event(ROOT, daysAgo(40), { name: 'GetObject' })] }),
      now: NOW,
      options: { windowDays: 30 },
      reports: [{ messageId: 'rootUsed', data: { event: 's3:ListBuckets', count: 1, window: 30 } }],
    },
  ],
});
