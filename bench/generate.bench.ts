/**
 * Generation and a full audit of generated accounts (src/generate) with 180 days of activity at 1,000, 10,000 and
 * 100,000 users (quick: 1,000 and 5,000). Each size runs in a fresh process (bench/generate-one.ts), so every size
 * starts from the same state and its peak RSS is its own: wall time, CPU time, time in garbage collection, peak heap
 * and RSS, and the growth ratio between sizes (time ratio over size ratio: 1.0 is linear). Target: a 10,000-user
 * account audited by every check in < 5 s on one core (judged by the process's CPU time, which other processes on a
 * loaded machine do not inflate) and < 1 GB.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { GenerateSizeResult } from './generate-one.js';
import type { BenchContext } from './harness.js';

/**
 * "Close to linear": ten times the users may cost at most 1.25 times ten times the time. Some excess is expected and
 * not algorithmic: a 100,000-user generation keeps a 2 GB heap, where collections and cache misses cost more per event.
 */
const MAX_GROWTH = 1.25;
const CLOSE_TO_LINEAR = `≤ ${MAX_GROWTH} (close to linear)`;

const here = dirname(fileURLToPath(import.meta.url));

/** Runs one size in a child process with the flags of `npm run bench`. */
async function runSize(users: number): Promise<GenerateSizeResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'generate-one.ts'), String(users)], {
    cwd: join(here, '..'),
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as GenerateSizeResult;
}

/** The benchmark. */
export default async function generateBench(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [1_000, 5_000] : [1_000, 10_000, 100_000];
  let prev: GenerateSizeResult | undefined;
  for (const n of sizes) {
    const r = await runSize(n);
    const label = `${n.toLocaleString('en-US')} users, 180 days`;
    const g = r.generate;
    const a = r.audit;
    const share = (gc: number, ms: number): string => `${Math.round((100 * gc) / ms)}% in GC`;
    ctx.report({ suite: 'generate', name: `generate ${label} (${r.events.toLocaleString('en-US')} events)`, value: g.ms, unit: `ms wall, ${share(g.gcMs, g.ms)}` });
    ctx.report({ suite: 'generate', name: `generate ${label}: peak heap / RSS`, value: g.peakHeapMB, unit: `MB heap, ${Math.round(g.peakRssMB)} MB RSS` });
    ctx.report({
      suite: 'generate', name: `audit ${label}, ${a.checks} checks (${a.findings} findings${a.exact ? ' = ground truth' : ' ≠ ground truth'})`, value: a.ms, unit: `ms wall, ${share(a.gcMs, a.ms)}`,
    });
    // On a shared machine wall time counts the other processes' turns too; the process's own CPU time is what one core spends.
    ctx.report({ suite: 'generate', name: `audit ${label}: CPU time of this process`, value: a.cpuMs, unit: 'ms CPU', ...(n === 10_000 ? { target: '< 5,000 ms on one core', met: a.cpuMs < 5_000 } : {}) });
    ctx.report({
      suite: 'generate', name: `audit ${label}: peak heap / process peak RSS`, value: a.peakHeapMB, unit: `MB heap, ${Math.round(a.processPeakRssMB)} MB RSS (generation included)`,
      ...(n === 10_000 ? { target: '< 1,024 MB RSS', met: a.processPeakRssMB < 1024 } : {}),
    });
    if (prev !== undefined) {
      const size = n / prev.users;
      const from = `${prev.users.toLocaleString('en-US')} → ${n.toLocaleString('en-US')}`;
      const growth = g.ms / prev.generate.ms / size;
      ctx.report({ suite: 'generate', name: `generate growth ${from} (time ratio / size ratio)`, value: growth, unit: '(1.0 = linear)', target: CLOSE_TO_LINEAR, met: growth <= MAX_GROWTH });
      ctx.report({ suite: 'generate', name: `generate growth ${from}, GC time left out`, value: (g.ms - g.gcMs) / (prev.generate.ms - prev.generate.gcMs) / size, unit: '(1.0 = linear)' });
      const auditGrowth = a.ms / prev.audit.ms / size;
      ctx.report({ suite: 'generate', name: `audit growth ${from} (time ratio / size ratio)`, value: auditGrowth, unit: '(1.0 = linear)', target: CLOSE_TO_LINEAR, met: auditGrowth <= MAX_GROWTH });
    }
    prev = r;
  }
}
