/** The character set of policy documents: TAB, LF, CR and U+0020–U+00FF only [D-2023 reference_iam-quotas.html]. */
import type { PolicyProblem } from '../types.js';
import { problem } from './messages.js';
import { pointer } from './pointer.js';

function badChar(s: string): number {
  // Stryker disable next-line EqualityOperator: one more turn reads charCodeAt(length), NaN, which is returned and fails the callers' c >= 0 like -1.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xff)) continue;
    return c;
  }
  return -1;
}

function describe(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One problem per key or string value that holds a character outside the allowed set, with its JSON pointer. */
export function characterProblems(value: unknown): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  walk(value, [], out);
  return out;
}

/** The pointer of the current position, built only when a problem is found. */
function pathOf(tokens: readonly (string | number)[]): string {
  let path = '';
  for (const t of tokens) path = pointer(path, t);
  return path;
}

function walk(value: unknown, tokens: (string | number)[], out: PolicyProblem[]): void {
  if (tokens.length > 64) return;
  if (typeof value === 'string') {
    const c = badChar(value);
    if (c >= 0) out.push(problem('invalid-character', pathOf(tokens), { char: describe(c) }));
  } else if (
    // Stryker disable next-line ConditionalExpression: without this branch an array is walked as an object, by its keys "0", "1", …, which give the same pointers.
    Array.isArray(value)
  ) {
    // Stryker disable next-line EqualityOperator: one more turn walks value[length], undefined, which has no characters.
    for (let i = 0; i < value.length; i++) {
      tokens.push(i);
      walk(value[i], tokens, out);
      tokens.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      tokens.push(k);
      const c = badChar(k);
      if (c >= 0) out.push(problem('invalid-character', pathOf(tokens), { char: describe(c) }));
      walk((value as Record<string, unknown>)[k], tokens, out);
      tokens.pop();
    }
  }
}
