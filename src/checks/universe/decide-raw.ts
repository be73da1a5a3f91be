/**
 * The production evaluator for raw policy sets: compiles each document once (the evaluator's compile cache) and
 * each raw set once (memoised by the set object), then asks the evaluator. Size quotas are not checked: they are
 * storage limits, AWS managed policies are exempt from them (ReadOnlyAccess is ~90,000 characters), and a stored
 * document already passed them. Documents that do not compile for any other reason are left out: IAM would have
 * refused to store them.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { CompiledPolicy, PolicyKind, PolicySet } from '../../evaluator/types.js';
import { compileCached } from '../../evaluator/compile-cache.js';
import { evaluate } from '../../evaluator/evaluate.js';
import type { Decide } from './compare-grants.js';

const compiledSets = new WeakMap<RawPolicySet, PolicySet>();

function one(doc: unknown, id: string, kind: PolicyKind): CompiledPolicy | null {
  const r = compileCached(doc, { id, kind, sizeLimit: null });
  return r.ok ? r.value : null;
}

function many(docs: readonly unknown[], prefix: string, kind: PolicyKind): CompiledPolicy[] {
  return docs.map((d, i) => one(d, `${prefix}-${i}`, kind)).filter((c): c is CompiledPolicy => c !== null);
}

/** Compiles a raw policy set (memoised by object identity: do not mutate it afterwards). */
export function compileRawSet(set: RawPolicySet): PolicySet {
  const hit = compiledSets.get(set);
  if (hit !== undefined) return hit;
  const session = set.session === undefined ? undefined : Array.isArray(set.session) ? (set.session as readonly unknown[]) : [set.session];
  const compiled: PolicySet = {
    // Stryker disable next-line ArrayDeclaration: a string is not a policy document, so a non-empty fallback compiles to nothing and identity is [] either way
    identity: many(set.identity ?? [], 'identity', 'identity'),
    ...(set.resource !== undefined ? { resource: one(set.resource, 'resource', 'resource') } : {}),
    ...(set.resourceMustAllow !== undefined ? { resourceMustAllow: set.resourceMustAllow } : {}),
    ...(set.boundary !== undefined ? { boundary: one(set.boundary, 'boundary', 'boundary') } : {}),
    ...(session !== undefined ? { session: many(session, 'session', 'session') } : {}),
    ...(set.scp !== undefined ? { scp: set.scp.map((level, i) => many(level, `scp-${i}`, 'scp')) } : {}),
    ...(set.rcp !== undefined ? { rcp: set.rcp.map((level, i) => many(level, `rcp-${i}`, 'rcp')) } : {}),
  };
  compiledSets.set(set, compiled);
  return compiled;
}

/** Decides a request against a raw policy set with the real evaluator. */
export const decideRaw: Decide<RawPolicySet> = (request, set) => evaluate(request, compileRawSet(set)).effect;
