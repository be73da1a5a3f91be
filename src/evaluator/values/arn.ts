/**
 * ARN pattern matching for ArnEquals/ArnLike [sheet §2.2, §3.3]: "Each of the six colon-delimited components of the ARN
 * is checked separately and each can include `*` or `?`". The model of §2.2: the pattern and the value are split at their
 * first five colons; partition, service, region and account are globbed one segment at a time (a `*` there never eats a
 * colon); the sixth part (the resource) is globbed as a whole, so a `*` there does cross `:`. A short pattern whose last
 * character is a wildcard `*` (e.g. `arn:aws:sqs:*`, or just `*`) behaves as if its missing segments were `*`; any other
 * short pattern, and any value with fewer than six parts, never matches. Matching is case-sensitive in every segment.
 */
import { globMatchIn, globWithMask, type Glob } from './glob.js';

/** An ARN pattern split into its (up to six) segment globs. `segments` is empty when the pattern can never match. */
export interface ArnPattern {
  readonly segments: readonly Glob[];
}

/** Splits a glob at its first five colons into segment globs (wildcard masks carried over). */
export function compileArnPattern(g: Glob): ArnPattern {
  const text = g.text;
  const cuts: number[] = [];
  let at = -1;
  while (cuts.length < 5 && (at = text.indexOf(':', at + 1)) >= 0) cuts.push(at);
  if (cuts.length < 5) {
    const last = text.length - 1;
    // An empty pattern has no last character: charCodeAt(-1) is NaN.
    const trailingStar = text.charCodeAt(last) === 42 && (g.wild === null || g.wild[last] === 1);
    if (!trailingStar) return { segments: [] };
  }
  const segments: Glob[] = [];
  let start = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const end = cuts[k] ?? text.length;
    segments.push(globWithMask(text.slice(start, end), g.wild === null ? null : g.wild.subarray(start, end)));
    start = end + 1;
  }
  return { segments };
}

/**
 * Whether the ARN `value` matches the compiled pattern under the six-segment model above. Walks the value once:
 * a literal segment is compared in place, other segments find their closing colon; the value must have six parts.
 */
export function arnPatternMatch(p: ArnPattern, value: string): boolean {
  const segs = p.segments;
  const n = segs.length;
  if (n === 0) return false;
  let vs = 0;
  for (let k = 0; k < n; k++) {
    const seg = segs[k]!;
    if (k === 5) return globMatchIn(seg, value, vs, value.length);
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: comparing a literal segment in place is a fast path; the general path below (find the colon, glob the window) gives the same answer, as a segment before the resource holds no colon (sending every segment down the fast path is caught, but shares the mutator).
    if (seg.shape === 'exact') {
      const len = seg.text.length;
      if (value.charCodeAt(vs + len) !== 58 || !value.startsWith(seg.text, vs)) return false;
      vs += len + 1;
      continue;
    }
    const ve = value.indexOf(':', vs);
    if (ve < 0 || !globMatchIn(seg, value, vs, ve)) return false;
    vs = ve + 1;
  }
  // A short pattern: the value still needs its remaining colons to be a six-part ARN.
  for (let k = n; k < 5; k++) {
    const ve = value.indexOf(':', vs);
    if (ve === -1) return false;
    vs = ve + 1;
  }
  return true;
}

/** Whether the ARN `value` matches the ARN pattern `g` (compiles the pattern first; prefer compileArnPattern once). */
export function arnGlobMatch(g: Glob, value: string): boolean {
  return arnPatternMatch(compileArnPattern(g), value);
}
