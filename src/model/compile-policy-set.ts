/**
 * Turns gathered policies into the evaluator's PolicySet. Compilation is memoised by document identity
 * (compileCached), and the account's documents are frozen and shared between account versions, so after the first
 * request this is a handful of WeakMap hits. Stored documents are not size-checked again (AWS managed policies exceed
 * the customer limits, and the account validated the rest when they were put).
 */
import { compileCached } from '../evaluator/compile-cache.js';
import type { CompiledPolicy, PolicyProblem, PolicySet } from '../evaluator/types.js';
import type { GatheredPolicies, GatheredPolicy } from './policies-for.js';

/** A gathered policy that failed to compile: it is left out of the set and reported. */
export interface SkippedPolicy {
  readonly policy: GatheredPolicy;
  readonly problems: readonly PolicyProblem[];
}

/** The compiled set and the policies that could not be compiled. */
export interface CompiledPolicySet {
  readonly set: PolicySet;
  readonly skipped: readonly SkippedPolicy[];
}

function compileOne(p: GatheredPolicy, skipped: SkippedPolicy[]): CompiledPolicy | null {
  const r = compileCached(p.document, { id: p.id, kind: p.kind, sizeLimit: null });
  if (r.ok) return r.value;
  const errors = r.error.filter((x) => x.severity === 'error');
  skipped.push({ policy: p, problems: errors.length > 0 ? errors : r.error });
  return null;
}

function compileList(list: readonly GatheredPolicy[], skipped: SkippedPolicy[]): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  for (const p of list) {
    const c = compileOne(p, skipped);
    if (c !== null) out.push(c);
  }
  return out;
}

/**
 * A boundary that fails to compile must still bound: it is replaced by a policy without statements (it allows
 * nothing) rather than dropped, which would widen access.
 */
function allowsNothing(p: GatheredPolicy): CompiledPolicy {
  return { id: p.id, kind: p.kind, version: '2012-10-17', document: p.document, statements: [], warnings: [] };
}

/** Compiles every gathered policy into a PolicySet; documents that fail to compile are skipped and reported. */
export function compilePolicySet(g: GatheredPolicies): CompiledPolicySet {
  const skipped: SkippedPolicy[] = [];
  const set: { -readonly [K in keyof PolicySet]: PolicySet[K] } = { identity: compileList(g.identity, skipped) };
  if (g.resource !== null) set.resource = compileOne(g.resource, skipped);
  if (g.resourceMustAllow) set.resourceMustAllow = true;
  if (g.boundary !== null) set.boundary = compileOne(g.boundary, skipped) ?? allowsNothing(g.boundary);
  if (g.session !== null) set.session = compileList(g.session, skipped);
  if (g.scp !== null) set.scp = g.scp.map((level) => compileList(level, skipped));
  if (g.rcp !== null) set.rcp = g.rcp.map((level) => compileList(level, skipped));
  return { set, skipped };
}
