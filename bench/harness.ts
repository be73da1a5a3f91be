/**
 * The benchmark harness. Each `bench/*.bench.ts` default-exports `(ctx: BenchContext) => Promise<void>`.
 * Figures are reported as ratios to a baseline measured in the same run, since CI machines are noisy.
 */
import { GCProfiler } from 'node:v8';

/** One reported figure. */
export interface BenchRow {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The name of the baseline row in the same run this figure is compared against, and the ratio value/baseline. */
  readonly baseline?: string;
  readonly ratio?: number;
  /** A target, as text, e.g. '>= 1,000,000 evals/s'; `met` says whether it was reached. */
  readonly target?: string;
  readonly met?: boolean;
}

/** What a benchmark module receives. */
export interface BenchContext {
  report(row: BenchRow): void;
  /** True when `npm run bench -- --quick` asked for smaller sizes (used by tests of the bench code). */
  readonly quick: boolean;
}

/** Runs `fn` repeatedly for at least `minMs` and returns operations per second (after a warm-up). */
export function opsPerSecond(fn: () => void, minMs = 1000): number {
  const warmUntil = performance.now() + Math.min(300, minMs / 3);
  while (performance.now() < warmUntil) fn();
  let ops = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
    batch = Math.min(batch * 2, 1 << 16);
    elapsed = performance.now() - start;
  }
  return (ops * 1000) / elapsed;
}

/**
 * Times one call of `fn` in milliseconds, with its garbage-collection time and peak heap and RSS.
 * The peak heap is the largest heap seen before any collection during the call (V8's GC profiler records each one
 * synchronously, so synchronous code is covered too), or at the end. RSS is sampled every 50 ms while `fn` yields, and
 * at the start and end; a synchronous `fn` that needs more can run in a child process (see generate.bench.ts).
 */
export async function measure<T>(fn: () => T | Promise<T>): Promise<{ result: T; ms: number; gcMs: number; peakHeapMB: number; peakRssMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const timer = setInterval(sample, 50);
  const gc = new GCProfiler();
  gc.start();
  const start = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - start;
    const collections = gc.stop()?.statistics ?? [];
    sample();
    for (const c of collections) peakHeap = Math.max(peakHeap, c.beforeGC.heapStatistics.usedHeapSize);
    const gcMs = collections.reduce((sum, c) => sum + c.cost, 0) / 1000;
    return { result, ms, gcMs, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}
