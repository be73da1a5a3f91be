import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, globMatchIn, globWithMask, literalGlob, type Glob } from '../../../src/evaluator/values/glob.js';
import { globMatches, type GlobToken } from '../../reference/glob.js';

/** A glob from text and a mask written as digits, one per character: '1' wildcard, '0' literal. */
const masked = (text: string, mask: string): Glob => globWithMask(text, Uint8Array.from([...mask].map(Number)));

/** Reference tokens for text under a mask (null: every `*` and `?` is a wildcard). */
const tokens = (text: string, mask: string | null): GlobToken[] =>
  [...text].map((ch, i): GlobToken => {
    const wild = mask === null || mask[i] === '1';
    if (wild && ch === '*') return { kind: 'star' };
    if (wild && ch === '?') return { kind: 'one' };
    return { kind: 'lit', ch, raw: true };
  });

/** Every string over `alphabet` of length 0 … max. */
function strings(alphabet: readonly string[], max: number): string[] {
  const out = [''];
  let level = [''];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...level);
  }
  return out;
}

describe('compileGlob: the compiled form names its shape, so matchers can take a fast path [sheet §3.3]', () => {
  it.each([
    ['', 'exact', ''],
    ['abc', 'exact', ''],
    ['*', 'any', ''],
    ['***', 'any', ''],
    ['a*', 'prefix', 'a'],
    ['ab/*', 'prefix', 'ab/'],
    ['*a', 'general', ''],
    ['a**', 'general', ''],
    ['*a*', 'general', ''],
    ['a*b', 'general', ''],
    ['?', 'general', ''],
    ['a?', 'general', ''],
    ['?*', 'general', ''],
    ['*?', 'general', ''],
    ['a?*', 'general', ''],
  ] as const)('%j is %s with head %j', (text, shape, head) => {
    const g = compileGlob(text);
    expect(g.shape).toBe(shape);
    expect(g.head).toBe(head);
    if (shape !== 'general') expect(g.pieces).toEqual([]);
  });

  it('literal characters do not count towards the shape', () => {
    expect(masked('a*', '00').shape).toBe('exact');
    expect(masked('a?', '00').shape).toBe('exact');
    expect(masked('**', '00').shape).toBe('exact');
    expect([masked('**', '01').shape, masked('**', '01').head]).toEqual(['prefix', '*']);
    expect(masked('**', '10').shape).toBe('general');
    const prefix = masked('a*b?*', '00001');
    expect([prefix.shape, prefix.head]).toEqual(['prefix', 'a*b?']);
  });

  it('splits a general glob into the non-empty pieces between stars, marking each wildcard ?', () => {
    const g = compileGlob('**a**b?c?**d');
    expect(g.pieces.map((p) => [p.text, p.q === null ? null : [...p.q]])).toEqual([
      ['a', null],
      ['b?c?', [0, 1, 0, 1]],
      ['d', null],
    ]);
    expect([g.hasStar, g.leadingStar, g.trailingStar]).toEqual([true, true, false]);
  });

  it('a masked `?` or `*` stays in its piece as a literal character', () => {
    const g = masked('x*y?z*', '010001');
    expect(g.pieces.map((p) => [p.text, p.q === null ? null : [...p.q]])).toEqual([
      ['x', null],
      ['y?z', null],
    ]);
    expect([g.hasStar, g.leadingStar, g.trailingStar]).toEqual([true, false, true]);
    const lastLiteral = masked('*a*', '100');
    expect([lastLiteral.leadingStar, lastLiteral.trailingStar]).toEqual([true, false]);
  });
});

describe('globMatch: anchoring and piece placement [sheet §2.2, §3.3]', () => {
  it.each([
    ['*a', 'ab', false],
    ['*a', 'ba', true],
    ['*ab', 'abab', true],
    ['a?*', 'a', false],
    ['a?*', 'ab', true],
    ['?a*', 'a', false],
    ['*a?', 'a', false],
    ['*a?', 'ab', true],
    ['*a*a', 'a', false],
    ['*a*a', 'aa', true],
    ['a*a', 'a', false],
    ['*ab*b', 'ab', false],
    ['*ab*b', 'abb', true],
    ['*ab*b*', 'ab', false],
    ['*ab*b*', 'abxb', true],
    ['*ab*ba*', 'aba', false],
    ['*ab*ba*', 'abba', true],
    ['a*b?', 'ab', false],
    ['a*b?', 'abc', true],
    ['?', '', false],
    ['??', 'a', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
  ])('%j ~ %j: %s', (pattern, value, want) => {
    expect(globMatch(compileGlob(pattern), value)).toBe(want);
  });

  it('a long piece with `?` (more than 32 characters) never reaches past the end of the value', () => {
    const a33 = 'a'.repeat(33);
    expect(globMatch(compileGlob(`*${a33}?*`), a33)).toBe(false);
    expect(globMatch(compileGlob(`*${a33}?*`), `${a33}b`)).toBe(true);
  });

  it('a long piece with `?` never overlaps the piece anchored at the end', () => {
    const a33 = 'a'.repeat(33);
    expect(globMatch(compileGlob(`*${a33}?*x`), `${a33}x`)).toBe(false);
    expect(globMatch(compileGlob(`*${a33}?*x`), `${a33}bx`)).toBe(true);
    expect(globMatch(compileGlob(`*?${a33}*x`), `b${a33}x`)).toBe(true);
  });

  it('agrees with the reference matcher on every pattern over {a, b, *, ?} up to 4 characters and every value over {a, b} up to 4', () => {
    const patterns = strings(['a', 'b', '*', '?'], 4);
    const values = strings(['a', 'b'], 4);
    const wrong: string[] = [];
    for (const p of patterns) {
      const g = compileGlob(p);
      for (const v of values) if (globMatch(g, v) !== globMatches(tokens(p, null), v, false)) wrong.push(`${p} ~ ${v}`);
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with the reference matcher on every masked pattern over {a, *, ?} up to 3 characters, against values over {a, *, ?}', () => {
    const values = strings(['a', '*', '?'], 3);
    const wrong: string[] = [];
    for (const p of strings(['a', '*', '?'], 3)) {
      for (const mask of strings(['0', '1'], p.length).filter((m) => m.length === p.length)) {
        const g = masked(p, mask);
        for (const v of values) if (globMatch(g, v) !== globMatches(tokens(p, mask), v, false)) wrong.push(`${p}/${mask} ~ ${v}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('globMatchIn: matches only the window value[vs, ve)', () => {
  it('an exact glob must fill the window', () => {
    expect(globMatchIn(compileGlob('ab'), 'xaby', 1, 3)).toBe(true);
    expect(globMatchIn(compileGlob('ab'), 'xabc', 1, 4)).toBe(false);
    expect(globMatchIn(compileGlob('ab'), 'xab', 1, 2)).toBe(false);
  });

  it('a prefix glob must fit in the window, not run past its end', () => {
    expect(globMatchIn(compileGlob('ab*'), 'abc', 0, 1)).toBe(false);
    expect(globMatchIn(compileGlob('ab*'), 'xxab', 2, 3)).toBe(false);
    expect(globMatchIn(compileGlob('ab*'), 'xxab', 2, 4)).toBe(true);
    expect(globMatchIn(compileGlob('ab*'), 'abc', 0, 2)).toBe(true);
    expect(globMatchIn(compileGlob('*'), 'abc', 1, 1)).toBe(true);
  });

  it('agrees with globMatch on the window cut out, for every pattern over {a, b, *, ?} up to 4 characters', () => {
    const patterns = strings(['a', 'b', '*', '?'], 4);
    const values = strings(['a', 'b'], 3);
    const wrong: string[] = [];
    for (const p of patterns) {
      const g = compileGlob(p);
      for (const v of values) {
        const framed = `ab${v}ba`;
        if (globMatchIn(g, framed, 2, 2 + v.length) !== globMatch(g, v)) wrong.push(`${p} ~ ${v}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('literalGlob: `*` and `?` are ordinary characters', () => {
  it.each([
    ['*a', 'xa', false],
    ['*a', '*a', true],
    ['a?c', 'abc', false],
    ['a?c', 'a?c', true],
    ['?', 'x', false],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
  ])('%j ~ %j: %s', (text, value, want) => {
    expect(globMatch(literalGlob(text), value)).toBe(want);
    expect(literalGlob(text).shape).toBe('exact');
  });
});
