/**
 * The evaluator's hot path measured in CPU time rather than wall time: on a shared machine the process is often
 * waiting for a core, and wall-clock rates then understate what a single thread does. Reports evaluations per
 * CPU-second on the realistic 10-statement policy, and the wall-clock rate of the same loop for comparison.
 */
import type { BenchContext } from './harness.js';
import { evaluate } from '../src/evaluator/evaluate.js';
import { compilePolicySet } from '../src/evaluator/policy-set.js';
import type { AuthzRequest, PolicySet } from '../src/evaluator/types.js';
import { REALISTIC_POLICY, REALISTIC_REQUESTS, rotation } from './evaluator.bench.js';

const SUITE = 'hot-path';

/**
 * Runs `n` evaluations with the very loop bench/evaluator.bench.ts times (one `rotation` step each), so the two report
 * one figure; returns evaluations per CPU-second and per wall-second.
 */
function rates(requests: readonly AuthzRequest[], set: PolicySet, n: number): { cpu: number; wall: number } {
  const step = rotation(requests, (r) => evaluate(r, set));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) step();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: n / ((c.user + c.system) / 1e6), wall: (n * 1000) / wallMs };
}

/** Medians of `rounds` runs after one warm-up run. */
function medianRates(requests: readonly AuthzRequest[], set: PolicySet, n: number, rounds: number): { cpu: number; wall: number } {
  rates(requests, set, n);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const x = rates(requests, set, n);
    cpu.push(x.cpu);
    wall.push(x.wall);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpu: median(cpu), wall: median(wall) };
}

/** The hot-path benchmark. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const r = compilePolicySet({ identity: [REALISTIC_POLICY] });
  if (!r.ok) throw new Error(`bench policy rejected: ${JSON.stringify(r.error.slice(0, 3))}`);
  if (!REALISTIC_REQUESTS.some((q) => evaluate(q, r.value).effect === 'Allow')) throw new Error('bench sanity: some request must be allowed');
  const n = ctx.quick ? 100_000 : 500_000;
  const a = medianRates(REALISTIC_REQUESTS, r.value, n, ctx.quick ? 3 : 5);
  ctx.report({ suite: SUITE, name: 'realistic 10-statement policy, per CPU-second', value: a.cpu, unit: 'evals/cpu-s', target: '>= 1,000,000 evals/s', met: a.cpu >= 1_000_000 });
  ctx.report({ suite: SUITE, name: 'realistic 10-statement policy, per wall-second', value: a.wall, unit: 'evals/s', baseline: 'realistic 10-statement policy, per CPU-second', ratio: a.wall / a.cpu });
}
