/**
 * Action matching [D-2023 reference_policies_elements_action.html]: `service:Name`, case-insensitive, with `*` and `?`
 * inside each part. Wildcards never cross the `service:` colon; a bare `*` is every action; a pattern with an empty or
 * whitespace-only name never matches (sheet §2.1).
 */
import { compileGlob, matchGlob, type Glob } from './glob.js';

/** A compiled Action / NotAction entry. */
export type ActionPattern =
  | { readonly kind: 'all' }
  | { readonly kind: 'never' }
  | { readonly kind: 'split'; readonly service: Glob; readonly name: Glob };

/** A request action lowercased and split once per request. `service` is null when the action has no colon or a blank name (then only `*` matches). */
export interface PreparedAction {
  readonly lower: string;
  readonly service: string | null;
  readonly name: string;
}

const ALL: ActionPattern = { kind: 'all' };
const NEVER: ActionPattern = { kind: 'never' };

/** Compiles one action pattern (lowercased once). Malformed patterns (no colon, two colons, empty name) never match. */
export function compileActionPattern(pattern: string): ActionPattern {
  const lower = pattern.toLowerCase();
  const colon = lower.indexOf(':');
  // Stryker disable next-line EqualityOperator: a pattern starting with ':' never matches either way (blank service, or a non-star glob with no colon split).
  if (colon < 0) {
    // Stryker disable next-line BooleanLiteral: the text is already lowercased, so compiling it case-insensitively changes nothing.
    const star = compileGlob(lower, false);
    return star.kind === 'any' ? ALL : NEVER;
  }
  const service = lower.slice(0, colon);
  const name = lower.slice(colon + 1);
  if (name.indexOf(':') >= 0 || service.trim() === '' || name.trim() === '') return NEVER;
  // Stryker disable next-line BooleanLiteral: the text is already lowercased, so compiling it case-insensitively changes nothing.
  return { kind: 'split', service: compileGlob(service, false), name: compileGlob(name, false) };
}

const PREPARED_MAX = 4096;
const prepared = new Map<string, PreparedAction>();

/** Lowercases and splits a request action, memoised in a bounded cache: the same action names recur in every request. */
export function prepareAction(action: string): PreparedAction {
  let p = prepared.get(action);
  if (p === undefined) {
    // Stryker disable next-line EqualityOperator: clearing at 4096 or 4097 entries differs only in memory held; results are equal.
    if (prepared.size >= PREPARED_MAX) prepared.clear();
    p = splitAction(action);
    prepared.set(action, p);
  }
  return p;
}

function splitAction(action: string): PreparedAction {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) return { lower, service: null, name: lower };
  const name = lower.slice(colon + 1);
  return { lower, service: name.trim() === '' ? null : lower.slice(0, colon), name };
}

/** Matches a compiled pattern against a prepared request action. */
export function matchActionPattern(pattern: ActionPattern, action: PreparedAction): boolean {
  switch (pattern.kind) {
    case 'all':
      return true;
    case 'never':
      return false;
    case 'split':
      if (action.service === null) return false;
      // Stryker disable next-line ConditionalExpression,StringLiteral: the literal fast path gives the answer matchGlob gives for a literal glob.
      if (pattern.service.kind === 'literal' ? pattern.service.text !== action.service : !matchGlob(pattern.service, action.service)) return false;
      // Stryker disable next-line ConditionalExpression,StringLiteral: the literal fast path gives the answer matchGlob gives for a literal glob.
      return pattern.name.kind === 'literal' ? pattern.name.text === action.name : matchGlob(pattern.name, action.name);
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed pattern.
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

/** True when any of the compiled patterns matches the action. */
export function matchAnyAction(patterns: readonly ActionPattern[], action: PreparedAction): boolean {
  for (let i = 0; i < patterns.length; i++) if (matchActionPattern(patterns[i]!, action)) return true;
  return false;
}

/**
 * A long Action list split by service (AWS managed policies list thousands of `service:Get*` entries): the patterns
 * whose service part is a literal, by that service, and `wild`, the rest (`*`, and service parts with wildcards).
 */
export interface ActionIndex {
  readonly byService: ReadonlyMap<string, readonly ActionPattern[]>;
  readonly wild: readonly ActionPattern[];
}

/** Below this many patterns a linear scan is as fast as the index. */
const INDEX_THRESHOLD = 16;

/** The index of a statement's action patterns, or null when the list is short. */
export function indexActions(patterns: readonly ActionPattern[]): ActionIndex | null {
  if (patterns.length < INDEX_THRESHOLD) return null;
  const byService = new Map<string, ActionPattern[]>();
  const wild: ActionPattern[] = [];
  for (const p of patterns) {
    if (p.kind === 'never') continue;
    if (p.kind === 'split' && p.service.kind === 'literal') {
      const list = byService.get(p.service.text);
      if (list === undefined) byService.set(p.service.text, [p]);
      else list.push(p);
    } else {
      wild.push(p);
    }
  }
  return { byService, wild };
}

/**
 * matchAnyAction through an index when there is one: only the patterns of the action's service and the wildcard ones
 * can match it (a literal service part equals the action's service or the pattern fails), so the answer is the same.
 */
export function matchActionList(patterns: readonly ActionPattern[], index: ActionIndex | null | undefined, action: PreparedAction): boolean {
  if (index === null || index === undefined) return matchAnyAction(patterns, action);
  // Stryker disable next-line ConditionalExpression: when forced true, byService.get(null) is undefined and the wild list decides, as it does now.
  if (action.service !== null) {
    const own = index.byService.get(action.service);
    if (own !== undefined && matchAnyAction(own, action)) return true;
  }
  return matchAnyAction(index.wild, action);
}

/** Matches one IAM action pattern against a request action, e.g. `matchAction('iam:*AccessKey*', 'IAM:ListAccessKeys')`. */
export function matchAction(pattern: string, action: string): boolean {
  return matchActionPattern(compileActionPattern(pattern), prepareAction(action));
}
