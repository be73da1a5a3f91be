/** Practice 11: users with no activity for N days. Deleting a user is only ever a suggestion. */
import { daysBetween } from '../../model/time.js';
import type { Account, User } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { userRef } from '../lib/refs.js';
import { userLastActivity } from '../lib/usage.js';
import type { OperationCall } from '../types.js';

/** The calls that delete a user the way IAM requires: credentials, MFA, policies and memberships first. */
export function deleteUserCalls(u: User): OperationCall[] {
  const n = u.name;
  return [
    ...(u.loginProfile !== null ? [{ op: 'DeleteLoginProfile', input: { UserName: n } }] : []),
    ...u.accessKeys.map((k) => ({ op: 'DeleteAccessKey', input: { UserName: n, AccessKeyId: k.id } })),
    ...u.mfa.map((m) => ({ op: 'DeactivateMFADevice', input: { UserName: n, SerialNumber: m.serial } })),
    ...u.groups.map((g) => ({ op: 'RemoveUserFromGroup', input: { UserName: n, GroupName: g } })),
    ...u.attachedPolicies.map((p) => ({ op: 'DetachUserPolicy', input: { UserName: n, PolicyArn: p } })),
    ...Object.keys(u.inlinePolicies).map((p) => ({ op: 'DeleteUserPolicy', input: { UserName: n, PolicyName: p } })),
    ...(u.boundary !== null ? [{ op: 'DeleteUserPermissionsBoundary', input: { UserName: n } }] : []),
    { op: 'DeleteUser', input: { UserName: n } },
  ];
}

/** Users whose access key an application on an instance uses (they are not idle, whatever the log says); built once per run. */
const usedByApplication = (a: Account): ReadonlySet<string> => {
  const users = new Set<string>();
  for (const i of Object.values(a.instances)) for (const app of i.applications) if (app.credential.kind === 'access-key') users.add(app.credential.user);
  return users;
};

/** Flags users created more than `inactiveDays` ago whose credentials were all unused in that time. */
export default defineCheck({
  meta: {
    id: 'inactive-user',
    practice: 11,
    title: 'Users with no recent activity are removed',
    severity: 'medium',
    rationale: 'An identity nobody uses is a standing invitation: it keeps its permissions and its credentials and no one watches it.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.12', 'AWS Security Hub IAM.8', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    remediation: 'suggest',
    messages: {
      inactive: 'User {{user}} has had no activity for {{days}} days (limit {{limit}})',
      neverActive: 'User {{user}} was created {{days}} days ago and has never been used (limit {{limit}})',
      deleteUser: 'Delete user {{user}} (its details stay recoverable from the change set)',
    },
    options: {
      type: 'object',
      properties: { inactiveDays: { type: 'integer', minimum: 1, description: 'days without any credential use' } },
      additionalProperties: false,
    },
    defaults: { inactiveDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out = [];
    const appUsers = usedByApplication(account);
    for (const u of Object.values(account.users)) {
      const age = daysBetween(u.created, now);
      if (age < options.inactiveDays || appUsers.has(u.name)) continue;
      const last = userLastActivity(account, u);
      const idle = last === null ? age : daysBetween(last, now);
      if (idle < options.inactiveDays) continue;
      out.push({
        messageId: last === null ? ('neverActive' as const) : ('inactive' as const),
        data: { user: u.name, days: idle, limit: options.inactiveDays },
        resource: userRef(u),
        suggestions: [{ messageId: 'deleteUser' as const, fix: deleteUserCalls(u) }],
      });
    }
    return out;
  },
});
