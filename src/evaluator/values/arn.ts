/**
 * ARN pattern matching for ArnEquals/ArnLike [sheet §2.2, §3.3]: "Each of the six colon-delimited components of the ARN
 * is checked separately and each can include `*` or `?`". The model of §2.2: the pattern and the value are split at their
 * first five colons; partition, service, region and account are globbed one segment at a time (a `*` there never eats a
 * colon); the sixth part (the resource) is globbed as a whole, so a `*` there does cross `:`. A short pattern whose last
 * character is a wildcard `*` (e.g. `arn:aws:sqs:*`, or just `*`) behaves as if its missing segments were `*`; any other
 * short pattern, and any value with fewer than six parts, never matches. Matching is case-sensitive in every segment.
 */
import { globMatchRange, type Glob } from './glob.js';

/** Positions of the first five colons of `s`, written into `out`; returns how many were found. */
function colons(s: string, out: Int32Array): number {
  let found = 0;
  let at = -1;
  while (found < 5) {
    at = s.indexOf(':', at + 1);
    if (at < 0) break;
    out[found++] = at;
  }
  return found;
}

const pc = new Int32Array(5);
const vc = new Int32Array(5);

/** Whether the ARN `value` matches the ARN pattern `g` under the six-segment model above. */
export function arnGlobMatch(g: Glob, value: string): boolean {
  const vn = colons(value, vc);
  if (vn < 5) return false;
  const pn = colons(g.text, pc);
  const plen = g.text.length;
  if (pn < 5) {
    const last = plen - 1;
    const c = g.text.charCodeAt(last);
    if (c !== 42 || (g.wild !== null && g.wild[last] !== 1)) return false;
  }
  // Pattern segment k (the last one runs to the end) against value segment k (the sixth runs to the end).
  let ps = 0;
  let vs = 0;
  for (let k = 0; k <= pn; k++) {
    const pe = k < pn ? pc[k]! : plen;
    const ve = k < 5 ? vc[k]! : value.length;
    if (!globMatchRange(g, ps, pe, value, vs, ve)) return false;
    ps = pe + 1;
    vs = ve + 1;
  }
  return true;
}
