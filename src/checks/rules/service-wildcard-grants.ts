/**
 * Practice 6: no customer managed or inline policy grants every action of a service (`s3:*`), short of full admin
 * (admin-policy-grants reports that). Judged by meaning: the evaluator decides every action class of each service
 * the policy touches, so a list of every S3 action counts as `s3:*` and `s3:*` with a Deny on one action does not.
 * Suggestion: the least-privilege replacement generated from activity, with its proof.
 */
import { defineCheck } from '../define-check.js';
import { broadGrants, memoTest } from '../least-privilege/broad-grants.js';
import type { Report } from '../types.js';
import { decideRaw } from '../universe/decide-raw.js';
import { fullyGrantedServices, grantsEverything } from '../universe/grants-admin.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';

type Msg = 'serviceWildcard' | 'unattachedWildcard' | 'replaceWithUsed';

const wildcards = memoTest((doc) => {
  if (grantsEverything([doc], decideRaw, REAL_CATALOG)) return null;
  // Every service is tried: one that no Action names is only fully allowed through `*`, `*:…` or NotAction, and the
  // grid of decisions is the same size either way. A vendor with a wildcard (`sq*:*`) is not valid IAM ("Vendor sq*
  // is not valid"), so such a document never compiles and grants nothing (sheet §6.1).
  const services = fullyGrantedServices([doc], decideRaw, REAL_CATALOG);
  return services.length > 0 ? services.map((s) => `${s}:*`).join(', ') : null;
});

/** The check. */
export default defineCheck({
  meta: {
    id: 'service-wildcard-grants',
    practice: 6,
    title: 'No custom policy grants every action of a service',
    severity: 'medium',
    rationale:
      "`s3:*` grants deleting buckets, rewriting their policies and turning off their encryption, not just reading and writing objects. " +
      'Grant the actions the job uses; the activity log says which.',
    references: ['AWS Security Hub IAM.21', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html'],
    remediation: 'suggest',
    messages: {
      serviceWildcard: '{{holderKind}} {{holder}} holds {{policy}}, which allows every action of {{services}}',
      unattachedWildcard: 'Customer managed policy {{policy}} allows every action of {{services}} (attached to nobody yet)',
      replaceWithUsed: 'Replace {{policy}} with {{generated}}: {{statements}} statement(s) covering the {{used}} request(s) logged in {{days}} days; proven: nothing logged breaks, nothing new is granted ({{universe}} requests compared)',
    },
    options: { type: 'object', properties: { activityDays: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { activityDays: 90 },
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const out: Report<Msg>[] = [];
    for (const g of broadGrants(account, now, options.activityDays, wildcards, decideRaw, REAL_CATALOG)) {
      const data = { holderKind: g.holder.kind, holder: g.holder.name ?? g.holder.arn, policy: g.policy, services: g.finding };
      out.push({
        messageId: g.holder.kind === 'policy' ? 'unattachedWildcard' : 'serviceWildcard',
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
