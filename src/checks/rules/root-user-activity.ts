/** Practice 1: the root user did, within the window, tasks that do not require root. */
import type { CloudTrailEvent } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { eventsInWindow } from '../lib/activity.js';
import { isAdminDocs, documentsOf, userDocuments } from '../lib/privilege.js';
import { rootRef } from '../lib/refs.js';
import { rootTaskOf, SIGN_IN_EVENTS } from '../lib/root-tasks.js';
import type { Account } from '../../model/types.js';
import type { Fix, Report } from '../types.js';

/** Whether the account has an IAM user or (non-service-linked) role with full administrator access. */
export function hasIamAdministrator(a: Account): boolean {
  return Object.values(a.users).some((u) => isAdminDocs(userDocuments(a, u))) || Object.values(a.roles).some((r) => !r.serviceLinked && isAdminDocs(documentsOf(a, r)));
}

/** The suggested fix for working without root: an Administrators group with AdministratorAccess and an admin user in it. */
export function adminGroupAndUser(a: Account, groupName: string, userName: string): Fix {
  const calls = [];
  if (!Object.hasOwn(a.groups, groupName)) calls.push({ op: 'CreateGroup', input: { GroupName: groupName } });
  const g = a.groups[groupName];
  if (g === undefined || !g.attachedPolicies.includes('arn:aws:iam::aws:policy/AdministratorAccess')) {
    calls.push({ op: 'AttachGroupPolicy', input: { GroupName: groupName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } });
  }
  if (!Object.hasOwn(a.users, userName)) calls.push({ op: 'CreateUser', input: { UserName: userName } });
  if (!(a.users[userName]?.groups ?? []).includes(groupName)) calls.push({ op: 'AddUserToGroup', input: { GroupName: groupName, UserName: userName } });
  return calls;
}

type M = 'rootUsed' | 'createAdmin';

/**
 * One finding per event name the root user called within the window that is not a root-only task, with the count,
 * the last time, and up to five events as evidence. When no IAM administrator exists, the first finding suggests creating one
 * (once: the same calls in every finding would collide).
 */
export default defineCheck({
  meta: {
    id: 'root-user-activity',
    practice: 1,
    title: 'The root user is used only for tasks that require it',
    severity: 'high',
    rationale:
      'Root has unrestricted access that no IAM policy can limit. Every routine task done as root is a chance to leak or misuse its credentials; AWS documents the few tasks that truly need root.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.7', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html'],
    remediation: 'suggest',
    messages: {
      rootUsed: 'The root user called {{event}} {{count}} time(s) in the last {{window}} days (last {{last}}); this task does not require root',
      createAdmin: 'Create group {{group}} with AdministratorAccess and user {{user}} in it, and use that user for day-to-day administration',
    },
    options: {
      type: 'object',
      properties: {
        windowDays: { type: 'integer', minimum: 1 },
        adminGroupName: { type: 'string', pattern: '^[\\w+=,.@-]+$' },
        adminUserName: { type: 'string', pattern: '^[\\w+=,.@-]+$' },
      },
      additionalProperties: false,
    },
    defaults: { windowDays: 90, adminGroupName: 'Administrators', adminUserName: 'iam-admin' },
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const byName = new Map<string, CloudTrailEvent[]>();
    for (const e of eventsInWindow(account, now, options.windowDays)) {
      if (e.userIdentity.type !== 'Root' || SIGN_IN_EVENTS.includes(e.eventName)) continue;
      if (rootTaskOf(e.eventSource, e.eventName) !== undefined) continue;
      const k = `${e.eventSource.replace('.amazonaws.com', '')}:${e.eventName}`;
      const list = byName.get(k);
      if (list === undefined) byName.set(k, [e]);
      else list.push(e);
    }
    // Stryker disable next-line ConditionalExpression: a fast path; with no events the loop below adds nothing and [] is returned either way.
    if (byName.size === 0) return [];
    const fix = hasIamAdministrator(account) ? [] : adminGroupAndUser(account, options.adminGroupName, options.adminUserName);
    const out: Report<M>[] = [];
    // Stryker disable next-line EqualityOperator: the keys of a Map are unique, so `<` and `<=` never see a tie.
    for (const [event, events] of [...byName.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const last = events[events.length - 1]!;
      out.push({
        messageId: 'rootUsed',
        data: { event, count: events.length, window: options.windowDays, last: last.eventTime },
        resource: rootRef(account),
        evidence: events.slice(-5).map((e) => ({ eventID: e.eventID, eventTime: e.eventTime, text: `${e.eventName} from ${e.sourceIPAddress}` })),
        ...(fix.length > 0 && out.length === 0
          ? { suggestions: [{ messageId: 'createAdmin' as const, data: { group: options.adminGroupName, user: options.adminUserName }, fix }] }
          : {}),
      });
    }
    return out;
  },
});
