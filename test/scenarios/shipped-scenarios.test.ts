/**
 * Scenarios are tests: every file in scenarios/ validates against the published schema, loads, and replays with
 * every expectation met. Replays are deterministic: the same file and seed give byte-identical output.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderReplayText } from '../../src/cli/render/replay-text.js';
import { replayToJson } from '../../src/cli/render/replay-json.js';
import { formatInputError } from '../../src/result.js';
import { loadScenarioFile, scenarioFilesIn } from '../../src/scenarios/load-file.js';
import { replay } from '../../src/scenarios/replay.js';

const FILES = scenarioFilesIn('scenarios');
const schema = JSON.parse(readFileSync('schemas/scenario.schema.json', 'utf8')) as Record<string, unknown>;
const resultSchema = JSON.parse(readFileSync('schemas/replay-result.schema.json', 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validateScenario = ajv.compile(schema);
const validateResult = ajv.compile(resultSchema);

describe('shipped scenarios', () => {
  it('include the flagship', () => {
    expect(FILES).toContain('scenarios/contractor.yaml');
  });

  for (const file of FILES) {
    describe(file, () => {
      const text = readFileSync(file, 'utf8');

      it('opens with the schema comment for editors', () => {
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json');
      });

      it('validates against schemas/scenario.schema.json', () => {
        const ok = validateScenario(parse(text));
        expect(ok ? [] : validateScenario.errors).toEqual([]);
      });

      it('loads and replays with every expectation met', () => {
        const loaded = loadScenarioFile(file);
        if (!loaded.ok) expect.fail(loaded.error.map(formatInputError).join('\n'));
        const r = replay(loaded.value);
        const failed = r.events.flatMap((e) => (e.type === 'step' ? e.expectations.filter((x) => !x.met).map((x) => `${file}:${e.line}: ${e.title}: expected ${x.what} ${x.expected}, got ${x.actual}`) : []));
        expect(failed).toEqual([]);
        expect(r.summary.expectations).toBeGreaterThan(0);
        expect(r.summary.scheduleErrors).toBe(0);
      });

      it('gives byte-identical text and JSON on a second replay, and JSON that matches its schema', () => {
        const a = loadScenarioFile(file);
        const b = loadScenarioFile(file);
        if (!a.ok || !b.ok) return expect.fail('did not load');
        const ra = replay(a.value, { explain: true });
        const rb = replay(b.value, { explain: true });
        expect(renderReplayText(rb, { explain: true })).toBe(renderReplayText(ra, { explain: true }));
        const ja = JSON.stringify(replayToJson(ra));
        expect(JSON.stringify(replayToJson(rb))).toBe(ja);
        const json = JSON.parse(ja) as unknown;
        expect(validateResult(json) ? [] : validateResult.errors).toEqual([]);
      });
    });
  }
});

describe('the contractor story', () => {
  const loaded = loadScenarioFile('scenarios/contractor.yaml');
  if (!loaded.ok) throw new Error('contractor.yaml does not load');
  const r = replay(loaded.value);
  const steps = r.events.flatMap((e) => (e.type === 'step' ? [e] : []));
  const requests = steps.filter((e) => e.kind === 'request');

  it('puts an expectation on every decision', () => {
    expect(requests.every((e) => e.expectations.some((x) => x.what === 'effect'))).toBe(true);
  });

  it('shows the window, the café, the weekend, 20:00, the end date, and the fix', () => {
    const effects = requests.map((e) => `${e.local.slice(0, 3)} ${e.local.slice(15)} ${String(e.data['effect'])}`);
    expect(effects).toContain('Mon 10:15 Allow');
    expect(effects).toContain('Mon 20:00 ImplicitDeny');
    expect(effects).toContain('Sat 11:00 ImplicitDeny');
    expect(requests.some((e) => e.title.includes('198.51.100.7') && e.data['effect'] === 'ImplicitDeny')).toBe(true);
    expect(requests.some((e) => e.time >= '2026-07-01' && e.data['effect'] === 'ImplicitDeny')).toBe(true);
    expect(steps.find((e) => e.kind === 'check')?.data['findings']).toMatchObject([{ check: 'sensitive-access-conditions', resource: 'sam' }]);
    expect(steps.some((e) => e.kind === 'remediate' && e.status === 'pass')).toBe(true);
    expect(requests.some((e) => e.title.startsWith('sam') && e.time >= '2026-05-01' && e.data['effect'] === 'ExplicitDeny')).toBe(true);
  });

  it('is moved by the schedule, not by the policy, on weekdays', () => {
    const scheduled = r.events.filter((e) => e.type === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(100);
    expect(scheduled.every((e) => e.local.startsWith('Mon') || e.local.startsWith('Tue') || e.local.startsWith('Wed') || e.local.startsWith('Thu') || e.local.startsWith('Fri'))).toBe(true);
    expect(new Set(scheduled.map((e) => e.local.slice(15)))).toEqual(new Set(['09:00', '17:30']));
  });
});
