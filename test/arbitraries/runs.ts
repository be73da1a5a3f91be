/**
 * How many runs a property makes. `npm test` gets every run asked for. Under
 * `npm run mutation` (vitest.mutation.config.ts sets IAMSIM_MUTATION=1) each
 * surviving mutant reruns every property that covers it, so a property makes a
 * twentieth of its runs, and never fewer than 50 (or than asked, if that is less;
 * a property over whole accounts may ask for a lower floor).
 * The seed is fixed there too, so a mutant is killed or not the same way on
 * every run.
 */
export function runs(n: number, floor = 50): number {
  if (process.env['IAMSIM_MUTATION'] !== '1') return n;
  return Math.min(n, Math.max(floor, Math.ceil(n / 20)));
}

/**
 * The items a corpus test walks: all of them under `npm test`; under `npm run mutation` a fixed sample of about one in
 * `every` (always including the first), since every mutant the corpus covers reruns the whole walk.
 */
export function corpus<T>(items: readonly T[], every = 20): readonly T[] {
  if (process.env['IAMSIM_MUTATION'] !== '1') return items;
  return items.filter((_, i) => i % every === 0);
}
