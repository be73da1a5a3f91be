/**
 * Generation and a full audit of generated accounts (src/generate) with 180 days of activity at 1,000, 10,000 and
 * 100,000 users (quick: 1,000 and 5,000): wall time, the audit's CPU time, peak heap and RSS, and the growth ratio
 * between sizes (time ratio over size ratio: 1.0 is linear). Target: a 10,000-user account audited by every check in
 * < 5 s on one core (judged by the process's CPU time, which other processes on a loaded machine do not inflate) and < 1 GB.
 */
import { runChecks } from '../src/checks/run-checks.js';
import { generate } from '../src/generate/index.js';
import { measure, type BenchContext } from './harness.js';

/** The benchmark. */
export default async function generateBench(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [1_000, 5_000] : [1_000, 10_000, 100_000];
  // Warm the process-wide caches (the AWS managed catalog, compiled policies) on a small account first.
  const warm = generate({ seed: 'bench-warm', users: 50, violations: 'all' });
  if (warm.ok) runChecks(warm.value.account, { now: warm.value.now });
  let prev: { n: number; gen: number; audit: number } | undefined;
  for (const n of sizes) {
    const label = `${n.toLocaleString('en-US')} users, 180 days`;
    const g = await measure(() => generate({ seed: 'bench', users: n, days: 180, violations: 'all' }));
    if (!g.result.ok) throw new Error(`generate failed: ${JSON.stringify(g.result.error)}`);
    const { account, now, groundTruth } = g.result.value;
    ctx.report({ suite: 'generate', name: `generate ${label} (${account.activity.size.toLocaleString('en-US')} events)`, value: g.ms, unit: 'ms' });
    ctx.report({ suite: 'generate', name: `generate ${label}: peak heap / RSS`, value: g.peakHeapMB, unit: `MB heap, ${Math.round(g.peakRssMB)} MB RSS` });
    const cpu0 = process.cpuUsage();
    const a = await measure(() => runChecks(account, { now }));
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const truth = new Set(groundTruth.map((t) => `${t.checkId} ${t.resource}`));
    const found = new Set(a.result.findings.map((f) => `${f.checkId} ${f.resource.arn}`));
    const exact = truth.size === found.size && [...truth].every((k) => found.has(k));
    ctx.report({
      suite: 'generate', name: `audit ${label}, ${a.result.ran.length} checks (${found.size} findings${exact ? ' = ground truth' : ' ≠ ground truth'})`, value: a.ms, unit: 'ms wall',
    });
    // On a shared machine wall time counts the other processes' turns too; the process's own CPU time is what one core spends.
    ctx.report({ suite: 'generate', name: `audit ${label}: CPU time of this process`, value: cpuMs, unit: 'ms CPU', ...(n === 10_000 ? { target: '< 5,000 ms on one core', met: cpuMs < 5_000 } : {}) });
    ctx.report({ suite: 'generate', name: `audit ${label}: peak heap / RSS`, value: a.peakHeapMB, unit: `MB heap, ${Math.round(a.peakRssMB)} MB RSS`, ...(n === 10_000 ? { target: '< 1,024 MB RSS', met: a.peakRssMB < 1024 } : {}) });
    if (prev !== undefined) {
      const size = n / prev.n;
      ctx.report({ suite: 'generate', name: `generate growth ${prev.n.toLocaleString('en-US')} → ${n.toLocaleString('en-US')} (time ratio / size ratio)`, value: g.ms / prev.gen / size, unit: '(1.0 = linear)' });
      ctx.report({ suite: 'generate', name: `audit growth ${prev.n.toLocaleString('en-US')} → ${n.toLocaleString('en-US')} (time ratio / size ratio)`, value: a.ms / prev.audit / size, unit: '(1.0 = linear)' });
    }
    prev = { n, gen: g.ms, audit: a.ms };
  }
}
