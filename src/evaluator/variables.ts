/**
 * Policy variables [sheet §3.5]: `${key}` (key name case-insensitive), `${key, 'default'}`, and the escapes `${*}`,
 * `${?}`, `${$}` that stand for a literal `*`, `?` and `$`. Under Version 2008-10-17, or with no Version, all of this is
 * literal text. Templates are compiled once; text without `${` takes a literal fast path.
 *
 * A variable whose key is absent and has no default is "effectively null" [D-2023 reference_policies_variables.html]:
 * resolveTemplate returns null, which makes a positive comparison false and a negated one true, and a Resource containing
 * it match nothing. Only single-valued keys can be variables: a key with two or more values counts as absent (its default
 * applies); a one-element array is a single value.
 *
 * In pattern contexts (StringLike, ArnLike, Resource) resolvePattern returns a Glob in which the `*`/`?` written in the
 * policy text are wildcards, while those produced by `${*}`/`${?}`, by a variable's value or by a default are literal.
 */
import { contextLookup, lowerKey, type ContextReader } from './context.js';
import { compileGlob, globWithMask, type Glob } from './values/glob.js';

/** One piece of a template. */
export type TemplatePart =
  /** Policy text; its `*` and `?` are wildcards when the template is used as a pattern. */
  | { readonly kind: 'text'; readonly text: string }
  /** `${*}`, `${?}` or `${$}`: always the literal character. */
  | { readonly kind: 'escape'; readonly text: string }
  /** `${key}` or `${key, 'default'}`; `key` is lowercased, `source` is the text as written. */
  | { readonly kind: 'var'; readonly key: string; readonly fallback: string | null; readonly source: string };

/** A variable part. */
type VarPart = Extract<TemplatePart, { kind: 'var' }>;

/**
 * The last substitution made with a template: the variables' values and what they produced (undefined = not yet
 * computed). The same caller tends to send the same values request after request, so a repeat costs one lookup per
 * variable and no allocation. An internal cache: results depend only on the values, so it is invisible to callers.
 */
interface TemplateMemo {
  values: readonly (string | null)[] | null;
  text: string | null | undefined;
  glob: Glob | null | undefined;
}

/** A compiled policy value: literal text (with its glob precompiled), or parts to substitute per request. */
export type Template =
  | { readonly kind: 'literal'; readonly text: string; readonly glob: Glob }
  | {
      readonly kind: 'parts';
      readonly text: string;
      readonly parts: readonly TemplatePart[];
      readonly hasVariables: boolean;
      /** The variable parts, in order. */
      readonly vars: readonly VarPart[];
      readonly memo: TemplateMemo;
    };

type PartsTemplate = Extract<Template, { kind: 'parts' }>;

/** Where `${` at `open` ends: the index of the closing `}` (a `}` inside a quoted default does not count), or -1. */
function closingBrace(text: string, open: number): number {
  let inQuote = false;
  // Stryker disable next-line EqualityOperator: charCodeAt(text.length) is NaN, which is neither a quote nor a brace.
  for (let i = open + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */) inQuote = !inQuote;
    else if (c === 125 /* } */ && !inQuote) return i;
  }
  return -1;
}

const ESCAPES = new Set(['*', '?', '$']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Parses the inside of one `${…}`: `key` or `key, 'default'` (spaces around the parts allowed; the key may not contain
 * `,` `'` `{` `}` `$`), or an escape. Written by hand rather than as a regular expression so that no input can make it
 * backtrack. Returns a part, or a problem message.
 */
function parseVariable(inner: string, source: string): TemplatePart | string {
  if (ESCAPES.has(inner)) return { kind: 'escape', text: inner };
  const bad = `Malformed policy variable ${source}: expected \${key} or \${key, 'default'}`;
  const n = inner.length;
  let i = 0;
  while (isSpace(inner.charCodeAt(i))) i++;
  const start = i;
  // Stryker disable next-line EqualityOperator: at i === n charCodeAt is NaN, no break, and slicing to n + 1 gives the same key.
  while (i < n) {
    const c = inner.charCodeAt(i);
    if (
      c === 44 /* , */ || c === 39 /* ' */ || c === 123 /* { */ || c === 36 /* $ */ ||
      // Stryker disable next-line ConditionalExpression: inner ends at the first unquoted }, and a quote stops the key before any quoted one.
      c === 125 /* } */
    ) break;
    i++;
  }
  const key = inner.slice(start, i).trimEnd();
  if (key === '') return bad;
  let fallback: string | null = null;
  if (i < n) {
    if (inner.charCodeAt(i) !== 44) return bad;
    i++;
    while (isSpace(inner.charCodeAt(i))) i++;
    // Stryker disable next-line ConditionalExpression: inner holds an even number of quotes, all after the comma, so taking a non-quote here leaves a quote after the default and the end check below reports the same problem.
    if (inner.charCodeAt(i) !== 39) return bad;
    const close = inner.indexOf("'", i + 1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: unreachable, the opening quote always has its partner (inner holds an even number of quotes) and close >= 2.
    if (close < 0) return bad;
    fallback = inner.slice(i + 1, close);
    i = close + 1;
    while (isSpace(inner.charCodeAt(i))) i++;
    if (i !== n) return bad;
  }
  return { kind: 'var', key: lowerKey(key), fallback, source };
}

/** Splits text into parts; malformed `${…}` stays literal text and is reported. */
function scan(text: string, problems: string[] | null): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let pending = '';
  let i = 0;
  // Stryker disable next-line EqualityOperator: at i === text.length indexOf finds no "${" and the loop breaks the same way.
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    const close = closingBrace(text, open);
    // Stryker disable next-line EqualityOperator: close is at least open + 2, never 0.
    if (close < 0) {
      problems?.push(`Unterminated policy variable at character ${open}: "\${" without a closing "}"`);
      break;
    }
    const source = text.slice(open, close + 1);
    const part = parseVariable(text.slice(open + 2, close), source);
    if (typeof part === 'string') {
      problems?.push(part);
      pending += text.slice(i, close + 1);
    } else {
      pending += text.slice(i, open);
      if (pending !== '') parts.push({ kind: 'text', text: pending });
      pending = '';
      parts.push(part);
    }
    i = close + 1;
  }
  pending += text.slice(i);
  if (pending !== '') parts.push({ kind: 'text', text: pending });
  return parts;
}

/** Compiles a policy value. With variables disabled (Version 2008-10-17 or absent) the text is always literal. */
export function compileTemplate(text: string, variablesEnabled: boolean): Template {
  if (!variablesEnabled || text.indexOf('${') < 0) return { kind: 'literal', text, glob: compileGlob(text) };
  const parts = scan(text, null);
  if (parts.length === 1 && parts[0]!.kind === 'text') return { kind: 'literal', text, glob: compileGlob(text) };
  const vars = parts.filter((p): p is VarPart => p.kind === 'var');
  return { kind: 'parts', text, parts, hasVariables: vars.length > 0, vars, memo: { values: null, text: undefined, glob: undefined } };
}

/** The problems with the `${…}` in `text`: unterminated or malformed variables. Empty when all are well-formed. */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  scan(text, problems);
  return problems;
}

/** Whether the template contains at least one variable (escapes alone do not count). */
export function templateHasVariables(t: Template): boolean {
  return t.kind === 'parts' && t.hasVariables;
}

/** A variable's value in this request, its default, or null (effectively null). */
function variableValue(p: { readonly key: string; readonly fallback: string | null }, ctx: ContextReader): string | null {
  const v = contextLookup(ctx, p.key);
  return typeof v === 'string' ? v : v !== undefined && v.length === 1 ? v[0]! : p.fallback;
}

/** The memo of `t`, brought up to date with this request's variable values. */
function refresh(t: PartsTemplate, ctx: ContextReader): TemplateMemo {
  const m = t.memo;
  const vars = t.vars;
  const last = m.values;
  if (last !== null) {
    let same = true;
    for (let k = 0; k < vars.length; k++) {
      if (variableValue(vars[k]!, ctx) !== last[k]) {
        same = false;
        break;
      }
    }
    if (same) return m;
  }
  // Stryker disable next-line ArrayDeclaration: every index is assigned just below, so a pre-sized array and a grown one hold the same values.
  const values = new Array<string | null>(vars.length);
  for (let k = 0; k < vars.length; k++) values[k] = variableValue(vars[k]!, ctx);
  // A compiled policy stored in immer state gets frozen, memo included: then substitute without remembering.
  if (Object.isFrozen(m)) return { values, text: undefined, glob: undefined };
  m.values = values;
  m.text = undefined;
  m.glob = undefined;
  return m;
}

/** The concatenation for the memo's values, or null when one of them is null. */
function substituted(t: PartsTemplate, values: readonly (string | null)[]): string | null {
  let out = '';
  let k = 0;
  for (const p of t.parts) {
    if (p.kind === 'var') {
      const v = values[k++]!;
      if (v === null) return null;
      out += v;
    } else {
      out += p.text;
    }
  }
  return out;
}

/** Substitutes the request's values: the plain string, or null when a variable has no value and no default. */
export function resolveTemplate(t: Template, ctx: ContextReader): string | null {
  if (t.kind === 'literal') return t.text;
  const m = refresh(t, ctx);
  // Stryker disable next-line ConditionalExpression: recomputing the text for the same values gives an equal string (strings have no identity).
  if (m.text === undefined) m.text = substituted(t, m.values!);
  return m.text;
}

/** Like resolveTemplate, but an unresolved variable shows as its `${…}` text: for traces and messages. */
export function renderTemplate(t: Template, ctx: ContextReader): string {
  if (t.kind === 'literal') return t.text;
  let out = '';
  for (const p of t.parts) out += p.kind === 'var' ? (variableValue(p, ctx) ?? p.source) : p.text;
  return out;
}

const STAR = 42;
const QUESTION = 63;

/**
 * Substitutes the request's values into a pattern: a Glob whose wildcards are only the `*`/`?` written as policy text,
 * or null when a variable has no value and no default (then the pattern matches nothing). A literal template returns
 * its precompiled glob, without allocating.
 */
export function resolvePattern(t: Template, ctx: ContextReader): Glob | null {
  if (t.kind === 'literal') return t.glob;
  const m = refresh(t, ctx);
  if (m.glob === undefined) m.glob = patternFor(t, m.values!);
  return m.glob;
}

/** Builds the glob for one set of variable values (see resolvePattern). */
function patternFor(t: PartsTemplate, values: readonly (string | null)[]): Glob | null {
  const text = substituted(t, values);
  if (text === null) return null;
  let needMask = false;
  let k = 0;
  for (const p of t.parts) {
    const piece = p.kind === 'var' ? values[k++]! : p.text;
    if (p.kind !== 'text' && (piece.indexOf('*') >= 0 || piece.indexOf('?') >= 0)) needMask = true;
  }
  if (!needMask) return compileGlob(text);
  const wild = new Uint8Array(text.length);
  let at = 0;
  k = 0;
  for (const p of t.parts) {
    const piece = p.kind === 'var' ? values[k++]! : p.text;
    if (p.kind === 'text') {
      // Stryker disable next-line EqualityOperator: charCodeAt(piece.length) is NaN, neither * nor ?, so nothing more is marked.
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        // Stryker disable next-line ConditionalExpression: the mask is only read at * and ? characters, so marking other characters changes nothing.
        if (c === STAR || c === QUESTION) wild[at + i] = 1;
      }
    }
    at += piece.length;
  }
  return globWithMask(text, wild);
}
