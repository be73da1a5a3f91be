/** A seeded random source (seedrandom): the only randomness the generator uses. */
import seedrandom from 'seedrandom';

/** Draws from one seeded stream. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(xs: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A stream for `seed`, optionally split by a label so adding draws in one part never shifts another. */
export function makeRng(seed: string | number, label = ''): Rng {
  const r = seedrandom(`iamsim-generate:${String(seed)}:${label}`);
  const next = (): number => r.quick();
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick<T>(xs: readonly T[]): T {
      const x = xs[Math.floor(next() * xs.length)];
      if (x === undefined) throw new Error('pick from an empty list');
      return x;
    },
    chance: (p) => next() < p,
  };
}
