import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileGlob, globMatch, globWithMask, literalGlob } from '../../../src/evaluator/values/glob.js';
import { globMatches, type GlobToken } from '../../reference/glob.js';
import { runs } from '../../arbitraries/runs.js';

describe('glob pieces with masks [sheet §3.3 StringLike, §3.5 escapes]', () => {
  const masked = (text: string, mask: string) => globWithMask(text, Uint8Array.from([...mask].map(Number)));
  it.each([
    ['a*b', '111', 'aXXb', true],
    ['a*b', '101', 'aXXb', false],
    ['a*b', '101', 'a*b', true],
    ['a?b*', '1011', 'a?bcd', true],
    ['a?b*', '1011', 'aXbcd', false],
    ['a?b*', '1111', 'aXbcd', true],
    ['*?*', '111', '', false],
    ['*?*', '111', 'x', true],
    ['*?*', '101', '?', true],
    ['*?*', '101', 'x', false],
  ])('%j with mask %s ~ %j: %s', (text, mask, value, want) => expect(globMatch(masked(text, mask), value)).toBe(want));
  it('a literal glob has no wildcards', () => {
    expect(globMatch(literalGlob('a?*'), 'a?*')).toBe(true);
    expect(globMatch(literalGlob('a?*'), 'ab*')).toBe(false);
  });
});

describe('glob agrees with the reference matcher (property) [sheet §9]', () => {
  const toTokens = (text: string, mask: readonly boolean[]): GlobToken[] =>
    [...text].map((ch, i): GlobToken => (mask[i] && ch === '*' ? { kind: 'star' } : mask[i] && ch === '?' ? { kind: 'one' } : { kind: 'lit', ch, raw: true }));
  it('on random patterns over {a, b, *, ?} with random literal masks', () => {
    const arb = fc.array(fc.record({ ch: fc.constantFrom('a', 'b', '*', '?'), wild: fc.boolean() }), { maxLength: 8 }).chain((p) =>
      fc.record({ p: fc.constant(p), value: fc.stringMatching(/^[ab*?]{0,10}$/) }));
    fc.assert(fc.property(arb, ({ p, value }) => {
      const text = p.map((x) => x.ch).join('');
      const mask = p.map((x) => x.wild);
      const g = globWithMask(text, Uint8Array.from(mask.map((m) => (m ? 1 : 0))));
      expect(globMatch(g, value)).toBe(globMatches(toTokens(text, mask), value, false));
      expect(globMatch(compileGlob(text), value)).toBe(globMatches(toTokens(text, mask.map(() => true)), value, false));
    }), { numRuns: runs(3000) });
  });
});

describe('long pieces with ? (multi-word Shift-And) agree with the reference matcher', () => {
  it('on patterns with pieces of up to 90 characters', () => {
    const piece = fc.stringMatching(/^[ab?]{20,90}$/);
    const arb = fc.record({ a: piece, b: piece, value: fc.stringMatching(/^[ab]{0,300}$/), lead: fc.boolean(), trail: fc.boolean() });
    fc.assert(fc.property(arb, ({ a, b, value, lead, trail }) => {
      const text = `${lead ? '*' : ''}${a}*${b}${trail ? '*' : ''}`;
      const tokens = [...text].map((ch): GlobToken => (ch === '*' ? { kind: 'star' } : ch === '?' ? { kind: 'one' } : { kind: 'lit', ch, raw: true }));
      expect(globMatch(compileGlob(text), value)).toBe(globMatches(tokens, value, false));
      // The same pieces embedded in a value that certainly contains them.
      const hit = `${'ab'.repeat(10)}${a.replace(/\?/g, 'a')}${'b'.repeat(5)}${b.replace(/\?/g, 'b')}`;
      expect(globMatch(compileGlob(`*${a}*${b}*`), hit)).toBe(true);
    }), { numRuns: runs(500) });
  });
});

// Speed on these inputs is measured in bench/evaluator.bench.ts (time at 20,000
// characters against 10,000), never here: a backtracking matcher would not finish
// them at all, and the test timeout is the guard against that.
describe('pathological patterns get the right answer [issue 2: linear-time wildcard matching]', () => {
  it('hundreds of stars against a 10,000-character value', () => {
    const value = 'a'.repeat(10_000);
    const g = compileGlob(`${'*a'.repeat(300)}*b`);
    for (let i = 0; i < 10; i++) expect(globMatch(g, value)).toBe(false);
    expect(globMatch(compileGlob(`${'*a'.repeat(300)}*`), value)).toBe(true);
  });
  it('a long run of ? between stars', () => {
    const value = 'a'.repeat(10_000);
    expect(globMatch(compileGlob(`*${'?'.repeat(3000)}b*`), value)).toBe(false);
    expect(globMatch(compileGlob(`*${'?'.repeat(3000)}a*`), value)).toBe(true);
  });
  it('a long literal run after a star', () => {
    const value = 'a'.repeat(10_000);
    const g = compileGlob(`*${'a'.repeat(3000)}b`);
    expect(globMatch(g, value)).toBe(false);
    expect(globMatch(g, `${value}b`)).toBe(true);
  });
});
