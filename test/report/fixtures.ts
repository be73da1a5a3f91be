/** Shared inputs of the report tests: every shipped scenario replayed once, and an audit of a scenario's end state. */
import { readFileSync } from 'node:fs';
import type { CheckRun } from '../../src/checks/finding.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { loadScenarioFile, scenarioFilesIn } from '../../src/scenarios/load-file.js';
import { replay } from '../../src/scenarios/replay.js';
import type { ReplayResult } from '../../src/scenarios/replay-types.js';

/** Every file in scenarios/. */
export const SCENARIO_FILES = scenarioFilesIn('scenarios');

const cache = new Map<string, ReplayResult>();

/** A shipped scenario replayed (with traces), memoised per file. */
export function replayed(file: string): ReplayResult {
  const hit = cache.get(file);
  if (hit) return hit;
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.error.map((e) => e.message).join('; ')}`);
  const r = replay(loaded.value, { explain: true });
  cache.set(file, r);
  return r;
}

/** The contractor story with its first expectation flipped, so one expectation is missed. */
export function contractorWithMiss(): ReplayResult {
  const text = readFileSync('scenarios/contractor.yaml', 'utf8').replace('expect: ImplicitDeny', 'expect: Allow');
  const loaded = loadScenario(text, 'scenarios/contractor.yaml');
  if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('; '));
  return replay(loaded.value, { explain: true });
}

/** All checks over a scenario's end state, as `iamsim audit FILE.yaml` runs them. */
export function auditOf(file: string): CheckRun {
  const r = replayed(file);
  return runChecks(r.account, { now: r.scenario.end });
}
