/**
 * Partitions the real action list by which mentioned patterns match each action. Actions in one class are treated
 * alike by every Action and NotAction element of the policies, so the evaluator decides them alike.
 */
import type { ActionCatalog, ActionClass } from './types.js';

/** Memoised class lists per catalog, keyed by the elements (universes over the same documents share them). */
const memo = new WeakMap<ActionCatalog, Map<string, readonly ActionClass[]>>();

/**
 * The classes for the Action/NotAction `elements` (each a list of patterns) over the catalog, plus `extra` actions.
 * Two actions are in one class when they match exactly the same elements. Actions that no element matches form one
 * class (when any exist), since NotAction elements and unmatched grants treat them alike.
 */
export function actionClasses(elements: readonly (readonly string[])[], catalog: ActionCatalog, extra: readonly string[] = []): readonly ActionClass[] {
  let byKey = memo.get(catalog);
  if (byKey === undefined) { byKey = new Map(); memo.set(catalog, byKey); }
  const key = JSON.stringify([elements, extra]);
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const classes = Object.freeze(computeClasses(elements, catalog, extra));
  if (byKey.size >= 2000) byKey.clear();
  byKey.set(key, classes);
  return classes;
}

function computeClasses(elements: readonly (readonly string[])[], catalog: ActionCatalog, extra: readonly string[]): ActionClass[] {
  const matched = new Map<string, number[]>();
  elements.forEach((el, i) => {
    for (const p of el) {
      for (const a of catalog.expand(p)) {
        const list = matched.get(a);
        if (list === undefined) matched.set(a, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  const bySignature = new Map<string, { patterns: number[]; members: string[] }>();
  for (const [action, ps] of matched) {
    const sig = ps.join(',');
    const c = bySignature.get(sig);
    if (c) c.members.push(action); else bySignature.set(sig, { patterns: ps, members: [action] });
  }
  const out: ActionClass[] = [];
  for (const c of bySignature.values()) {
    const members = c.members.sort();
    out.push({ representative: members[0] as string, members, patterns: c.patterns });
  }
  const unmatched = catalog.all().filter((a) => !matched.has(a));
  if (unmatched.length > 0) out.push({ representative: unmatched[0] as string, members: unmatched, patterns: [] });
  const unmatchedSet = new Set(unmatched);
  for (const a of extra) if (!matched.has(a) && !unmatchedSet.has(a)) out.push({ representative: a, members: [a], patterns: [] });
  return out.sort((x, y) => (x.representative < y.representative ? -1 : x.representative > y.representative ? 1 : 0));
}
