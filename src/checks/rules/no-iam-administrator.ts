/** Practice 1: the account has no IAM administrator for day-to-day work, so root is the only way to administer it. */
import { defineCheck } from '../define-check.js';
import { accountRef } from '../lib/refs.js';
import { adminGroupAndUser, hasIamAdministrator } from './root-user-activity.js';

/** Flags an account where no IAM user or role has administrator access; suggests an Administrators group and an admin user. */
export default defineCheck({
  meta: {
    id: 'no-iam-administrator',
    practice: 1,
    title: 'An IAM administrator exists for day-to-day work',
    severity: 'medium',
    rationale: 'Without an IAM identity that can administer the account, people fall back to the root user for routine work.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.7', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/getting-started-workloads.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html'],
    remediation: 'suggest',
    messages: {
      noAdmin: 'Account {{account}} has no IAM user or role with administrator access; the root user is the only administrator',
      createAdmin: 'Create group {{group}} with AdministratorAccess and user {{user}} in it',
    },
    options: {
      type: 'object',
      properties: { adminGroupName: { type: 'string', pattern: '^[\\w+=,.@-]+$' }, adminUserName: { type: 'string', pattern: '^[\\w+=,.@-]+$' } },
      additionalProperties: false,
    },
    defaults: { adminGroupName: 'Administrators', adminUserName: 'iam-admin' },
  },
  detect({ account, options }) {
    if (hasIamAdministrator(account)) return [];
    return [
      {
        messageId: 'noAdmin',
        data: { account: account.id },
        resource: accountRef(account),
        suggestions: [
          { messageId: 'createAdmin', data: { group: options.adminGroupName, user: options.adminUserName }, fix: adminGroupAndUser(account, options.adminGroupName, options.adminUserName) },
        ],
      },
    ];
  },
});
