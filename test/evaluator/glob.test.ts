import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, matchGlob } from '../../src/evaluator/match/glob.js';

// Sources: sheet §2.2 (`*` any run incl. none and `/`, `?` one char), §9 (linear-time matcher, no regex).
const cases: ReadonlyArray<readonly [string, string, boolean, string]> = [
  ['*', '', true, '§2.2 * matches the empty string'],
  ['*', 'anything:at/all', true, '§2.2 bare *'],
  ['abc', 'abc', true, 'literal'],
  ['abc', 'abd', false, 'literal mismatch'],
  ['a*', 'abc', true, 'prefix'],
  ['a*', 'ba', false, 'prefix mismatch'],
  ['*c', 'abc', true, 'suffix'],
  ['a?c', 'abc', true, '? one char'],
  ['a?c', 'ac', false, '? needs exactly one char'],
  ['a?c', 'abbc', false, '? is not *'],
  ['???', 'abc', true, 'only ?'],
  ['???', 'abcd', false, 'only ?, too long'],
  ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET//test/object.jpg', true, '§2.2 documented example: * empty'],
  ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET/1/test/', true, '§2.2 documented example'],
  ['DOC-EXAMPLE-BUCKET/*/test/*', 'DOC-EXAMPLE-BUCKET/test/object.jpg', false, '§2.2 documented example: two / needed'],
  ['a*b*c', 'aXXbYYc', true, 'two stars'],
  ['a*b*c', 'aXXcYYb', false, 'order matters'],
  ['a*a', 'a', false, 'head and tail must not overlap'],
  ['a*a', 'aa', true, 'head and tail adjacent'],
  ['*a?c*', 'xxabcxx', true, '? inside a middle piece'],
  ['*ab?d', 'abxdabcd', true, 'leftmost placement then retry'],
  ['**', 'x', true, 'stars only'],
  ['', '', true, 'empty pattern matches empty'],
  ['*a?c*b', 'xxabcxab', true, '? piece found by shift-and'],
  ['*a?c*', 'xxabxac', false, '? piece absent'],
  ['*?*', '', false, 'a lone ? needs one character'],
  ['*?*', 'x', true, 'a lone ? between stars'],
  ['*??b*', 'bbaa', false, '?? then b: no b after two characters'],
  ['*??b*', 'aabab', true, '?? then b'],
  [`*${'a?'.repeat(20)}*`, 'ab'.repeat(30), true, 'long ? piece (40 chars, fallback)'],
  [`*${'a?'.repeat(20)}*`, 'ab'.repeat(10), false, 'long ? piece too long for the value'],
  ['', 'a', false, 'empty pattern'],
];

describe('globMatch', () => {
  it.each(cases)('%s vs %s → %s (%s)', (p, v, expected) => {
    expect(globMatch(p, v, false)).toBe(expected);
  });

  it('ignores case only when asked', () => {
    expect(globMatch('S3:Get*', 's3:getobject', true)).toBe(true);
    expect(globMatch('S3:Get*', 's3:getobject', false)).toBe(false);
  });

  it('never treats regex metacharacters specially (§9)', () => {
    expect(globMatch('a.c', 'abc', false)).toBe(false);
    expect(globMatch('(a|b)+', '(a|b)+', false)).toBe(true);
    expect(globMatch('${aws:username}', '${aws:username}', false)).toBe(true);
  });

  // Speed on these is measured in bench/evaluator.bench.ts; here, the answers.
  it('gets ? pieces right on a pathological pattern (§9)', () => {
    const g = compileGlob(`${'*a?a'.repeat(200)}*b`, false);
    const value = 'a'.repeat(10_000);
    for (let i = 0; i < 100; i++) expect(matchGlob(g, value)).toBe(false);
    expect(matchGlob(g, `${value}b`)).toBe(true);
  });

  it('gets 300 stars against a 10,000-character value right (§9)', () => {
    const pattern = `${'*a'.repeat(300)}*b`;
    const value = 'a'.repeat(10_000);
    const g = compileGlob(pattern, false);
    for (let i = 0; i < 100; i++) expect(matchGlob(g, value)).toBe(false);
    expect(matchGlob(g, `${value}b`)).toBe(true);
  });
});
