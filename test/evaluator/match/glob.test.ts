import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, hasWildcard } from '../../../src/evaluator/match/glob.js';

// The IAM wildcard matcher of Action and Resource: `*` any run, `?` one character (sheet §2.2, §9).

describe('compileGlob: the compiled shapes', () => {
  it('keeps text without wildcards literal, lowercased on request', () => {
    expect(compileGlob('abc', false)).toEqual({ kind: 'literal', text: 'abc' });
    expect(compileGlob('AbC', true)).toEqual({ kind: 'literal', text: 'abc' });
    expect(compileGlob('AbC', false)).toEqual({ kind: 'literal', text: 'AbC' });
  });

  it('compiles only-? patterns to an exact-length pattern', () => {
    expect(compileGlob('a?c', false)).toEqual({ kind: 'pattern', head: 'a?c', middle: [], bitap: [], tail: '', exact: true, minLength: 3 });
  });

  it('compiles stars alone to any and one trailing star to a prefix', () => {
    expect(compileGlob('*', false)).toEqual({ kind: 'any' });
    expect(compileGlob('***', false)).toEqual({ kind: 'any' });
    expect(compileGlob('ab*', false)).toEqual({ kind: 'prefix', text: 'ab' });
  });

  it('does not take a trailing star after a ? for a prefix', () => {
    expect(compileGlob('a?*', false)).toEqual({ kind: 'pattern', head: 'a?', middle: [], bitap: [], tail: '', exact: false, minLength: 2 });
    expect(globMatch('a?*', 'abX', false)).toBe(true);
    expect(globMatch('a?*', 'a', false)).toBe(false);
  });

  it('splits at stars into head, non-empty middle pieces and tail, with shift-and tables for ? pieces', () => {
    expect(compileGlob('*a**b?*c', false)).toEqual({
      kind: 'pattern',
      head: '',
      middle: ['a', 'b?'],
      bitap: [null, { length: 2, any: 2, masks: new Map([[98, 1]]) }],
      tail: 'c',
      exact: false,
      minLength: 4,
    });
    expect(compileGlob('x*y', false)).toEqual({ kind: 'pattern', head: 'x', middle: [], bitap: [], tail: 'y', exact: false, minLength: 2 });
  });

  it('builds a table per character for a ? piece of up to 31 characters, none for longer ones', () => {
    const p31 = `${'ab'.repeat(15)}?`;
    const g31 = compileGlob(`*${p31}*`, false);
    expect(g31.kind === 'pattern' ? g31.bitap : null).toEqual([{
      length: 31,
      any: 2 ** 30,
      masks: new Map([[97, 0x15555555], [98, 0x2aaaaaaa]]),
    }]);
    const g32 = compileGlob(`*${'a'.repeat(31)}?*`, false);
    expect(g32.kind === 'pattern' ? g32.bitap : null).toEqual([null]);
  });
});

describe('matchGlob: placing the pieces', () => {
  const long = `${'a'.repeat(31)}?`; // 32 characters with a ?: found by trying each offset
  const cases: [string, string, boolean, string][] = [
    ['a*b*c', 'xbc', false, 'the head is anchored at the start'],
    ['a*b*c', 'abc', true, 'the head is anchored at the start'],
    ['a*xy*yz', 'a_xyz', false, 'a middle piece may not overlap the tail'],
    ['a*xy*yz', 'a_xyyz', true, 'a middle piece before the tail'],
    ['a*x?*yz', 'a_xyz', false, 'a ? middle piece may not overlap the tail'],
    ['a*x?*yz', 'a_xqyz', true, 'a ? middle piece before the tail'],
    ['*x?*yz*', 'x1yz', true, 'the next piece starts right after a ? piece'],
    ['*x?*x?*', 'x1x2', true, 'two ? pieces one after the other'],
    ['*x?*x?*', 'x1x', false, 'two ? pieces may not overlap'],
    ['*ab*ab*', 'xaby', false, 'two pieces may not overlap'],
    ['*ab*ab*', 'xabab', true, 'two pieces one after the other'],
    [`*${long}*`, `b${'a'.repeat(31)}c`, true, 'a long ? piece found past the start'],
    [`*${long}*`, `${'a'.repeat(31)}b`, true, 'a long ? piece that fills the value'],
    [`*${long}*`, 'b'.repeat(40), false, 'a long ? piece that is nowhere'],
    [`*${long}*zz`, `bb${'a'.repeat(31)}zz`, false, 'a long ? piece may not overlap the tail'],
    [`*${long}*zz`, `bb${'a'.repeat(31)}qzz`, true, 'a long ? piece before the tail'],
    [`*${long}*${long}*`, `${'a'.repeat(31)}b${'a'.repeat(31)}c`, true, 'two long ? pieces in order'],
    [`*${long}*${long}*`, `${'a'.repeat(31)}b${'a'.repeat(30)}`, false, 'two long ? pieces may not overlap'],
  ];
  it.each(cases)('%j ~ %j: %s (%s)', (pattern, value, want) => expect(globMatch(pattern, value, false)).toBe(want));
});

describe('hasWildcard', () => {
  it.each([
    ['*', true], ['?', true], ['a*', true], ['a?b', true], ['*?', true], ['abc', false], ['', false],
  ])('%j: %s', (text, want) => expect(hasWildcard(text)).toBe(want));
});
