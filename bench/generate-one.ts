/**
 * One size of the generation benchmark, run in a fresh process by generate.bench.ts so every size starts from the
 * same state (an empty heap, the same warm-up) and the process's peak RSS belongs to this size alone.
 * Usage: node --expose-gc --import tsx bench/generate-one.ts USERS. Prints one JSON line (GenerateSizeResult).
 */
import { runChecks } from '../src/checks/run-checks.js';
import { generate } from '../src/generate/index.js';
import { measure } from './harness.js';

/** What one size measured. Times in ms; memory in MB. */
export interface GenerateSizeResult {
  readonly users: number;
  readonly events: number;
  readonly generate: { readonly ms: number; readonly cpuMs: number; readonly gcMs: number; readonly peakHeapMB: number; readonly peakRssMB: number };
  readonly audit: { readonly ms: number; readonly cpuMs: number; readonly gcMs: number; readonly peakHeapMB: number; readonly processPeakRssMB: number; readonly checks: number; readonly findings: number; readonly exact: boolean };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const users = Number(process.argv[2]);
  if (!Number.isInteger(users) || users < 1) throw new Error(`usage: generate-one.ts USERS (got ${process.argv[2] ?? 'nothing'})`);
  // The same warm-up in every process: the AWS managed catalog, compiled policies and the JIT.
  const warm = generate({ seed: 'bench-warm', users: 200, violations: 'all' });
  if (warm.ok) runChecks(warm.value.account, { now: warm.value.now });
  let cpu0 = process.cpuUsage();
  const g = await measure(() => generate({ seed: 'bench', users, days: 180, violations: 'all' }));
  const genCpu = cpuMs(cpu0);
  const genRss = maxRssMB();
  if (!g.result.ok) throw new Error(`generate failed: ${JSON.stringify(g.result.error)}`);
  const { account, now, groundTruth } = g.result.value;
  cpu0 = process.cpuUsage();
  const a = await measure(() => runChecks(account, { now }));
  const auditCpu = cpuMs(cpu0);
  const truth = new Set(groundTruth.map((t) => `${t.checkId} ${t.resource}`));
  const found = new Set(a.result.findings.map((f) => `${f.checkId} ${f.resource.arn}`));
  const result: GenerateSizeResult = {
    users,
    events: account.activity.size,
    generate: { ms: g.ms, cpuMs: genCpu, gcMs: g.gcMs, peakHeapMB: g.peakHeapMB, peakRssMB: genRss },
    audit: {
      ms: a.ms, cpuMs: auditCpu, gcMs: a.gcMs, peakHeapMB: a.peakHeapMB, processPeakRssMB: maxRssMB(),
      checks: a.result.ran.length, findings: found.size, exact: truth.size === found.size && [...truth].every((k) => found.has(k)),
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
