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
  /** For pieces with a wildcard `?`: Shift-And tables, so searching for the piece is linear in the value. */
  readonly bitap: Bitap | null;
}

/**
 * Shift-And (bitap) tables for a piece of m characters, as ceil(m/32) 32-bit words per character class: bit i is set
 * when pattern position i accepts the character (the character itself, or a wildcard `?`).
 */
interface Bitap {
  readonly words: number;
  readonly byChar: ReadonlyMap<number, Uint32Array>;
  /** The mask for characters that occur nowhere in the piece: only the `?` positions. */
  readonly other: Uint32Array;
}

const STAR = 42;
const QUESTION = 63;

function bitapFor(text: string, q: Uint8Array): Bitap {
  const m = text.length;
  const words = (m + 31) >>> 5;
  const other = new Uint32Array(words);
  // Stryker disable next-line EqualityOperator: `i <= m` only adds a look at q[m], which is undefined, so nothing is set (`i >= m` never enters the loop and is caught).
  for (let i = 0; i < m; i++) {
    if (q[i] === 1) other[i >>> 5]! |= 1 << (i & 31);
  }
  const byChar = new Map<number, Uint32Array>();
  // Stryker disable next-line EqualityOperator: `i <= m` only adds a table for charCodeAt(m), NaN, which no value character looks up (`i >= m` never enters the loop and is caught).
  for (let i = 0; i < m; i++) {
    // Stryker disable next-line ConditionalExpression: a table for the `?` character would be `other` with bits that `other` already has, which is what a missing table means (skipping every position is caught, but shares the mutator).
    if (q[i] === 1) continue;
    const c = text.charCodeAt(i);
    let mask = byChar.get(c);
    if (mask === undefined) {
      mask = Uint32Array.from(other);
      byChar.set(c, mask);
    }
    mask[i >>> 5]! |= 1 << (i & 31);
  }
  return { words, byChar, other };
}

/** Shift-And search: the leftmost start in [from, end − m] where the piece matches, or -1. O(|value| × ⌈m/32⌉). */
function bitapSearch(value: string, piece: GlobPiece, b: Bitap, from: number, end: number): number {
  const m = piece.text.length;
  const top = m - 1;
  const topWord = top >>> 5;
  const topBit = 1 << (top & 31);
  // Stryker disable next-line ConditionalExpression,BlockStatement: the one-word loop is a fast path; the multi-word loop below gives the same answer for one word (taking it for longer pieces is caught, but shares the mutator).
  if (b.words === 1) {
    let d = 0;
    for (let j = from; j < end; j++) {
      d = ((d << 1) | 1) & (b.byChar.get(value.charCodeAt(j)) ?? b.other)[0]!;
      if ((d & topBit) !== 0) return j - top;
    }
    return -1;
  }
  const d = new Uint32Array(b.words);
  for (let j = from; j < end; j++) {
    const mask = b.byChar.get(value.charCodeAt(j)) ?? b.other;
    let carry = 1;
    // Stryker disable next-line EqualityOperator: `w <= b.words` adds a step that writes past the end of a typed array, which is ignored, and leaves carry unused (`w >= b.words` is caught).
    for (let w = 0; w < b.words; w++) {
      const x = d[w]!;
      d[w] = ((x << 1) | carry) & mask[w]!;
      carry = x >>> 31;
    }
    if ((d[topWord]! & topBit) !== 0) return j - top;
  }
  return -1;
}

function shapeOf(text: string, wild: Uint8Array | null): Glob['shape'] {
  let wildcards = 0;
  let stars = 0;
  let lastStar = -1;
  // Stryker disable next-line EqualityOperator: `i <= text.length` adds a look at charCodeAt(length), NaN, which is no wildcard (`i >= text.length` is caught).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === STAR || c === QUESTION) && (wild === null || wild[i] === 1)) {
      wildcards++;
      if (c === STAR) {
        stars++;
        lastStar = i;
      }
    }
  }
  if (wildcards === 0) return 'exact';
  if (stars === text.length) return 'any';
  if (wildcards === 1 && lastStar === text.length - 1) return 'prefix';
  return 'general';
}

/** Builds a glob from text and a wildcard mask (1 = the `*`/`?` there is a wildcard; null = all are). */
export function globWithMask(text: string, wild: Uint8Array | null): Glob {
  const shape = shapeOf(text, wild);
  const head = shape === 'prefix' ? text.slice(0, -1) : '';
  // Stryker disable next-line BooleanLiteral: the star flags are read only by generalMatch, for shape 'general'; for other shapes their value is never used.
  if (shape !== 'general') return { text, wild, shape, head, pieces: NO_PIECES, hasStar: false, leadingStar: false, trailingStar: false };
  const pieces: GlobPiece[] = [];
  let start = 0;
  let hasStar = false;
  const active = (i: number): boolean => wild === null || wild[i] === 1;
  const push = (from: number, to: number): void => {
    if (to <= from) return;
    let q: Uint8Array | null = null;
    // Stryker disable next-line EqualityOperator: `i <= to` adds a look at text[to], which is a wildcard `*` or past the end, never a `?` (`i >= to` is caught).
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === QUESTION && active(i)) (q ??= new Uint8Array(to - from))[i - from] = 1;
    }
    const piece = text.slice(from, to);
    pieces.push({ text: piece, q, bitap: q === null ? null : bitapFor(piece, q) });
  };
  // Stryker disable next-line EqualityOperator: `i <= text.length` adds a look at charCodeAt(length), NaN, which is no `*` (`i >= text.length` is caught).
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
  return globWithMask(text, new Uint8Array(text.length));
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
  // A piece has Shift-And tables exactly when it has a wildcard `?`.
  if (piece.bitap !== null) return bitapSearch(value, piece, piece.bitap, from, end);
  const at = value.indexOf(piece.text, from);
  // Not found (-1) passes the test and comes back as -1 too.
  return at + piece.text.length <= end ? at : -1;
}

/**
 * Matches `value[vs, ve)` against a 'general' glob: the first piece is anchored at the start unless the pattern starts
 * with `*`, the last at the end unless it ends with `*`, and the pieces between are found leftmost-first in order,
 * which is exact for globs. Pieces without `?` are found with `indexOf` and pieces with `?` by Shift-And, so matching
 * is linear in the value whatever the number of stars (times ⌈m/32⌉ for a piece of m characters with `?`).
 */
function generalMatch(g: Glob, value: string, vs: number, ve: number): boolean {
  const pieces = g.pieces;
  if (!g.hasStar) {
    // A 'general' glob without a `*` has a wildcard `?`, so it is one non-empty piece.
    const only = pieces[0]!;
    return ve - vs === only.text.length && pieceAt(value, vs, only);
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
    // Stryker disable next-line ConditionalExpression: without this case 'any' falls through to 'prefix', which is true for its head ''.
    case 'any':
      return true;
    case 'prefix':
      return ve - vs >= g.head.length && value.startsWith(g.head, vs);
    case 'general':
      return generalMatch(g, value, vs, ve);
    // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable, shape is a closed union checked exhaustively by the compiler.
    default: {
      const never: never = g.shape;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown glob shape ${String(never)}`);
    }
  }
}

/** Whether the whole of `value` matches the glob (case-sensitive). */
export function globMatch(g: Glob, value: string): boolean {
  switch (g.shape) {
    case 'exact':
      return g.text === value;
    // Stryker disable next-line ConditionalExpression: without this case 'any' falls through to 'prefix', which is true for its head ''.
    case 'any':
      return true;
    case 'prefix':
      return value.startsWith(g.head);
    case 'general':
      return generalMatch(g, value, 0, value.length);
    // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable, shape is a closed union checked exhaustively by the compiler.
    default: {
      const never: never = g.shape;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown glob shape ${String(never)}`);
    }
  }
}
