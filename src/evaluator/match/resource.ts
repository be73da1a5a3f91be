/**
 * Resource / NotResource matching (sheet §2.2). The pattern and the value are split at their first five colons;
 * partition, service, region and account are globbed one segment at a time (a `*` there never eats a colon); the sixth
 * part, the resource, is globbed as a whole, so a `*` there crosses `:` and `/`. A short pattern ending in `*`
 * (`arn:aws:sqs:*`, `arn:aws:iam::123456789012:*`) behaves as if the missing segments were `*`; any other short pattern
 * matches nothing. Matching is case-sensitive in every segment, like ArnLike (values/arn.ts), so Resource and ArnLike agree.
 * A request resource of `*` (actions without resource-level permissions) is covered only by the pattern `*`.
 * Policy variables belong in the resource part [D-2023 reference_policies_variables.html], but IAM also accepts them in
 * the other segments (AWS managed policies use `${aws:PrincipalAccount}` as the account); a variable with no value
 * makes the pattern match nothing.
 */
import { compileGlob, matchGlob, type Glob } from './glob.js';
import { compileTemplate, resolvePattern, type Template } from '../variables.js';
import { globMatch as maskedGlobMatch } from '../values/glob.js';
import { arnGlobMatch } from '../values/arn.js';
import type { ContextValue, RequestContext } from '../types.js';
import { buildRequestContext, type ContextReader } from '../context.js';

/** A compiled Resource / NotResource entry. */
export type ResourcePattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'never' }
  /**
   * Variables before the resource part (e.g. `arn:aws:kms:*:${aws:PrincipalAccount}:key/*`, used by AWS managed policies
   * though the docs allow variables only after the fifth colon): the whole pattern is resolved per request.
   */
  | { readonly kind: 'template'; readonly template: Template }
  | {
      readonly kind: 'arn';
      /** Globs for partition, service, region and account (fewer when a short pattern ended early: the rest are `*`). */
      readonly segments: readonly Glob[];
      /** The resource part; null when a short pattern ended before it (then it is `*`). */
      readonly resource: Glob | null;
      /** Set when the resource part holds policy variables or escapes: resolved per request. */
      readonly template: Template | null;
    };

/** Supplies the request context on demand, so a request whose statements need no context never builds one. */
export interface ContextSource {
  context(): ContextReader;
}

/** A request resource split once per request: `segments` has six entries, or is null for `*` and non-ARN values. */
export interface PreparedResource {
  readonly value: string;
  readonly segments: readonly string[] | null;
}

const ANY: ResourcePattern = { kind: 'any' };
const NEVER: ResourcePattern = { kind: 'never' };

/** Splits at the first five colons: six parts when the text is a full ARN, fewer otherwise. */
export function splitArn(text: string): string[] {
  const c1 = text.indexOf(':');
  if (c1 < 0) return [text];
  const c2 = text.indexOf(':', c1 + 1);
  // Stryker disable next-line EqualityOperator: c2 is found after an earlier colon, so it is never 0.
  if (c2 < 0) return [text.slice(0, c1), text.slice(c1 + 1)];
  const c3 = text.indexOf(':', c2 + 1);
  // Stryker disable next-line EqualityOperator: c3 is found after an earlier colon, so it is never 0.
  if (c3 < 0) return [text.slice(0, c1), text.slice(c1 + 1, c2), text.slice(c2 + 1)];
  const c4 = text.indexOf(':', c3 + 1);
  // Stryker disable next-line EqualityOperator: c4 is found after an earlier colon, so it is never 0.
  if (c4 < 0) return [text.slice(0, c1), text.slice(c1 + 1, c2), text.slice(c2 + 1, c3), text.slice(c3 + 1)];
  const c5 = text.indexOf(':', c4 + 1);
  // Stryker disable next-line EqualityOperator: c5 is found after an earlier colon, so it is never 0.
  if (c5 < 0) return [text.slice(0, c1), text.slice(c1 + 1, c2), text.slice(c2 + 1, c3), text.slice(c3 + 1, c4), text.slice(c4 + 1)];
  return [text.slice(0, c1), text.slice(c1 + 1, c2), text.slice(c2 + 1, c3), text.slice(c3 + 1, c4), text.slice(c4 + 1, c5), text.slice(c5 + 1)];
}

/**
 * Compiles one Resource entry. `variables` is true under Version 2012-10-17; otherwise `${…}` is literal text.
 */
export function compileResourcePattern(text: string, variables: boolean): ResourcePattern {
  // Stryker disable next-line BooleanLiteral: only whether the pattern is all stars is used here, and lowercasing keeps stars.
  const whole = compileGlob(text, false);
  if (whole.kind === 'any') return ANY;
  const parts = splitArn(text);
  const short = parts.length < 6;
  if (short && !text.endsWith('*')) return NEVER;
  if (variables && parts.length > 1 && parts.slice(0, 5).some((p) => p.indexOf('${') >= 0)) {
    const template = compileTemplate(text, true);
    if (template.kind === 'parts') return { kind: 'template', template };
  }
  const segmentTexts = short ? parts : parts.slice(0, 5);
  const segments = segmentTexts.map((s) => compileGlob(s, false));
  if (short) return { kind: 'arn', segments, resource: null, template: null };
  // Stryker disable next-line StringLiteral: unreachable, a pattern that is not short has six parts.
  const resourceText = parts[5] ?? '';
  // Stryker disable next-line ConditionalExpression,StringLiteral: compiling text without ${ gives a literal template, which falls through to the same glob.
  if (variables && resourceText.indexOf('${') >= 0) {
    const template = compileTemplate(resourceText, true);
    if (template.kind === 'parts') return { kind: 'arn', segments, resource: null, template };
  }
  return { kind: 'arn', segments, resource: compileGlob(resourceText, false), template: null };
}

const PREPARED_MAX = 4096;
const prepared = new Map<string, PreparedResource>();

/** Splits a request resource, memoised in a bounded cache (the result is immutable, so sharing it is safe). */
export function prepareResource(value: string): PreparedResource {
  let p = prepared.get(value);
  if (p === undefined) {
    // Stryker disable next-line EqualityOperator: clearing at 4096 or 4097 entries differs only in memory held; results are equal.
    if (prepared.size >= PREPARED_MAX) prepared.clear();
    const parts = splitArn(value);
    p = { value, segments: parts.length === 6 ? parts : null };
    prepared.set(value, p);
  }
  return p;
}

/** Matches a compiled pattern against a prepared resource; `ctx` resolves policy variables (needed only for templates). */
export function matchResourcePattern(pattern: ResourcePattern, resource: PreparedResource, ctx: ContextSource): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'never':
      return false;
    case 'arn': {
      const segs = resource.segments;
      if (segs === null) return false;
      const n = pattern.segments.length;
      for (let i = 0; i < n; i++) {
        const g = pattern.segments[i]!;
        // Literal and `*` segments are the common case: decide them here without a call.
        // Stryker disable next-line StringLiteral: the fast paths give the answers matchGlob gives for literal and `*` globs.
        if (g.kind === 'literal' ? g.text !== segs[i] : g.kind !== 'any' && !matchGlob(g, segs[i]!)) return false;
      }
      const r = pattern.resource;
      // Stryker disable next-line ConditionalExpression,StringLiteral: the fast paths give the answers matchGlob gives for literal and `*` globs.
      if (r !== null) return r.kind === 'literal' ? r.text === segs[5] : r.kind === 'any' || matchGlob(r, segs[5]!);
      if (pattern.template === null) return true;
      // `${*}`, `${?}` and substituted values are literal characters: the masked glob of values/glob.ts keeps them so.
      const resolved = resolvePattern(pattern.template, ctx.context());
      return resolved !== null && maskedGlobMatch(resolved, segs[5]!);
    }
    case 'template': {
      // Stryker disable next-line ConditionalExpression: a fast path, arnGlobMatch rejects `*` and values with fewer than six parts too.
      if (resource.segments === null) return false;
      const resolved = resolvePattern(pattern.template, ctx.context());
      return resolved !== null && arnGlobMatch(resolved, resource.value);
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed pattern.
    default: {
      const never: never = pattern;
      return never;
    }
  }
}

/** True when any compiled pattern matches the resource. */
export function matchAnyResource(patterns: readonly ResourcePattern[], resource: PreparedResource, ctx: ContextSource): boolean {
  for (let i = 0; i < patterns.length; i++) if (matchResourcePattern(patterns[i]!, resource, ctx)) return true;
  return false;
}

/**
 * Matches one Resource pattern against a resource ARN, e.g. `matchResource('arn:aws:s3:::b/*', 'arn:aws:s3:::b/k')`.
 * Pass a request context (built, or a plain record of key → value) to resolve policy variables (Version 2012-10-17
 * semantics); without one, variables are literal text.
 */
export function matchResource(pattern: string, resource: string, ctx?: RequestContext | Readonly<Record<string, ContextValue>>): boolean {
  const compiled = compileResourcePattern(pattern, ctx !== undefined);
  const context: RequestContext = ctx === undefined ? new Map() : ctx instanceof Map ? (ctx as RequestContext) : buildRequestContext(ctx as Readonly<Record<string, ContextValue>>);
  return matchResourcePattern(compiled, prepareResource(resource), { context: () => context });
}
