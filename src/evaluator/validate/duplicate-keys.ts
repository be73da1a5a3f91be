/**
 * Duplicate keys in policy text. "An element must not contain the same key twice" (sheet §6.1), but JSON.parse keeps
 * the last one silently, so the text is scanned once more for them. The scan assumes the text is valid JSON.
 */
import type { PolicyProblem } from '../types.js';
import { problem } from './messages.js';
import { pointer } from './pointer.js';

interface Frame {
  readonly path: string;
  readonly object: boolean;
  readonly keys: Set<string>;
  index: number;
  /** For objects: the key whose value comes next; for arrays unused. */
  key: string | null;
}

/** The JSON pointer of the value about to be read in `top` (its key or its index). */
function childPath(top: Frame): string {
  // Stryker disable next-line StringLiteral: a value nested in an object always follows its key, so key is never null here.
  return top.object ? pointer(top.path, top.key ?? '') : pointer(top.path, top.index);
}

/** One problem per key that appears twice in the same object, with the pointer of the second occurrence. */
export function duplicateKeyProblems(text: string): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const stack: Frame[] = [];
  // Stryker disable next-line BooleanLiteral: before the first { or [ no frame is open, and the first { sets it anyway.
  let expectKey = false;
  let i = 0;
  // Stryker disable next-line EqualityOperator: one more turn past the end reads undefined, which matches no token.
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the text is valid JSON (it parsed), so every string is closed before the end.
        j < text.length &&
        text[j] !== '"'
      ) {
        j += text[j] === '\\' ? 2 : 1;
      }
      if (expectKey) {
        // expectKey is true only while an object is open.
        const top = stack[stack.length - 1]!;
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) out.push(problem('duplicate-key', pointer(top.path, key), { key }));
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      stack.push({ path: top === undefined ? '' : childPath(top), object: c === '{', keys: new Set(), index: 0, key: null });
      // Stryker disable next-line ConditionalExpression: after [ the one string read as a key cannot repeat (a comma in an array reads no keys).
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      // Valid JSON has commas only inside an open array or object.
      const top = stack[stack.length - 1]!;
      if (top.object) expectKey = true;
      else top.index++;
    }
    i++;
  }
  return out;
}
