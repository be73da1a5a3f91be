/**
 * Scenario replay at scale: a generated scenario of 1,250, 2,500, 5,000 and 10,000 steps (requests, clock moves,
 * operations, assertions, notes, a check every 500 steps, and a weekday schedule firing throughout), loaded and replayed.
 * Linear growth shows as time per step staying flat. Each size is compared with the size half as large: per-step cost
 * at N over per-step cost at N/2 must be at most 1.5. (Comparing every size with the smallest could not fail: the
 * smallest carries the fixed start-up cost over the fewest steps, so its per-step cost is the highest.)
 */
import type { BenchContext } from './harness.js';
import { measure } from './harness.js';
import { loadScenario } from '../src/scenarios/load.js';
import { replay } from '../src/scenarios/replay.js';

const USERS = 20;

/** A scenario of `n` steps with a fixed mix per 10 steps, so the cost per step is the same at every size. */
export function generatedScenario(n: number): string {
  const out: string[] = [
    'name: generated',
    'start: 2026-03-02T08:00',
    'timezone: Europe/London',
    'seed: 42',
    'account:',
    '  groups:',
    '    staff: { policies: [ReadOnlyAccess] }',
    '  policies:',
    '    Drop:',
    '      Version: "2012-10-17"',
    '      Statement:',
    '        - { Sid: Drop, Effect: Allow, Action: [s3:PutObject], Resource: "arn:aws:s3:::drop/*", Condition: { IpAddress: { aws:SourceIp: 203.0.113.0/24 } } }',
    '  users:',
  ];
  for (let u = 0; u < USERS; u++) out.push(`    u${u}: { keys: 1, groups: [staff] }`);
  out.push(
    'schedule:',
    '  - every: weekdays 09:00',
    '    do: { AttachUserPolicy: { user: u0, policy: Drop } }',
    '  - every: weekdays 17:30',
    '    do: { DetachUserPolicy: { user: u0, policy: Drop } }',
    'steps:',
  );
  let attached = false;
  for (let i = 0; i < n; i++) {
    const u = `u${(i % (USERS - 1)) + 1}`;
    switch (i % 10) {
      case 0: out.push('  - advance: 2h'); break;
      case 1: out.push(`  - note: step ${i}`); break;
      case 2:
        out.push(`  - ${attached ? 'DetachUserPolicy' : 'AttachUserPolicy'}: { user: ${u.replace(/\d+$/, '1')}, policy: Drop }`);
        attached = !attached;
        break;
      case 3: out.push(`  - assert: { user: ${u}, groups: [staff] }`); break;
      default:
        if (i % 500 === 499) out.push('  - check: [access-key-rotation]');
        else out.push(`  - request: { as: ${u}, action: s3:GetObject, resource: "arn:aws:s3:::data/${i}.csv", from: 203.0.113.${i % 250} }`, '    expect: Allow');
    }
  }
  return `${out.join('\n')}\n`;
}

/** One step of the linear-growth target: per-step cost at `n` over that at `half` (the size before, N/2). */
export interface GrowthStep {
  readonly n: number;
  readonly half: number;
  readonly ratio: number;
  readonly met: boolean;
}

/** Largest allowed growth of the per-step cost from N/2 to N. */
export const MAX_GROWTH = 1.5;

/**
 * The linear-growth verdicts for measured sizes (ascending, each twice the one before): every size is compared with
 * the one before it, so superlinear cost fails wherever it starts, not only against the smallest size.
 */
export function growthSteps(points: readonly { readonly n: number; readonly ms: number }[]): GrowthStep[] {
  return points.slice(1).map((p, i) => {
    const prev = points[i]!;
    if (p.n !== prev.n * 2) throw new Error(`sizes must double: ${prev.n} then ${p.n}`);
    const ratio = p.ms / p.n / (prev.ms / prev.n);
    return { n: p.n, half: prev.n, ratio, met: ratio <= MAX_GROWTH };
  });
}

/** The sizes, each twice the one before, so every ratio compares N with N/2. */
export const SIZES = { quick: [250, 500, 1000, 2000], full: [1250, 2500, 5000, 10000] } as const;

/** Reports load and replay time per size, and the per-step cost ratio to the size half as large. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? SIZES.quick : SIZES.full;
  // Warm up the evaluator, ajv and Intl once.
  const warm = loadScenario(generatedScenario(ctx.quick ? 200 : 1000), 'warm.yaml');
  if (warm.ok) replay(warm.value);
  const points: { n: number; ms: number }[] = [];
  const repeats = ctx.quick ? 1 : 3;
  for (const n of sizes) {
    const text = generatedScenario(n);
    // The best of a few runs: the machine is shared, and the minimum is the least disturbed figure.
    let loadMs = Infinity;
    let replayMs = Infinity;
    let heap = 0;
    let scheduled = 0;
    for (let k = 0; k < repeats; k++) {
      const loaded = await measure(() => loadScenario(text, `generated-${n}.yaml`));
      if (!loaded.result.ok) throw new Error(`generated scenario does not load: ${loaded.result.error[0]?.message ?? ''}`);
      const scenario = loaded.result.value;
      const replayed = await measure(() => replay(scenario));
      if (!replayed.result.summary.ok) throw new Error(`generated scenario has ${replayed.result.summary.failed} unmet expectations`);
      loadMs = Math.min(loadMs, loaded.ms);
      replayMs = Math.min(replayMs, replayed.ms);
      heap = Math.max(heap, replayed.peakHeapMB);
      scheduled = replayed.result.summary.scheduled;
    }
    points.push({ n, ms: loadMs + replayMs });
    const step = growthSteps(points).at(-1);
    const name = `${n.toLocaleString('en-US')}-step scenario: load + replay (best of ${repeats})`;
    if (step === undefined) ctx.report({ suite: 'scenarios', name, value: loadMs + replayMs, unit: 'ms' });
    else {
      ctx.report({
        suite: 'scenarios', name, value: loadMs + replayMs, unit: 'ms',
        baseline: `${step.half.toLocaleString('en-US')}-step per-step cost`, ratio: step.ratio,
        target: `per-step cost at ${n.toLocaleString('en-US')} ≤ ${MAX_GROWTH}× at ${step.half.toLocaleString('en-US')} (linear)`, met: step.met,
      });
    }
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: load`, value: loadMs, unit: 'ms' });
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: replay (${scheduled} scheduled ops)`, value: replayMs, unit: 'ms' });
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: peak heap`, value: heap, unit: 'MB' });
  }
}
