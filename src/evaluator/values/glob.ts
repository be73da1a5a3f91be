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
  /** For shape 'general': the pieces between wildcard `*`s, in order, without empty ones; otherwise empty. */
  readonly pieces: readonly GlobPiece[];
  /** For shape 'general': whether the pattern has a wildcard `*`, and whether it starts / ends with one. */
  readonly hasStar: boolean;
  readonly leadingStar: boolean;
  readonly trailingStar: boolean;
}

/** A run of pattern text between wildcard stars; `q[i] === 1` where a wildcard `?` is (null when there is none). */
export interface GlobPiece {
  readonly text: string;
  readonly q: Uint8Array | null;
}

const STAR = 42;
const QUESTION = 63;


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
  const head = shape === 'prefix' ? text.slice(0, -1) : '';
  if (shape !== 'general') return { text, wild, shape, head, pieces: NO_PIECES, hasStar: false, leadingStar: false, trailingStar: false };
  const pieces: GlobPiece[] = [];
  let start = 0;
  let hasStar = false;
  const active = (i: number): boolean => wild === null || wild[i] === 1;
  const push = (from: number, to: number): void => {
    if (to <= from) return;
    let q: Uint8Array | null = null;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === QUESTION && active(i)) (q ??= new Uint8Array(to - from))[i - from] = 1;
    }
    pieces.push({ text: text.slice(from, to), q });
  };
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === STAR && active(i)) {
      hasStar = true;
      push(start, i);
      start = i + 1;
    }
  }
  push(start, text.length);
  const leadingStar = text.charCodeAt(0) === STAR && active(0);
  const last = text.length - 1;
  const trailingStar = text.charCodeAt(last) === STAR && active(last);
  return { text, wild, shape, head, pieces, hasStar, leadingStar, trailingStar };
}

const NO_PIECES: readonly GlobPiece[] = [];

/** Compiles pattern text in which every `*` and `?` is a wildcard. */
export function compileGlob(text: string): Glob {
  return globWithMask(text, null);
}

/** A glob that matches exactly `text`: its `*` and `?` are literal characters. */
export function literalGlob(text: string): Glob {
  return globWithMask(text, text.indexOf('*') < 0 && text.indexOf('?') < 0 ? null : new Uint8Array(text.length));
}

/** Whether `piece` matches `value` at offset `at` (the caller checks that it fits). */
function pieceAt(value: string, at: number, piece: GlobPiece): boolean {
  const t = piece.text;
  const q = piece.q;
  for (let i = 0; i < t.length; i++) {
    if (q !== null && q[i] === 1) continue;
    if (t.charCodeAt(i) !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost offset in [from, end - |piece|] where `piece` matches, or -1. */
function findPiece(value: string, piece: GlobPiece, from: number, end: number): number {
  const len = piece.text.length;
  if (piece.q === null) {
    const at = value.indexOf(piece.text, from);
    return at >= 0 && at + len <= end ? at : -1;
  }
  for (let at = from; at + len <= end; at++) if (pieceAt(value, at, piece)) return at;
  return -1;
}

/**
 * Matches `value[vs, ve)` against a 'general' glob: the first piece is anchored at the start unless the pattern starts
 * with `*`, the last at the end unless it ends with `*`, and the pieces between are found leftmost-first in order,
 * which is exact for globs. Pieces without `?` are found with `indexOf`, so matching is linear in the value whatever the
 * number of stars; a piece containing `?` is searched position by position (O(|value| × |piece|)).
 */
function generalMatch(g: Glob, value: string, vs: number, ve: number): boolean {
  const pieces = g.pieces;
  if (!g.hasStar) {
    const only = pieces[0];
    return only !== undefined && ve - vs === only.text.length && pieceAt(value, vs, only);
  }
  let lo = vs;
  let hi = ve;
  let first = 0;
  let last = pieces.length;
  if (!g.leadingStar) {
    const p = pieces[0]!;
    if (hi - lo < p.text.length || !pieceAt(value, lo, p)) return false;
    lo += p.text.length;
    first = 1;
  }
  if (!g.trailingStar) {
    const p = pieces[last - 1]!;
    if (hi - lo < p.text.length || !pieceAt(value, hi - p.text.length, p)) return false;
    hi -= p.text.length;
    last -= 1;
  }
  for (let i = first; i < last; i++) {
    const p = pieces[i]!;
    const at = findPiece(value, p, lo, hi);
    if (at < 0) return false;
    lo = at + p.text.length;
  }
  return true;
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
      return generalMatch(g, value, vs, ve);
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
      return generalMatch(g, value, 0, value.length);
    default: {
      const never: never = g.shape;
      throw new Error(`unknown glob shape ${String(never)}`);
    }
  }
}
