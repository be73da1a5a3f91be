/**
 * Exact comparison of two policy sets over a universe: the evaluator decides every request of the universe under
 * both, and the sets are equivalent iff every decision agrees (Zelkova's notion of a policy's meaning, decided by
 * enumeration over a finite universe instead of an SMT solver).
 */
import type { AuthzRequest, ContextValue, Effect, PolicySet } from '../../evaluator/types.js';
import { universeRequests } from './build-universe.js';
import type { Universe, UniverseRequest } from './types.js';

/** The evaluator, as the universe needs it: the effect of one request under one policy set. */
export type Decide<S = PolicySet> = (request: AuthzRequest, policies: S) => Effect;

const merged = new WeakMap<Universe, readonly Readonly<Record<string, ContextValue>>[]>();

/** Each context of the universe merged over the fixed keys, built once per universe. */
function mergedContexts(u: Universe): readonly Readonly<Record<string, ContextValue>>[] {
  let m = merged.get(u);
  if (m === undefined) {
    m = u.contexts.map((c) => ({ ...u.fixed, ...c.values }));
    merged.set(u, m);
  }
  return m;
}

/** The full authorization request for one universe request. */
export function toAuthzRequest(u: Universe, r: UniverseRequest): AuthzRequest {
  return { principal: u.principal, action: r.action, resource: r.resource, context: mergedContexts(u)[r.context] ?? u.fixed };
}

/** Where two policy sets differ: the requests only `a` allows and those only `b` allows. */
export interface GrantDiff {
  readonly equal: boolean;
  readonly onlyA: readonly UniverseRequest[];
  readonly onlyB: readonly UniverseRequest[];
  /** How many requests were decided (twice each). */
  readonly evaluated: number;
}

/** Options for compareGrants. */
export interface CompareOptions {
  /** Stop at the first request `a` allows and `b` does not (a containment test); `onlyB` is then not collected. */
  readonly stopWhenANotInB?: boolean;
  /** Compare the three effects rather than allowed / not allowed. */
  readonly strict?: boolean;
}

/** Compares the requests two policy sets allow, over every request of the universe. */
export function compareGrants<S>(u: Universe, a: S, b: S, decide: Decide<S>, opts: CompareOptions = {}): GrantDiff {
  const onlyA: UniverseRequest[] = [];
  const onlyB: UniverseRequest[] = [];
  let evaluated = 0;
  for (const r of universeRequests(u)) {
    evaluated++;
    const req = toAuthzRequest(u, r);
    const ea = decide(req, a);
    // A containment test needs b's answer only where a allows.
    if (opts.stopWhenANotInB && !opts.strict && ea !== 'Allow') continue;
    const eb = decide(req, b);
    const allowA = ea === 'Allow';
    const allowB = eb === 'Allow';
    if (allowA && !allowB) {
      onlyA.push(r);
      if (opts.stopWhenANotInB) break;
    } else if (allowB && !allowA) onlyB.push(r);
    else if (opts.strict && ea !== eb) onlyA.push(r);
  }
  return { equal: onlyA.length === 0 && onlyB.length === 0, onlyA, onlyB, evaluated };
}

/** True when every request `a` allows, `b` allows too. */
export function grantsContained<S>(u: Universe, a: S, b: S, decide: Decide<S>): boolean {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: stopping early is a speed-up; the full comparison gives the same empty or non-empty onlyA
  return compareGrants(u, a, b, decide, { stopWhenANotInB: true }).onlyA.length === 0;
}

/** The requests a policy set allows. */
export function allowedRequests<S>(u: Universe, set: S, decide: Decide<S>): readonly UniverseRequest[] {
  const out: UniverseRequest[] = [];
  for (const r of universeRequests(u)) if (decide(toAuthzRequest(u, r), set) === 'Allow') out.push(r);
  return out;
}

/** The real actions (every member of each class) some of `requests` stand for, sorted. */
export function actionsOf(u: Universe, requests: readonly UniverseRequest[]): readonly string[] {
  const classes = new Set(requests.map((r) => r.actionClass));
  const out: string[] = [];
  for (const c of classes) out.push(...(u.actionClasses[c]?.members ?? []));
  return out.sort();
}

/** The first request (in universe order) the set allows among those whose context passes `where`; undefined when none. */
export function firstAllowed<S>(u: Universe, set: S, decide: Decide<S>, where: (context: Readonly<Record<string, unknown>>) => boolean): UniverseRequest | undefined {
  const wanted = u.contexts.map((c) => where(c.values));
  for (const r of universeRequests(u)) {
    if (!wanted[r.context]) continue;
    if (decide(toAuthzRequest(u, r), set) === 'Allow') return r;
  }
  return undefined;
}

/**
 * The real actions `a` allows somewhere that `b` does not, when there are at most `max` of them; null as soon as
 * there are more (a containment test with a tolerance, stopping early).
 */
export function lostActionsWithin<S>(u: Universe, a: S, b: S, decide: Decide<S>, max: number): readonly string[] | null {
  const lost = new Set<string>();
  for (const r of universeRequests(u)) {
    const req = toAuthzRequest(u, r);
    if (decide(req, a) !== 'Allow' || decide(req, b) === 'Allow') continue;
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: universeRequests only yields indexes of existing classes
    for (const m of u.actionClasses[r.actionClass]?.members ?? []) lost.add(m);
    if (lost.size > max) return null;
  }
  return [...lost].sort();
}
