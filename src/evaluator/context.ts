/**
 * The request context as the evaluator sees it [sheet §3.1]: condition key names are case-insensitive, and so are the
 * tag-key suffixes (`aws:ResourceTag/TagKey1` finds the tag `tagkey1`), so every key is lowercased once per request.
 */
import type { ContextValue, RequestContext } from './types.js';
import type { IpValue } from './values/ip.js';

/**
 * Parsed request values, cached per request so that a date, number, IP or binary value is parsed at most once however
 * many statements test it. Keyed by the raw value text. An internal cache: invisible to callers, so the context stays
 * observably immutable.
 */
export interface RequestMemo {
  date: Map<string, number | null> | null;
  num: Map<string, number | null> | null;
  ip: Map<string, IpValue | null> | null;
  bin: Map<string, string | null> | null;
}

const MEMO: unique symbol = Symbol('iamsim.requestMemo');

type Memoised = RequestContext & { readonly [MEMO]?: RequestMemo };

/**
 * Builds the evaluator's request context: keys lowercased; values kept as given (a string is single-valued, an array
 * multivalued, whatever its length). Keys that differ only in case are merged into one multivalued key.
 */
export function buildRequestContext(ctx: Readonly<Record<string, ContextValue>>): RequestContext {
  const map = new Map<string, ContextValue>();
  for (const name of Object.keys(ctx)) {
    const value = ctx[name];
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const prev = map.get(key);
    if (prev === undefined) {
      map.set(key, typeof value === 'string' ? value : Object.freeze([...value]));
    } else {
      const merged = [...(typeof prev === 'string' ? [prev] : prev), ...(typeof value === 'string' ? [value] : value)];
      map.set(key, Object.freeze(merged));
    }
  }
  const memo: RequestMemo = { date: null, num: null, ip: null, bin: null };
  Object.defineProperty(map, MEMO, { value: memo, enumerable: false, writable: false });
  return map;
}

/** The parse cache of a context made by buildRequestContext, or null for any other map (then values are parsed each time). */
export function requestMemo(ctx: RequestContext): RequestMemo | null {
  return (ctx as Memoised)[MEMO] ?? null;
}

/**
 * Looks a key up (the key must already be lowercased). An empty array counts as absent, the "null data set"
 * of [sheet §3.2, §3.4]; so does a missing key.
 */
export function contextLookup(ctx: RequestContext, lowerKey: string): ContextValue | undefined {
  const v = ctx.get(lowerKey);
  return v === undefined || (typeof v !== 'string' && v.length === 0) ? undefined : v;
}
