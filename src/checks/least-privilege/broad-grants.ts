/**
 * Finds policies that grant too broadly by a semantic test (every action; every action of a service), wherever they
 * are held, with a least-privilege replacement suggested for the users and roles that hold them directly.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument } from '../../evaluator/types.js';
import { isAwsManagedArn } from '../../model/aws-managed.js';
import { policyDocument } from '../../model/lookup.js';
import type { Account, Instant } from '../../model/types.js';
import type { ResourceRef } from '../types.js';
import type { Decide } from '../universe/compare-grants.js';
import type { ActionCatalog } from '../universe/types.js';
import { planReplacement, type ReplacementPlan } from './replace-direct-policies.js';
import { documentId } from '../universe/policy-set-key.js';

/** Where a broad policy is held. */
export interface BroadGrant {
  /** What the test found, e.g. the fully granted services. */
  readonly finding: string;
  readonly policy: string;
  readonly holder: ResourceRef;
  /** For users and roles holding it directly, and only when the proof holds. */
  readonly plan: ReplacementPlan | null;
}

/** A semantic breadth test on one document: a description of what is too broad, or null. */
export type BreadthTest = (doc: PolicyDocument) => string | null;

/** Memoises a breadth test by document content (equal documents held by many principals are judged once). */
export function memoTest(test: BreadthTest): BreadthTest {
  const memo = new Map<number, string | null>();
  return (doc) => {
    const id = documentId(doc);
    if (memo.has(id)) return memo.get(id) ?? null;
    const v = test(doc);
    if (memo.size >= 20_000) memo.clear();
    memo.set(id, v);
    return v;
  };
}

const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/**
 * Every holder of a customer managed or inline policy failing `test` (AWS managed policies are AWS's to scope;
 * practice 4 prefers them). Unattached customer policies are reported on the policy itself.
 */
export function broadGrants(account: Account, now: Instant, windowDays: number, test: BreadthTest, decide: Decide<RawPolicySet>, catalog: ActionCatalog): BroadGrant[] {
  const out: BroadGrant[] = [];
  const from = new Date(Date.parse(now) - windowDays * 86_400_000).toISOString();
  const attachedSomewhere = new Set<string>();
  const holders: { ref: ResourceRef; key: { kind: 'user' | 'role'; name: string } | null; inline: Readonly<Record<string, PolicyDocument>>; attached: readonly string[] }[] = [
    ...Object.values(account.users).map((u) => ({ ref: { kind: 'user', arn: u.arn, name: u.name } as const, key: { kind: 'user' as const, name: u.name }, inline: u.inlinePolicies, attached: u.attachedPolicies })),
    ...Object.values(account.groups).map((g) => ({ ref: { kind: 'group', arn: g.arn, name: g.name } as const, key: null, inline: g.inlinePolicies, attached: g.attachedPolicies })),
    ...Object.values(account.roles).filter((r) => !r.serviceLinked).map((r) => ({ ref: { kind: 'role', arn: r.arn, name: r.name } as const, key: { kind: 'role' as const, name: r.name }, inline: r.inlinePolicies, attached: r.attachedPolicies })),
  ];
  for (const h of holders) {
    for (const [name, doc] of Object.entries(h.inline)) {
      const f = test(doc);
      if (f === null) continue;
      const plan = h.key === null ? null : planReplacement(account, h.key, (s) => s.kind === 'inline' && s.name === name, from, now, decide, catalog);
      out.push({ finding: f, policy: `inline ${name}`, holder: h.ref, plan: plan?.proof.holds ? plan : null });
    }
    for (const arn of h.attached) {
      attachedSomewhere.add(arn);
      if (isAwsManagedArn(arn)) continue;
      const doc = policyDocument(account, arn);
      const f = doc === undefined ? null : test(doc);
      if (f === null) continue;
      const plan = h.key === null ? null : planReplacement(account, h.key, (s) => s.kind === 'attached' && s.arn === arn, from, now, decide, catalog);
      out.push({ finding: f, policy: nameOf(arn), holder: h.ref, plan: plan?.proof.holds ? plan : null });
    }
  }
  for (const p of Object.values(account.policies)) {
    if (attachedSomewhere.has(p.arn)) continue;
    // A policy of account.policies always resolves (managedPolicy throws when its default version is missing).
    const f = test(policyDocument(account, p.arn) as PolicyDocument);
    if (f !== null) out.push({ finding: f, policy: p.name, holder: { kind: 'policy', arn: p.arn, name: p.name }, plan: null });
  }
  return out;
}
