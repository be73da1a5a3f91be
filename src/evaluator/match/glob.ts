/**
 * IAM wildcard matching: `*` is any run of characters (including none), `?` is exactly one character.
 * No regular expression is ever built from a pattern (sheet §9): a hostile pattern cannot make matching backtrack.
 */

/** A glob pattern split once at compile time, so matching does no parsing. */
export type Glob =
  | { readonly kind: 'any' }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'prefix'; readonly text: string }
  | {
      readonly kind: 'pattern';
      /** The piece before the first `*` (may contain `?`), anchored at the start. */
      readonly head: string;
      /** The pieces between stars, matched leftmost-first in order. */
      readonly middle: readonly string[];
      /** For each middle piece with a `?` (and at most 31 characters): its shift-and tables, so finding it is linear; else null. */
      readonly bitap: readonly (Bitap | null)[];
      /** The piece after the last `*`, anchored at the end; '' when the pattern ends in `*`. */
      readonly tail: string;
      /** True when there is no `*` at all (only `?`): the value must have exactly the pattern's length. */
      readonly exact: boolean;
      readonly minLength: number;
    };

/** Shift-and tables for one piece with `?`: the bits of positions holding each character, and of the `?` positions. */
export interface Bitap {
  readonly length: number;
  readonly any: number;
  readonly masks: ReadonlyMap<number, number>;
}

const STAR = 42;
const QUESTION = 63;

/** Compiles a glob pattern. With `ignoreCase` the pattern is lowercased; the caller lowercases the value once. */
export function compileGlob(pattern: string, ignoreCase: boolean): Glob {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const firstStar = p.indexOf('*');
  const hasQuestion = p.indexOf('?') >= 0;
  if (firstStar < 0 && !hasQuestion) return { kind: 'literal', text: p };
  if (firstStar < 0) return { kind: 'pattern', head: p, middle: [], bitap: [], tail: '', exact: true, minLength: p.length };
  if (!hasQuestion) {
    let onlyStars = true;
    for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) !== STAR) { onlyStars = false; break; }
    if (onlyStars) return { kind: 'any' };
    if (firstStar === p.length - 1) return { kind: 'prefix', text: p.slice(0, -1) };
  }
  const pieces = p.split('*');
  // Stryker disable next-line StringLiteral: unreachable, split always returns at least one piece.
  const head = pieces[0] ?? '';
  // Stryker disable next-line StringLiteral: unreachable, split always returns at least one piece.
  const tail = pieces[pieces.length - 1] ?? '';
  const middle = pieces.slice(1, -1).filter((s) => s.length > 0);
  let minLength = head.length + tail.length;
  for (const m of middle) minLength += m.length;
  return { kind: 'pattern', head, middle, bitap: middle.map(bitapOf), tail, exact: false, minLength };
}

/** True when `piece` (which may contain `?`) matches `value` at offset `at`; the caller checks the bounds. */
function pieceAt(value: string, at: number, piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c !== QUESTION && c !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

function bitapOf(piece: string): Bitap | null {
  if (piece.indexOf('?') < 0 || piece.length > 31) return null;
  let any = 0;
  const masks = new Map<number, number>();
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c === QUESTION) any |= 1 << i;
    else masks.set(c, (masks.get(c) ?? 0) | (1 << i));
  }
  return { length: piece.length, any, masks };
}

/**
 * The leftmost offset ≥ from where `piece` matches inside value[..end), or -1. Pieces without `?` use indexOf; pieces
 * with `?` use shift-and (one pass over the value); only a `?` piece longer than 31 characters falls back to trying
 * each offset.
 */
function findPiece(value: string, piece: string, bitap: Bitap | null, from: number, end: number): number {
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: a fast path; a piece without ? has no table and the offset-by-offset search below finds the same place.
  if (piece.indexOf('?') < 0) {
    const at = value.indexOf(piece, from);
    return at >= 0 && at + piece.length <= end ? at : -1;
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: shift-and is a faster way to the same leftmost offset as the search below.
  if (bitap !== null) {
    const done = 1 << (bitap.length - 1);
    let state = 0;
    for (let j = from; j < end; j++) {
      state = ((state << 1) | 1) & (bitap.any | (bitap.masks.get(value.charCodeAt(j)) ?? 0));
      if ((state & done) !== 0) return j - bitap.length + 1;
    }
    return -1;
  }
  const last = end - piece.length;
  for (let at = from; at <= last; at++) if (pieceAt(value, at, piece)) return at;
  return -1;
}

/**
 * Matches a compiled glob against a value (already lowercased when the glob was compiled with ignoreCase).
 * Each piece between stars is placed leftmost-first and never revisited, which is optimal for globs; pieces are
 * found with `String.prototype.indexOf` or, when they hold `?`, with shift-and. Each search starts where the previous
 * piece ended, so the work is linear in the value's length whatever the number of stars.
 */
export function matchGlob(glob: Glob, value: string): boolean {
  switch (glob.kind) {
    case 'any':
      return true;
    case 'literal':
      return value === glob.text;
    case 'prefix':
      return value.startsWith(glob.text);
    case 'pattern': {
      if (glob.exact) return value.length === glob.head.length && pieceAt(value, 0, glob.head);
      if (value.length < glob.minLength) return false;
      if (!pieceAt(value, 0, glob.head)) return false;
      const end = value.length - glob.tail.length;
      if (!pieceAt(value, end, glob.tail)) return false;
      let pos = glob.head.length;
      for (let i = 0; i < glob.middle.length; i++) {
        const piece = glob.middle[i]!;
        // Stryker disable next-line LogicalOperator: without the table findPiece searches offset by offset and finds the same place.
        const at = findPiece(value, piece, glob.bitap[i] ?? null, pos, end);
        if (at < 0) return false;
        pos = at + piece.length;
      }
      return true;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed glob.
    default: {
      const never: never = glob;
      return never;
    }
  }
}

/** Matches `value` against the IAM wildcard `pattern` (`*`, `?`). Compiles on every call: hot paths use compileGlob + matchGlob. */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  return matchGlob(compileGlob(pattern, ignoreCase), ignoreCase ? value.toLowerCase() : value);
}

/** True when the text contains a `*` or `?`. */
export function hasWildcard(text: string): boolean {
  return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
}
