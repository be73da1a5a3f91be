/**
 * LOADER-TOTAL: whatever text the loader is given (any YAML document, random bytes, or the flagship with a line
 * broken), it returns a Result and never throws; junk comes back as errors that each carry a position and a message.
 * REPLAY-TOTAL: whatever the loader accepts replays without throwing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load.js';
import { replay } from '../../src/scenarios/replay.js';

const contractor = readFileSync('scenarios/contractor.yaml', 'utf8');
const lines = contractor.split('\n');

function assertErrorsWellFormed(text: string): void {
  const r = loadScenario(text, 'prop.yaml');
  if (r.ok) return;
  expect(r.error.length).toBeGreaterThan(0);
  for (const e of r.error) {
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.file).toBe('prop.yaml');
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.col).toBeGreaterThanOrEqual(1);
  }
}

/** YAML-shaped junk that uses the scenario's own keys, so it reaches past the first schema pass. */
const scenarioish = fc.record({
  name: fc.oneof(fc.string(), fc.integer()),
  start: fc.oneof(fc.constantFrom('2026-03-02T08:00:00Z', '2026-02-30', '25:00', 'monday 09:00', ''), fc.string()),
  timezone: fc.oneof(fc.constantFrom('Europe/London', 'UTC', 'Mars/Olympus'), fc.string()),
  account: fc.anything(),
  schedule: fc.array(fc.record({ every: fc.oneof(fc.constantFrom('weekdays 09:00', 'mon-fri 25:00', 'blursday 10:00'), fc.string()), do: fc.anything() }), { maxLength: 3 }),
  steps: fc.array(
    fc.oneof(
      fc.anything(),
      fc.record({ request: fc.anything(), expect: fc.anything() }),
      fc.record({ at: fc.oneof(fc.string(), fc.constantFrom('20:00', 'saturday 11:00', '2026-03-01')) }),
      fc.record({ advance: fc.oneof(fc.string(), fc.constantFrom('3d', '1w2d', '0s')) }),
      fc.record({ AddUserToGroup: fc.anything() }),
      fc.record({ check: fc.anything(), expect: fc.anything() }),
      fc.record({ assert: fc.anything() }),
      fc.record({ activity: fc.anything() }),
    ),
    { maxLength: 6 },
  ),
}, { requiredKeys: [] });

describe('LOADER-TOTAL', () => {
  it('any YAML document returns a Result with positioned errors and never throws', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      const text = stringify(v);
      const r = loadScenario(text, 'prop.yaml');
      expect(r.ok).toBe(false);
      assertErrorsWellFormed(text);
    }), { numRuns: 300 });
  });

  it('scenario-shaped junk never throws', () => {
    fc.assert(fc.property(scenarioish, (v) => assertErrorsWellFormed(stringify(v))), { numRuns: 300 });
  });

  it('random bytes never throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const r = loadScenario(Buffer.from(bytes).toString('utf8'), 'prop.yaml');
      expect(r.ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('random text never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => assertErrorsWellFormed(text)), { numRuns: 300 });
  });

  it('the flagship with one line deleted, duplicated or garbled never throws', () => {
    fc.assert(fc.property(fc.nat(lines.length - 1), fc.constantFrom('delete', 'duplicate', 'garble', 'dedent'), fc.string({ maxLength: 8 }), (i, how, junk) => {
      const copy = [...lines];
      if (how === 'delete') copy.splice(i, 1);
      else if (how === 'duplicate') copy.splice(i, 0, copy[i]!);
      else if (how === 'garble') copy[i] = `${copy[i]!.slice(0, copy[i]!.length >> 1)}${junk}`;
      else copy[i] = copy[i]!.trimStart();
      assertErrorsWellFormed(copy.join('\n'));
    }), { numRuns: 200 });
  });

  it('REPLAY-TOTAL: a flagship with one step line changed still replays without throwing when it loads', () => {
    const stepLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ {2}- /.test(l)).map(([, i]) => i);
    const variants = ['  - advance: 3d', '  - at: 20:00', '  - remediate: all', '  - check: all', '  - RemoveUserFromGroup: { user: priya, group: acme-contractors }', '  - DeleteUser: { user: sam }\n    expect: DeleteConflict', '  - request: { as: root, action: s3:ListAllMyBuckets }'];
    fc.assert(fc.property(fc.constantFrom(...stepLines), fc.constantFrom(...variants), (i, v) => {
      const copy = [...lines];
      copy.splice(i, 0, v);
      const r = loadScenario(copy.join('\n'), 'prop.yaml');
      if (r.ok) expect(() => replay(r.value)).not.toThrow();
    }), { numRuns: 15 });
  });
});
