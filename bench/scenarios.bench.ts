/**
 * Scenario replay at scale: a generated scenario of 1,000, 5,000 and 10,000 steps (requests, clock moves, operations,
 * assertions, notes, a check every 500 steps, and a weekday schedule firing throughout), loaded and replayed.
 * Linear growth shows as time per step staying flat: the 5k and 10k rows report their ratio to 1k scaled by size.
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

/** Reports load and replay time per size, and the per-step cost ratio to the smallest size. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [200, 1000, 2000] : [1000, 5000, 10000];
  // Warm up the evaluator, ajv and Intl once.
  const warm = loadScenario(generatedScenario(ctx.quick ? 200 : 1000), 'warm.yaml');
  if (warm.ok) replay(warm.value);
  let basePerStep = 0;
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
    const perStep = (loadMs + replayMs) / n;
    const name = `${n.toLocaleString('en-US')}-step scenario: load + replay (best of ${repeats})`;
    if (basePerStep === 0) {
      basePerStep = perStep;
      ctx.report({ suite: 'scenarios', name, value: loadMs + replayMs, unit: 'ms' });
    } else {
      const ratio = perStep / basePerStep;
      ctx.report({ suite: 'scenarios', name, value: loadMs + replayMs, unit: 'ms', baseline: `${sizes[0]!.toLocaleString('en-US')}-step per-step cost`, ratio, target: 'per-step cost ≤ 1.5× the smallest size (linear)', met: ratio <= 1.5 });
    }
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: load`, value: loadMs, unit: 'ms' });
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: replay (${scheduled} scheduled ops)`, value: replayMs, unit: 'ms' });
    ctx.report({ suite: 'scenarios', name: `  ${n.toLocaleString('en-US')} steps: peak heap`, value: heap, unit: 'MB' });
  }
}
