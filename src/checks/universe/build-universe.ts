/** Builds the finite request universe for a set of policy documents. */
import type { ContextValue, PolicyDocument } from '../../evaluator/types.js';
import { actionClasses } from './action-classes.js';
import { globInstances, keyCandidates, substituteVariables } from './boundary-values.js';
import { policyFacts } from './policy-facts.js';
import type { ConditionFact } from './policy-facts.js';
import type { ActionCatalog, Universe, UniverseContext, UniverseOptions, UniverseRequest } from './types.js';

/** Keys every real request carries: the universe never makes them absent. */
export const ALWAYS_PRESENT: readonly string[] = ['aws:currenttime', 'aws:epochtime', 'aws:principalarn', 'aws:principalaccount', 'aws:principaltype', 'aws:userid', 'aws:securetransport', 'aws:requestedregion'];

/** A resource ARN that no policy mentions, with no account field, so it belongs to the caller's account. */
export const OTHER_RESOURCE = 'arn:aws:iamsim:::unmentioned/resource';

function contextsFor(conditions: readonly ConditionFact[], fixed: Readonly<Record<string, ContextValue>>, alwaysPresent: ReadonlySet<string>, max: number): { keys: string[]; contexts: UniverseContext[]; exact: boolean } {
  const byKey = new Map<string, ConditionFact[]>();
  const fixedKeys = new Set(Object.keys(fixed).map((k) => k.toLowerCase()));
  for (const c of conditions) {
    const k = c.key.toLowerCase();
    if (fixedKeys.has(k)) continue;
    const list = byKey.get(k);
    if (list) list.push(c); else byKey.set(k, [c]);
  }
  const keys = [...byKey.keys()].sort();
  const options: (ContextValue | undefined)[][] = keys.map((k) => {
    // Stryker disable next-line ArrayDeclaration: every key of `keys` comes from byKey, so the fallback is never used
    const facts = byKey.get(k) ?? [];
    const vals: (ContextValue | undefined)[] = [...keyCandidates(k, facts, fixed)];
    if (!alwaysPresent.has(k)) vals.push(undefined);
    return vals;
  });
  const total = options.reduce((n, o) => n * o.length, 1);
  const make = (pick: (i: number) => ContextValue | undefined): UniverseContext => {
    const values: Record<string, ContextValue> = {};
    keys.forEach((k, i) => { const v = pick(i); if (v !== undefined) values[k] = v; });
    return { values };
  };
  if (total <= max) {
    const contexts: UniverseContext[] = [];
    // Stryker disable next-line ArrowFunction: every read of idx goes through `?? 0`, so undefined counts as 0
    const idx = keys.map(() => 0);
    for (let n = 0; n < total; n++) {
      // Stryker disable next-line OptionalChaining: make only asks for indexes of keys, and options has one list per key
      contexts.push(make((i) => options[i]?.[idx[i] ?? 0]));
      // Stryker disable next-line ArithmeticOperator: starting past the last key only resets counters beyond the keys, which make never reads
      for (let i = keys.length - 1; i >= 0; i--) {
        idx[i] = (idx[i] ?? 0) + 1;
        // Stryker disable next-line OptionalChaining: i is the index of a key here, and options has one list per key
        if ((idx[i] ?? 0) < (options[i]?.length ?? 0)) break;
        idx[i] = 0;
      }
    }
    return { keys, contexts, exact: true };
  }
  const rows = Math.min(max, Math.max(...options.map((o) => o.length)));
  const contexts: UniverseContext[] = [];
  // Stryker disable next-line ArrayDeclaration: make only asks for indexes of keys, and options has one list per key
  for (let r = 0; r < rows; r++) contexts.push(make((i) => { const o = options[i] ?? []; return o[(r + i) % o.length]; }));
  return { keys, contexts, exact: false };
}

/** Concrete resources for the mentioned patterns (instances of each, `*`, one unmentioned ARN), and the pattern each instance came from. */
function resourcesFor(patterns: readonly string[], fixed: Readonly<Record<string, ContextValue>>, extra: readonly string[]): { resources: readonly string[]; origins: Readonly<Record<string, string>> } {
  const out = new Set<string>(['*', OTHER_RESOURCE]);
  const origins: Record<string, string> = {};
  for (const p of patterns) {
    if (p === '*') continue;
    for (const r of globInstances(substituteVariables(p, fixed))) {
      if (r === '') continue;
      out.add(r);
      origins[r] ??= p;
    }
  }
  for (const r of extra) out.add(r);
  return { resources: [...out].sort(), origins };
}

/** The universe for `docs`: every action class × every resource × every context. */
export function buildUniverse(docs: readonly PolicyDocument[], catalog: ActionCatalog, opts: UniverseOptions): Universe {
  const fixed = opts.fixed ?? {};
  const facts = policyFacts(docs);
  const classes = actionClasses(facts.actionElements, catalog, opts.extraActions ?? []);
  const { resources, origins } = resourcesFor(facts.resourcePatterns, fixed, opts.extraResources ?? []);
  const always = new Set((opts.alwaysPresent ?? ALWAYS_PRESENT).map((k) => k.toLowerCase()));
  const { keys, contexts, exact } = contextsFor(facts.conditions, fixed, always, opts.maxContexts ?? 4096);
  const members = classes.reduce((n, c) => n + c.members.length, 0);
  return {
    principal: opts.principal,
    fixed,
    actionPatterns: facts.actionPatterns,
    actionElements: facts.actionElements,
    actionClasses: classes,
    resources,
    resourceOrigins: origins,
    contexts,
    keys,
    size: classes.length * resources.length * contexts.length,
    expandedSize: members * resources.length * contexts.length,
    exact,
  };
}

/** Every request of the universe, in a fixed order (class, then resource, then context). */
export function* universeRequests(u: Universe): Generator<UniverseRequest> {
  for (let c = 0; c < u.actionClasses.length; c++) {
    const action = (u.actionClasses[c] as { representative: string }).representative;
    for (const resource of u.resources) for (let x = 0; x < u.contexts.length; x++) yield { actionClass: c, action, resource, context: x };
  }
}
