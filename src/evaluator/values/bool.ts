/** Bool condition values [sheet §3.3]: `true`/`false` in any letter case, or JSON booleans in the policy. */

/** Parses `"true"`/`"false"` (case-insensitive) or a JSON boolean; anything else is null. */
export function parseBoolValue(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  // Stryker disable next-line ConditionalExpression: a length check is an early exit; the comparisons below reject other lengths too (rejecting every length is caught, but shares the mutator).
  if (v.length !== 4 && v.length !== 5) return null;
  const l = v.toLowerCase();
  return l === 'true' ? true : l === 'false' ? false : null;
}
