/** The reference model's view of a request context: keys lowercased, every value a non-empty list of strings. */
import type { AuthzRequest } from '../../src/evaluator/types.js';

/** Lowercased key → values. An absent key and an empty list are the same thing: not in the map. */
export type RefContext = ReadonlyMap<string, readonly string[]>;

/** Builds the reference context from the request's own context values (sheet §3.1: key names are case-insensitive). */
export function refContext(request: AuthzRequest): RefContext {
  const out = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(request.context)) {
    const values = typeof value === 'string' ? [value] : [...value];
    if (values.length > 0) out.set(key.toLowerCase(), values);
  }
  return out;
}
