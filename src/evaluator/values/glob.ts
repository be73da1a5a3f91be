/**
 * Glob patterns for StringLike, ArnLike and Resource [sheet §2.2, §3.3]: `*` matches any run of characters (including
 * none, and including `/` and `:`), `?` exactly one character. No regular expression is ever built from policy text.
 *
 * A Glob keeps its text plus a mask saying which `*` and `?` characters are wildcards. The mask exists because after
 * policy-variable substitution some `*`/`?` must be literal: those written as `${*}` / `${?}`, and any that came from a
 * variable's value (a user named `a*` must not become a wildcard) [sheet §3.5]. `wild === null` means every `*` and `?`
 * is a wildcard, the common case of a pattern without variables, which costs nothing extra.
 */

/** A compiled glob: `text`, and per character whether it is an active wildcard (`null`: every `*`/`?` is). */
export interface Glob {
  readonly text: string;
  /** 1 where the `*` or `?` at that index is a wildcard, 0 where it is a literal character; null: all are wildcards. */
  readonly wild: Uint8Array | null;
  /** Precomputed shape for fast paths: no wildcard at all, only `*`s, `literal*`, or anything else. */
  readonly shape: 'exact' | 'any' | 'prefix' | 'general';
  /** For shape 'prefix': the text before the trailing `*`; otherwise ''. */
  readonly head: string;
}

/** One piece of a pattern being assembled: `literal: true` text never acts as a wildcard. */
export interface GlobPart {
  readonly text: string;
  readonly literal: boolean;
}

const STAR = 42;
const QUESTION = 63;

function isActive(g: Glob, i: number): boolean {
  const c = g.text.charCodeAt(i);
  return (c === STAR || c === QUESTION) && (g.wild === null || g.wild[i] === 1);
}

function shapeOf(text: string, wild: Uint8Array | null): Glob['shape'] {
  let stars = 0;
  let firstActive = -1;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === STAR || c === QUESTION) && (wild === null || wild[i] === 1)) {
      if (firstActive < 0) firstActive = i;
      if (c === STAR) stars++;
      else questions++;
    }
  }
  if (firstActive < 0) return 'exact';
  if (questions === 0 && stars === text.length) return 'any';
  if (questions === 0 && stars === 1 && firstActive === text.length - 1) return 'prefix';
  return 'general';
}

/** Builds a glob from text and a wildcard mask (1 = the `*`/`?` there is a wildcard; null = all are). */
export function globWithMask(text: string, wild: Uint8Array | null): Glob {
  const shape = shapeOf(text, wild);
  return { text, wild, shape, head: shape === 'prefix' ? text.slice(0, -1) : '' };
}

/** Compiles pattern text in which every `*` and `?` is a wildcard. */
export function compileGlob(text: string): Glob {
  return globWithMask(text, null);
}

/** A glob that matches exactly `text`: its `*` and `?` are literal characters. */
export function literalGlob(text: string): Glob {
  return { text, wild: text.indexOf('*') < 0 && text.indexOf('?') < 0 ? null : new Uint8Array(text.length), shape: 'exact', head: '' };
}

/** Assembles a glob from pieces; `*`/`?` in literal pieces are literal, in the others wildcards. */
export function globFromParts(parts: readonly GlobPart[]): Glob {
  let text = '';
  let needMask = false;
  for (const p of parts) {
    text += p.text;
    if (p.literal && !needMask && (p.text.indexOf('*') >= 0 || p.text.indexOf('?') >= 0)) needMask = true;
  }
  if (!needMask) return compileGlob(text);
  const wild = new Uint8Array(text.length);
  let at = 0;
  for (const p of parts) {
    if (!p.literal) for (let k = 0; k < p.text.length; k++) wild[at + k] = 1;
    at += p.text.length;
  }
  return globWithMask(text, wild);
}

/**
 * Matches `value[vs, ve)` against `g.text[ps, pe)` (case-sensitive). Two pointers with one backtrack point at the last
 * `*`: time is O(|value| × longest literal run between stars), with no exponential or regex backtracking.
 */
export function globMatchRange(g: Glob, ps: number, pe: number, value: string, vs: number, ve: number): boolean {
  const p = g.text;
  let pi = ps;
  let si = vs;
  let starP = -1;
  let starS = 0;
  while (si < ve) {
    if (pi < pe) {
      const c = p.charCodeAt(pi);
      if (c === STAR && isActive(g, pi)) {
        starP = pi++;
        starS = si;
        continue;
      }
      if (c === value.charCodeAt(si) || (c === QUESTION && isActive(g, pi))) {
        pi++;
        si++;
        continue;
      }
    }
    if (starP < 0) return false;
    pi = starP + 1;
    si = ++starS;
  }
  while (pi < pe && p.charCodeAt(pi) === STAR && isActive(g, pi)) pi++;
  return pi === pe;
}

/** Whether `value[vs, ve)` matches the whole glob (case-sensitive), with the shape fast paths and no allocation. */
export function globMatchIn(g: Glob, value: string, vs: number, ve: number): boolean {
  switch (g.shape) {
    case 'exact':
      return ve - vs === g.text.length && value.startsWith(g.text, vs);
    case 'any':
      return true;
    case 'prefix':
      return ve - vs >= g.head.length && value.startsWith(g.head, vs);
    case 'general':
      return globMatchRange(g, 0, g.text.length, value, vs, ve);
    default: {
      const never: never = g.shape;
      throw new Error(`unknown glob shape ${String(never)}`);
    }
  }
}

/** Whether the whole of `value` matches the glob (case-sensitive). */
export function globMatch(g: Glob, value: string): boolean {
  switch (g.shape) {
    case 'exact':
      return g.text === value;
    case 'any':
      return true;
    case 'prefix':
      return value.startsWith(g.head);
    case 'general':
      return globMatchRange(g, 0, g.text.length, value, 0, value.length);
    default: {
      const never: never = g.shape;
      throw new Error(`unknown glob shape ${String(never)}`);
    }
  }
}
