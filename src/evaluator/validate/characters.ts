/** The character set of policy documents: TAB, LF, CR and U+0020–U+00FF only [D-2023 reference_iam-quotas.html]. */
import type { PolicyProblem } from '../types.js';
import { problem } from './messages.js';
import { pointer } from './pointer.js';

function badChar(s: string): number {
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
export function characterProblems(value: unknown, path = '', out: PolicyProblem[] = [], depth = 0): PolicyProblem[] {
  if (depth > 64) return out;
  if (typeof value === 'string') {
    const c = badChar(value);
    if (c >= 0) out.push(problem('invalid-character', path, { char: describe(c) }));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => characterProblems(v, pointer(path, i), out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const c = badChar(k);
      if (c >= 0) out.push(problem('invalid-character', pointer(path, k), { char: describe(c) }));
      characterProblems(v, pointer(path, k), out, depth + 1);
    }
  }
  return out;
}
