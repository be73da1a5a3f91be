/**
 * Practice 6: no customer managed or inline policy grants full administrative privileges (`*:*`). Judged by
 * meaning with the evaluator: a policy that allows every real action on every resource is flagged however it is
 * written (`"Action": "*"`, `NotAction` of something that does not exist, a list of every service's `*`).
 * Suggestion: replace it with a policy generated from the holder's activity, with the proof that every allowed
 * request in the log is still allowed and that nothing new is granted.
 */
import { defineCheck } from '../define-check.js';
import { broadGrants, memoTest } from '../least-privilege/broad-grants.js';
import type { Report } from '../types.js';
import { decideRaw } from '../universe/decide-raw.js';
import { grantsEverything } from '../universe/grants-admin.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';

type Msg = 'fullAdmin' | 'unattachedAdmin' | 'replaceWithUsed';

// Stryker disable next-line StringLiteral: only whether the finding is null matters; detect never shows its text (an empty string is not null either).
const isAdmin = memoTest((doc) => (grantsEverything([doc], decideRaw, REAL_CATALOG) ? '*:*' : null));

/** The check. */
export default defineCheck({
  meta: {
    id: 'admin-policy-grants',
    practice: 6,
    title: 'No custom policy grants full "*:*" administrative privileges',
    severity: 'high',
    rationale:
      'A policy that allows every action on every resource makes whoever holds it an administrator, usually far beyond what the job needs. ' +
      'Start from what the activity shows is used and grant that.',
    references: [
      'CIS AWS Foundations Benchmark v3.0.0 1.16 (IAM policies that allow full "*:*" administrative privileges are not attached)',
      'AWS Security Hub IAM.1',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
    ],
    remediation: 'suggest',
    messages: {
      fullAdmin: '{{holderKind}} {{holder}} holds {{policy}}, which allows every action on every resource',
      unattachedAdmin: 'Customer managed policy {{policy}} allows every action on every resource (attached to nobody yet)',
      replaceWithUsed: 'Replace {{policy}} with {{generated}}: {{statements}} statement(s) covering the {{used}} request(s) logged in {{days}} days; proven: nothing logged breaks, nothing new is granted ({{universe}} requests compared)',
    },
    options: { type: 'object', properties: { activityDays: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { activityDays: 90 },
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const out: Report<Msg>[] = [];
    for (const g of broadGrants(account, now, options.activityDays, isAdmin, decideRaw, REAL_CATALOG)) {
      const data = { holderKind: g.holder.kind, holder: g.holder.name ?? g.holder.arn, policy: g.policy };
      out.push({
        messageId: g.holder.kind === 'policy' ? 'unattachedAdmin' : 'fullAdmin',
        data,
        resource: g.holder,
        ...(g.plan !== null
          ? { suggestions: [{ messageId: 'replaceWithUsed' as const, data: { ...data, generated: g.plan.policyName, statements: (g.plan.generated.document['Statement'] as unknown[]).length, used: g.plan.generated.covered.length, days: options.activityDays, universe: g.plan.proof.universeSize }, fix: g.plan.fix }] }
          : {}),
      });
    }
    return out;
  },
});
