import check from '../../src/checks/rules/no-iam-administrator.js';
import { runCaseTable } from './case-table.js';
import { account, ADMIN_ARN, group, NOW, user } from './fixtures.js';

const adminRole = {
  name: 'OrgAdmin', path: '/', arn: 'arn:aws:iam::111122223333:role/OrgAdmin', id: 'AROA00000000000000001', created: '2025-01-01T00:00:00Z',
  attachedPolicies: [ADMIN_ARN], inlinePolicies: {}, tags: {}, trustPolicy: { Version: '2012-10-17', Statement: [] }, maxSessionDuration: 3600, boundary: null,
};

runCaseTable(check, {
  valid: [
    { name: 'an admin user through a group', account: account({ groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })], users: [user('ana', { groups: ['admins'] })] }), now: NOW },
    { name: 'an admin role', account: account({ extra: { roles: { OrgAdmin: adminRole } } }), now: NOW },
    {
      name: 'an inline *:* grant',
      account: account({ users: [user('ops-lead', { inlinePolicies: { all: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } })] }),
      now: NOW,
    },
  ],
  invalid: [
    {
      name: 'a fresh account',
      account: account(),
      now: NOW,
      reports: [{ messageId: 'noAdmin', data: { account: '111122223333' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { groups: { Administrators: { attachedPolicies: [ADMIN_ARN] } }, users: { 'iam-admin': { groups: ['Administrators'] } } },
    },
    {
      name: 'only a service-linked admin role and a read-only user',
      account: account({
        users: [user('reader', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })],
        extra: { roles: { OrgAdmin: { ...adminRole, serviceLinked: true } } },
      }),
      now: NOW,
      options: { adminUserName: 'alex' },
      reports: [{ messageId: 'noAdmin' }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { alex: { groups: ['Administrators'] } } },
    },
    {
      name: 'the group already exists without the policy',
      account: account({ groups: [group('Administrators')] }),
      now: NOW,
      reports: [{ messageId: 'noAdmin' }],
      applySuggestions: true,
      suggestionsClear: true,
    },
  ],
});
