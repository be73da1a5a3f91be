/**
 * Reference ARN matching (sheet §2.2, §3.3): split pattern and value on their first five colons, compare the first
 * five segments one by one, glob the resource part as a whole. A short pattern whose last segment ends in `*` acts as
 * if the missing segments were `*`.
 */
import { globMatches, type GlobToken } from './glob.js';

/**
 * Splits pattern tokens on their first five colons. Variables are substituted first, so a colon from a variable's value
 * splits too (`ArnLike: "${aws:PrincipalArn}"` compares six segments); its characters stay literal.
 */
function splitPattern(tokens: readonly GlobToken[]): GlobToken[][] {
  const segments: GlobToken[][] = [[]];
  for (const t of tokens) {
    if (segments.length < 6 && t.kind === 'lit' && t.ch === ':') segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  return segments;
}

/** Splits a value on its first five colons. */
function splitValue(value: string): string[] {
  const parts = value.split(':');
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** Whether the first five segments compare case-insensitively. The resource part is always case-sensitive. */
export const ARN_PREFIX_IGNORE_CASE = false;

/** Does an ARN pattern (as tokens) match an ARN value? */
export function arnMatches(pattern: readonly GlobToken[], value: string): boolean {
  const segments = splitPattern(pattern);
  const parts = splitValue(value);
  if (parts.length < 6) return false;
  if (segments.length < 6) {
    const last = segments[segments.length - 1]!;
    if (last.length === 0 || last[last.length - 1]!.kind !== 'star') return false;
    while (segments.length < 6) segments.push([{ kind: 'star' }]);
  }
  return segments.every((segment, i) => globMatches(segment, parts[i]!, i < 5 && ARN_PREFIX_IGNORE_CASE));
}
