/**
 * Semantic breadth tests over the universe: does a set of documents grant every action (`*:*`, CIS 1.16 /
 * Security Hub IAM.1), or every action of a service (`s3:*`, Security Hub IAM.21)? Decided by the evaluator, so
 * `NotAction: iam:PassRole` grants all but one action and is not full admin, while a list of every S3 action is `s3:*`.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument, RequestPrincipal } from '../../evaluator/types.js';
import { OTHER_RESOURCE, buildUniverse } from './build-universe.js';
import { toAuthzRequest, type Decide } from './compare-grants.js';
import type { ActionCatalog, Universe } from './types.js';

/** A principal for judging documents on their own (no tags, no account-specific variables). */
export const PROBE_PRINCIPAL: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::000000000000:user/iamsim-probe', accountId: '000000000000' };
const PROBE_FIXED = { 'aws:username': 'iamsim-probe', 'aws:PrincipalArn': PROBE_PRINCIPAL.arn, 'aws:PrincipalAccount': '000000000000', 'aws:PrincipalType': 'User' };

/** The universe for judging `docs` alone as identity policies. */
export const probeUniverse = (docs: readonly PolicyDocument[], catalog: ActionCatalog): Universe =>
  buildUniverse(docs, catalog, { principal: PROBE_PRINCIPAL, fixed: PROBE_FIXED });

/** Which universe requests are allowed, as a grid [context][resource][class]. */
function grid(u: Universe, set: RawPolicySet, decide: Decide<RawPolicySet>, resources: readonly string[]): boolean[][][] {
  return u.contexts.map((_, x) => resources.map((resource) => u.actionClasses.map((c, ci) => decide(toAuthzRequest(u, { actionClass: ci, action: c.representative, resource, context: x }), set) === 'Allow')));
}

/** True when, in some context, every real action is allowed on a resource no policy names (so on every resource). */
export function grantsEverything(docs: readonly PolicyDocument[], decide: Decide<RawPolicySet>, catalog: ActionCatalog): boolean {
  const u = probeUniverse(docs, catalog);
  const set: RawPolicySet = { identity: docs };
  for (let x = 0; x < u.contexts.length; x++) {
    if (u.actionClasses.every((c, ci) => decide(toAuthzRequest(u, { actionClass: ci, action: c.representative, resource: OTHER_RESOURCE, context: x }), set) === 'Allow')) return true;
  }
  return false;
}

/** The services (lowercased prefixes) all of whose actions are allowed together, on one resource in one context. */
export function fullyGrantedServices(docs: readonly PolicyDocument[], decide: Decide<RawPolicySet>, catalog: ActionCatalog, only?: ReadonlySet<string>): readonly string[] {
  const u = probeUniverse(docs, catalog);
  const set: RawPolicySet = { identity: docs };
  const classesOf = new Map<string, Set<number>>();
  u.actionClasses.forEach((c, ci) => {
    for (const m of c.members) {
      const svc = m.slice(0, m.indexOf(':')).toLowerCase();
      if (only !== undefined && !only.has(svc)) continue;
      let s = classesOf.get(svc);
      if (s === undefined) { s = new Set(); classesOf.set(svc, s); }
      s.add(ci);
    }
  });
  const g = grid(u, set, decide, u.resources);
  const out: string[] = [];
  for (const [svc, cls] of classesOf) {
    const full = g.some((byRes) => byRes.some((allowed) => [...cls].every((ci) => allowed[ci] === true)));
    if (full) out.push(svc);
  }
  return out.sort();
}
