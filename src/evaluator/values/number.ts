/**
 * Strict parsing of Numeric condition values [sheet §3.3, §9]: an optional `-`, digits, and an optional fraction.
 * Rejects what `parseInt`/`Number` would let through: `10abc`, ``, ` 1`, `0x10`, `1e3`, `Infinity`, `.5`, `1.`.
 */

/** Parses an integer or decimal, or returns null. Compared as IEEE doubles, so integers beyond 2^53 lose precision. */
export function parseNumberValue(s: string): number | null {
  const n = s.length;
  let i = 0;
  // charCodeAt past the end is NaN, which is neither `-` nor a digit, so no test below needs a bounds check.
  if (s.charCodeAt(0) === 45 /* - */) i = 1;
  const start = i;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === start) return null;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 /* . */) return null;
    const f = ++i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === f || i !== n) return null;
  }
  return Number(s);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
