import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshPersonName } from '../../src/generate/names.js';
import { makeRng } from '../../src/generate/rng.js';

/** The plain definition: the first of first.last, first.last2, first.last3, … in `taken` other than `given`. */
function reference(base: string, taken: ReadonlySet<string>, given: string): string {
  const free = (n: string): boolean => n === given || !taken.has(n);
  let name = base;
  for (let i = 2; !free(name); i++) name = `${base}${i}`;
  return name;
}

describe('freshPersonName', () => {
  it('gives the smallest free suffix, also when other names join the set between calls', () => {
    fc.assert(fc.property(fc.integer(), fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 30 }), (seed, suffixes) => {
      const rng = makeRng(seed, 'names');
      const taken = new Set<string>();
      const bases: string[] = [];
      for (let k = 0; k < 3000; k++) {
        // Someone else takes a name ahead of the suffix counter (a chosen user name in a violation).
        if (k % 3 === 0 && bases.length > 0) taken.add(`${bases[k % bases.length]!}${suffixes[k % suffixes.length]!}`);
        const size = taken.size;
        const { userName, display } = freshPersonName(rng, taken);
        const base = display.toLowerCase().replace(' ', '.');
        bases.push(base);
        expect(userName).toBe(reference(base, taken, userName));
        expect(taken.size).toBe(size + 1);
      }
    }), { numRuns: 10 });
  });

  it('100,000 names from 3,600 bases are all distinct', () => {
    const rng = makeRng(1, 'names');
    const taken = new Set<string>();
    for (let k = 0; k < 100_000; k++) freshPersonName(rng, taken);
    expect(taken.size).toBe(100_000);
  });
});
