/**
 * How many runs a property makes. `npm test` gets every run asked for. Under
 * `npm run mutation` (vitest.mutation.config.ts sets IAMSIM_MUTATION=1) each
 * surviving mutant reruns every property that covers it, so a property makes a
 * tenth of its runs, and never fewer than 100 (or than asked, if that is less).
 * The seed is fixed there too, so a mutant is killed or not the same way on
 * every run.
 */
export function runs(n: number): number {
  if (process.env['IAMSIM_MUTATION'] !== '1') return n;
  return Math.min(n, Math.max(50, Math.ceil(n / 20)));
}
