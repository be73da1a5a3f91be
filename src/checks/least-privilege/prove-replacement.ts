/**
 * The proof that a replacement policy set is safe, decided by the evaluator: every logged request the current set
 * allows is still allowed (nothing in use breaks), and over the request universe of both sets the new one allows
 * nothing the current one does not (nothing new is granted).
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument } from '../../evaluator/types.js';
import { buildUniverse } from '../universe/build-universe.js';
import { compareGrants, type Decide } from '../universe/compare-grants.js';
import type { PrincipalPolicies } from '../universe/principal-policies.js';
import type { ActionCatalog, UniverseRequest } from '../universe/types.js';
import type { LoggedRequest } from './logged-requests.js';

/** The outcome of the proof. */
export interface ReplacementProof {
  /** Logged requests allowed now and not after the replacement (must be empty). */
  readonly broken: readonly LoggedRequest[];
  /** Universe requests allowed after and not now (must be empty). */
  readonly widened: readonly UniverseRequest[];
  /** How many universe requests were decided. */
  readonly universeSize: number;
  readonly exact: boolean;
  readonly holds: boolean;
}

/** Proves (or refutes) that `after` may replace `pp.set` for this principal. */
export function proveReplacement(pp: PrincipalPolicies, after: RawPolicySet, afterDocs: readonly PolicyDocument[], logged: readonly LoggedRequest[], decide: Decide<RawPolicySet>, catalog: ActionCatalog): ReplacementProof {
  const broken = logged.filter((l) => decide(l.request, pp.set) === 'Allow' && decide(l.request, after) !== 'Allow');
  const u = buildUniverse([...pp.documents, ...afterDocs], catalog, { principal: pp.principal, fixed: pp.fixed, extraResources: logged.map((l) => l.request.resource) });
  const diff = compareGrants(u, pp.set, after, decide);
  return { broken, widened: diff.onlyB, universeSize: u.size, exact: u.exact, holds: broken.length === 0 && diff.onlyB.length === 0 };
}
