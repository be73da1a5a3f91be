import { describe, expect, it } from 'vitest';
import { characterProblems } from '../../../src/evaluator/validate/characters.js';

// Source: [D-2023 reference_iam-quotas.html] policy documents may hold TAB, LF, CR and U+0020–U+00FF only.
describe('characterProblems: U+0000', () => {
  it('reports a NUL character in a key and in a value', () => {
    expect(characterProblems({ 'a\u0000': 'x', b: ['\u0000'] }).map((p) => [p.path, p.message])).toEqual([
      ['/a\u0000', 'Syntax errors in policy. Character U+0000 is not allowed in a policy document.'],
      ['/b/0', 'Syntax errors in policy. Character U+0000 is not allowed in a policy document.'],
    ]);
  });
});
