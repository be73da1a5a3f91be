/**
 * The request context as the evaluator sees it [sheet §3.1]: condition key names are case-insensitive, and so are the
 * tag-key suffixes (`aws:ResourceTag/TagKey1` finds the tag `tagkey1`). Two forms: buildRequestContext lowercases
 * every key into a Map; contextView (what evaluate() uses) reads the caller's record through a table of lowercased key
 * names shared by every record with the same keys, so a request lowercases nothing.
 */
import type { ContextValue, RequestContext } from './types.js';

/**
 * Builds the evaluator's request context: keys lowercased; values kept as given. Whether a key is single- or
 * multivalued is decided by its number of values [sheet §3.4], so a one-element array is single-valued for the
 * operators. Keys that differ only in case are merged into one multivalued key.
 */
export function buildRequestContext(ctx: Readonly<Record<string, ContextValue>>): RequestContext {
  const frozen = Object.isFrozen(ctx);
  // Stryker disable next-line ConditionalExpression: only deeply frozen records are stored, so looking up any other record finds nothing.
  if (frozen) {
    const known = fromFrozen.get(ctx);
    if (known !== undefined) return known;
  }
  let deeplyFrozen = frozen;
  let map = new Map<string, ContextValue>();
  const names = Object.keys(ctx);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const raw: unknown = ctx[name];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; Object.isFrozen is true for strings, numbers, booleans and null, so only objects can make the record not deeply frozen.
    if (typeof raw === 'object' && raw !== null && !Object.isFrozen(raw)) deeplyFrozen = false;
    // Stryker disable next-line ConditionalExpression: a fast path; normalise returns a string unchanged.
    const value = typeof raw === 'string' ? raw : normalise(raw);
    if (value === undefined) continue;
    const before = map.size;
    map.set(lowerKey(name), value);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: buildMerging builds the same map for any record; this only avoids it when no two keys collide.
    if (map.size === before) {
      map = buildMerging(ctx);
      break;
    }
  }
  if (deeplyFrozen) fromFrozen.set(ctx, map);
  return map;
}

/**
 * Contexts already built from deeply frozen inputs (immer freezes the account and its requests): such an input cannot
 * change, so evaluating it against many policy sets builds its context once.
 */
const fromFrozen = new WeakMap<object, RequestContext>();

/** The slow path for contexts with keys that differ only in case: their values are concatenated. */
function buildMerging(ctx: Readonly<Record<string, ContextValue>>): Map<string, ContextValue> {
  const map = new Map<string, ContextValue>();
  for (const name of Object.keys(ctx)) {
    const value = normalise(ctx[name]);
    if (value === undefined) continue;
    const key = lowerKey(name);
    const prev = map.get(key);
    if (prev === undefined) {
      map.set(key, value);
    } else {
      map.set(key, Object.freeze([...(typeof prev === 'string' ? [prev] : prev), ...(typeof value === 'string' ? [value] : value)]));
    }
  }
  return map;
}

/**
 * A context value as the evaluator stores it. Contexts may come straight from unvalidated JSON (batch input), so this
 * is defensive: numbers and booleans become their text, lists keep only their string/number/boolean items (as text),
 * and anything else (objects, null) is treated as absent. Never throws.
 */
function normalise(raw: unknown): ContextValue | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (!Array.isArray(raw)) return undefined;
  let clean = true;
  for (const x of raw) if (typeof x !== 'string') clean = false;
  if (clean) return raw as readonly string[];
  const out: string[] = [];
  for (const x of raw as readonly unknown[]) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
  }
  return Object.freeze(out);
}

const LOWER_CACHE_MAX = 4096;
const lowerCache = new Map<string, string>();

/**
 * A context key lowercased, from a bounded cache: the same key names recur in every request and in compiled conditions,
 * and sharing one string object shares its hash in the Map lookups that follow.
 */
export function lowerKey(name: string): string {
  let l = lowerCache.get(name);
  // Stryker disable next-line ConditionalExpression: a cache; lowercasing again gives the same string.
  if (l === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a cache bound; clearing sooner, later or never still returns name.toLowerCase().
    if (lowerCache.size >= LOWER_CACHE_MAX) lowerCache.clear();
    l = name.toLowerCase();
    lowerCache.set(name, l);
  }
  return l;
}

/** What the evaluator reads a request context through: a built RequestContext (a Map), or a ContextView. */
export interface ContextReader {
  /** The value of a lowercased key, or undefined when absent. */
  get(lowerKey: string): ContextValue | undefined;
}

/**
 * The record's key names in order, and where each lowercased key lives in it: one name, or several (in record order)
 * when names differ only in case. Shared by every record with the same key names.
 */
interface KeyTable {
  readonly names: readonly string[];
  readonly byLower: ReadonlyMap<string, string | readonly string[]>;
}

/**
 * A request context read straight from the caller's record: no Map is built and nothing is copied. Keys are found
 * through the KeyTable of the record's key names, values are read (and normalised) when a condition or a variable
 * asks for them, so a request costs one Object.keys and a table lookup instead of a lowercase-and-insert per key.
 */
export interface ContextView extends ContextReader {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly table: KeyTable;
}

/** A ContextView's get (shared method: no closure per request). Agrees with buildRequestContext(raw).get(key). */
function viewGet(this: ContextView, key: string): ContextValue | undefined {
  const at = this.table.byLower.get(key);
  if (at === undefined) return undefined;
  if (typeof at === 'string') {
    const raw = this.raw[at];
    // Stryker disable next-line ConditionalExpression: a fast path; normalise returns a string unchanged.
    return typeof raw === 'string' ? raw : normalise(raw);
  }
  let merged: ContextValue | undefined;
  for (let i = 0; i < at.length; i++) {
    const value = normalise(this.raw[at[i]!]);
    if (value === undefined) continue;
    merged = merged === undefined ? value : Object.freeze([...(typeof merged === 'string' ? [merged] : merged), ...(typeof value === 'string' ? [value] : value)]);
  }
  return merged;
}

/** The view of a request's context record (see ContextView). The record is read, never kept beyond the view. */
export function contextView(ctx: Readonly<Record<string, unknown>>): ContextView {
  return { raw: ctx, table: keyTable(Object.keys(ctx)), get: viewGet };
}

const TABLES_MAX = 32;
let tables: KeyTable[] = [];

/**
 * The KeyTable for these key names, from a small cache: requests mostly carry the same few sets of keys (key names of
 * records are interned strings, so comparing two lists is a pointer comparison per name). Cleared when full.
 */
function keyTable(names: readonly string[]): KeyTable {
  const n = names.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: a cache; without it every table is built again from the key names, the same.
  search: for (let t = 0; t < tables.length; t++) {
    const table = tables[t]!;
    const known = table.names;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; without it a longer table whose first names are these is reused, and its extra names read as absent keys, as they are.
    if (known.length !== n) continue;
    // Stryker disable next-line ArithmeticOperator: starting past the end of two lists of the same length compares undefined with undefined.
    for (let i = n - 1; i >= 0; i--) if (known[i] !== names[i]) continue search;
    return table;
  }
  const byLower = new Map<string, string | readonly string[]>();
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    const key = lowerKey(name);
    const prev = byLower.get(key);
    byLower.set(key, prev === undefined ? name : typeof prev === 'string' ? [prev, name] : [...prev, name]);
  }
  const table: KeyTable = { names, byLower };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a cache bound; a dropped table is rebuilt the same from the key names.
  if (tables.length >= TABLES_MAX) tables = [];
  tables.push(table);
  return table;
}

/**
 * Looks a key up (the key must already be lowercased). An empty array counts as absent, the "null data set"
 * of [sheet §3.2, §3.4]; so does a missing key.
 */
export function contextLookup(ctx: ContextReader, lowerKey: string): ContextValue | undefined {
  const v = ctx.get(lowerKey);
  return v === undefined || (typeof v !== 'string' && v.length === 0) ? undefined : v;
}
