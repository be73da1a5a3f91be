/**
 * The services a document's Allow statements name, expanded against the real action list: a cheap, syntactic
 * over-approximation used to pre-filter candidates before the exact comparison (a policy can only be contained in
 * one that names at least its services). `null` stands for "every service" (`*`, `NotAction`).
 */
import type { PolicyDocument } from '../../evaluator/types.js';
import { statementsOf, stringsOf } from './policy-facts.js';
import type { ActionCatalog } from './types.js';

/** Lowercased service prefixes the Allow statements can reach, or null for all services. */
export function allowedServices(doc: PolicyDocument, catalog: ActionCatalog): ReadonlySet<string> | null {
  const out = new Set<string>();
  for (const st of statementsOf(doc)) {
    if (st['Effect'] !== 'Allow') continue;
    if (st['NotAction'] !== undefined) return null;
    for (const p of stringsOf(st['Action'])) {
      const colon = p.indexOf(':');
      const svc = colon < 0 ? p : p.slice(0, colon);
      if (/[*?]/.test(svc)) {
        if (svc === '*' || p === '*') return null;
        for (const a of catalog.expand(p)) out.add(a.slice(0, a.indexOf(':')).toLowerCase());
      } else if (catalog.expand(p).length > 0) out.add(svc.toLowerCase());
    }
  }
  return out;
}

/** True when every service of `inner` is in `outer` (null = all services). */
export function servicesWithin(inner: ReadonlySet<string> | null, outer: ReadonlySet<string> | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  for (const s of inner) if (!outer.has(s)) return false;
  return true;
}

/** How many services of `inner` are not in `outer` (null = all services; an all-services `inner` misses Infinity unless `outer` is all). */
export function servicesMissing(inner: ReadonlySet<string> | null, outer: ReadonlySet<string> | null): number {
  if (outer === null) return 0;
  if (inner === null) return Infinity;
  let n = 0;
  for (const s of inner) if (!outer.has(s)) n++;
  return n;
}
