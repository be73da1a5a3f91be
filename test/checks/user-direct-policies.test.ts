import check from '../../src/checks/rules/user-direct-policies.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { account, doc, group, managed, user } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const reports = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
const billing = managed('Billing', doc({ Effect: 'Allow', Action: 'aws-portal:View*', Resource: '*' }));

runCaseTable(check, {
  valid: [
    { name: 'users with permissions only through groups', now: NOW, account: account({ users: [user('alice', { groups: ['devs'] })], groups: [group('devs', { attachedPolicies: [READ] })] }) },
    { name: 'a user with no permissions at all', now: NOW, account: account({ users: [user('bob')] }) },
  ],
  invalid: [
    {
      name: 'attached and inline policies move to a new group',
      now: NOW,
      account: account({ users: [user('alice', { attachedPolicies: [READ, billing.arn], inlinePolicies: { reports } })], policies: [billing] }),
      reports: [{ messageId: 'directPolicies', resource: 'alice', data: { count: 3, policies: 'ReadOnlyAccess, Billing, inline reports' }, fixed: true }],
      after: {
        users: { alice: { attachedPolicies: [], inlinePolicies: {}, groups: ['alice-permissions'] } },
        groups: { 'alice-permissions': { attachedPolicies: [READ, billing.arn], inlinePolicies: { reports } } },
      },
    },
    {
      name: 'an existing group with exactly the same set is reused',
      now: NOW,
      account: account({ users: [user('carol', { attachedPolicies: [READ], groups: ['ops'] })], groups: [group('ops'), group('readers', { attachedPolicies: [READ] })] }),
      reports: [{ messageId: 'directPolicies', resource: 'carol', fixed: true }],
      after: (a) => a.users['carol']?.groups.join() === 'ops,readers' && Object.keys(a.groups).length === 2 && a.users['carol']?.attachedPolicies.length === 0,
    },
    {
      name: 'the new group name avoids a taken one',
      now: NOW,
      account: account({ users: [user('dan', { inlinePolicies: { reports } })], groups: [group('dan-permissions', { attachedPolicies: [READ] })] }),
      reports: [{ messageId: 'directPolicies', fixed: true }],
      after: { groups: { 'dan-permissions-2': { inlinePolicies: { reports } } }, users: { dan: { groups: ['dan-permissions-2'] } } },
    },
    {
      name: 'a user already in ten groups cannot join another: no automatic fix',
      now: NOW,
      account: account({ users: [user('erin', { inlinePolicies: { reports }, groups: Array.from({ length: 10 }, (_, i) => `g${i}`) })], groups: Array.from({ length: 10 }, (_, i) => group(`g${i}`)) }),
      reports: [{ messageId: 'directPolicies', fixed: false }],
    },
  ],
}, hooks);
