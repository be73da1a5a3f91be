/**
 * Practice 6: permissions a principal holds but has not used. From the service-last-accessed data (Access Advisor,
 * `usage.services`): services granted and not used within the window, and, for services where Access Advisor tracks
 * actions, granted actions not used. "Granted" is decided with the evaluator over the request universe of the
 * principal's policies (allowed for some resource and context). Suggestion: replace the principal's own policies
 * with one generated from its activity, with the proof.
 */
import { planReplacement } from '../least-privilege/replace-direct-policies.js';
import { defineCheck } from '../define-check.js';
import { addMillis, daysBetween } from '../../model/time.js';
import type { Account, Instant } from '../../model/types.js';
import type { Report, ResourceRef } from '../types.js';
import { buildUniverse } from '../universe/build-universe.js';
import { toAuthzRequest } from '../universe/compare-grants.js';
import { decideRaw } from '../universe/decide-raw.js';
import { principalPolicies, type PrincipalKey, type PrincipalPolicies } from '../universe/principal-policies.js';
import { boundedMemo } from '../../bounded-memo.js';
import { policySetKey } from '../universe/policy-set-key.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';
import type { Universe } from '../universe/types.js';
import type { RawPolicySet } from '../../evaluator/policy-set.js';

type Msg = 'unusedServices' | 'unusedActions' | 'replaceWithUsed';

const serviceOf = (action: string): string => action.slice(0, action.indexOf(':')).toLowerCase();
const list = (xs: readonly string[], n: number): string => (xs.length <= n ? xs.join(', ') : `${xs.slice(0, n).join(', ')} and ${xs.length - n} more`);

const granted = boundedMemo<ReadonlyMap<string, readonly string[]>>();

/** The real actions a principal's policies allow (for some resource and context), by lowercased service; memoised across principals holding the same policies. */
export function grantedActions(account: Account, key: PrincipalKey): ReadonlyMap<string, readonly string[]> {
  const pp = principalPolicies(account, key);
  if (pp === undefined) return new Map();
  return granted.get(policySetKey(pp), () => grantedBy(pp));
}

function grantedBy(pp: PrincipalPolicies): ReadonlyMap<string, readonly string[]> {
  const u = buildUniverse(pp.documents, REAL_CATALOG, { principal: pp.principal, fixed: pp.fixed });
  // A class is granted as soon as one of its requests is allowed. All granted actions in one sorted list, grouped by
  // service: each service's actions sorted, services in the order of their first action.
  const actions: string[] = [];
  u.actionClasses.forEach((c, ci) => {
    if (classAllowed(u, ci, c.representative, pp.set)) for (const a of c.members) actions.push(a);
  });
  const bySvc = new Map<string, string[]>();
  for (const a of actions.sort()) {
    const s = serviceOf(a);
    const l = bySvc.get(s);
    if (l) l.push(a); else bySvc.set(s, [a]);
  }
  return bySvc;
}

function classAllowed(u: Universe, ci: number, action: string, set: RawPolicySet): boolean {
  for (const resource of u.resources) {
    for (let x = 0; x < u.contexts.length; x++) if (decideRaw(toAuthzRequest(u, { actionClass: ci, action, resource, context: x }), set) === 'Allow') return true;
  }
  return false;
}

/** The check. */
export default defineCheck({
  meta: {
    id: 'unused-services',
    practice: 6,
    title: 'Principals do not keep permissions they do not use',
    severity: 'medium',
    rationale:
      'Access Advisor shows which services a principal actually used. A granted service unused for months is risk with no benefit: ' +
      'remove it, and generate the policy from what is used.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
      'AWS Well-Architected SEC03-BP04 Reduce permissions continuously',
    ],
    remediation: 'suggest',
    messages: {
      unusedServices: '{{kind}} {{name}} may use {{count}} service(s) it has not used in {{days}} days: {{services}}',
      unusedActions: '{{kind}} {{name}} may use {{count}} tracked action(s) it has not used in {{days}} days: {{actions}}',
      replaceWithUsed: 'Replace {{replaced}} with {{generated}} ({{statements}} statement(s) from {{used}} logged request(s)); proven: nothing logged breaks, nothing new is granted ({{universe}} requests compared)',
    },
    options: { type: 'object', properties: { unusedDays: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { unusedDays: 90 },
    needs: ['last-accessed'],
  },
  detect({ account, now, options }) {
    const days = options.unusedDays;
    const from: Instant = addMillis(now, -days * 86_400_000);
    const out: Report<Msg>[] = [];
    const principals: { key: PrincipalKey; ref: ResourceRef; created: Instant }[] = [
      ...Object.values(account.users).map((u) => ({ key: { kind: 'user' as const, name: u.name }, ref: { kind: 'user' as const, arn: u.arn, name: u.name }, created: u.created })),
      ...Object.values(account.roles).filter((r) => !r.serviceLinked).map((r) => ({ key: { kind: 'role' as const, name: r.name }, ref: { kind: 'role' as const, arn: r.arn, name: r.name }, created: r.created })),
    ];
    for (const p of principals) {
      if (daysBetween(p.created, now) < days) continue;
      const granted = grantedActions(account, p.key);
      const advisor = account.usage.services.get(p.ref.arn);
      const usedRecently = (ns: string): boolean => {
        const rec = advisor?.get(ns);
        return rec !== undefined && rec.LastAuthenticated >= from;
      };
      const unused = [...granted.keys()].sort().filter((s) => !usedRecently(s));
      // In the order of `granted`, which is one sorted list.
      const unusedActions: string[] = [];
      for (const [svc, actions] of granted) {
        const tracked = advisor?.get(svc)?.TrackedActionsLastAccessed;
        if (!usedRecently(svc) || tracked === undefined) continue;
        const recent = new Set(Object.entries(tracked).filter(([, t]) => t >= from).map(([a]) => a.toLowerCase()));
        for (const a of actions) if (!recent.has(a.toLowerCase()) && !recent.has(a.slice(a.indexOf(':') + 1).toLowerCase())) unusedActions.push(a);
      }
      // Stryker disable next-line ConditionalExpression: a fast path; with nothing unused neither report below is pushed, so planning the replacement changes nothing
      if (unused.length === 0 && unusedActions.length === 0) continue;
      const base = { kind: p.key.kind, name: p.key.name, days };
      const plan = planReplacement(account, p.key, () => true, from, now, decideRaw, REAL_CATALOG);
      const suggestions = plan !== null && plan.proof.holds
        ? [{ messageId: 'replaceWithUsed' as const, data: { ...base, replaced: plan.replaced.join(', '), generated: plan.policyName, statements: (plan.generated.document['Statement'] as unknown[]).length, used: plan.generated.covered.length, universe: plan.proof.universeSize }, fix: plan.fix }]
        : undefined;
      if (unused.length > 0) out.push({ messageId: 'unusedServices', data: { ...base, count: unused.length, services: list(unused, 8) }, resource: p.ref, ...(suggestions ? { suggestions } : {}) });
      if (unusedActions.length > 0) out.push({ messageId: 'unusedActions', data: { ...base, count: unusedActions.length, actions: list(unusedActions, 8) }, resource: p.ref, ...(suggestions && unused.length === 0 ? { suggestions } : {}) });
    }
    return out;
  },
});
