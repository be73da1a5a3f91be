/**
 * Practice 7: customer managed policies are reviewed on a cadence (default every 90 days; ManagedPolicy.lastReviewed,
 * recorded with the MarkPolicyReviewed operation). A policy never reviewed counts from its creation.
 */
import { daysBetween } from '../../model/time.js';
import { isAwsManagedArn } from '../../model/aws-managed.js';
import { defineCheck } from '../define-check.js';
import type { Report } from '../types.js';

type Msg = 'overdue' | 'neverReviewed' | 'recordReview';

/** The check. */
export default defineCheck({
  meta: {
    id: 'policy-review-cadence',
    practice: 7,
    title: 'Customer managed policies are reviewed regularly',
    severity: 'low',
    rationale:
      'Permissions outlive the reasons they were granted. A regular review by access level, of each customer managed policy, catches grants that are no longer needed.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html',
    ],
    remediation: 'suggest',
    messages: {
      overdue: 'Policy {{policy}} was last reviewed {{days}} days ago (cadence {{cadence}} days)',
      neverReviewed: 'Policy {{policy}} has never been reviewed since it was created {{days}} days ago (cadence {{cadence}} days)',
      recordReview: 'After reviewing {{policy}} (run `iamsim review` for its access-level summary), record the review',
    },
    options: { type: 'object', properties: { cadenceDays: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { cadenceDays: 90 },
  },
  detect({ account, now, options }) {
    const out: Report<Msg>[] = [];
    // Stryker disable next-line EqualityOperator: customer managed policy names are unique in an account; a tie can only pair one with an AWS managed policy, which is skipped.
    for (const p of Object.values(account.policies).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // An import can carry a retired AWS managed policy the catalog lacks: it is AWS's, not a customer's to review or swap.
      if (isAwsManagedArn(p.arn)) continue;
      const last = p.lastReviewed ?? null;
      const days = daysBetween(last ?? p.created, now);
      if (days < options.cadenceDays) continue;
      const data = { policy: p.name, days, cadence: options.cadenceDays };
      out.push({
        messageId: last === null ? 'neverReviewed' : 'overdue',
        data,
        resource: { kind: 'policy', arn: p.arn, name: p.name },
        suggestions: [{ messageId: 'recordReview', data, fix: [{ op: 'MarkPolicyReviewed', input: { PolicyArn: p.arn } }] }],
      });
    }
    return out;
  },
});
