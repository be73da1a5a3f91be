/** Scenarios can start from a generated account: `account: { generate: { seed, users, … } }`. */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { saveAccount } from '../../src/model/serialize.js';
import { loadScenario } from '../../src/scenarios/load.js';

const scenario = (generateBlock: string): string => `
name: generated start
start: 2026-07-01T00:00:00Z
account:
  generate:
${generateBlock}
steps: []
`;

describe('account: { generate }', () => {
  it('builds the generated account, its activity ending at the scenario start', () => {
    const r = loadScenario(scenario('    seed: 9\n    users: 12\n    days: 60\n    violations: [root-mfa-missing]'), 'gen.yaml');
    expect(r.ok ? [] : r.error).toEqual([]);
    if (!r.ok) return;
    const direct = generate({ seed: 9, users: 12, days: 60, violations: ['root-mfa-missing'], start: '2026-05-02T00:00:00Z' });
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    expect(direct.value.now).toBe('2026-07-01T00:00:00Z');
    expect(saveAccount(r.value.account)).toBe(saveAccount(direct.value.account));
    expect(r.value.account.root.mfa).toEqual([]);
    expect(r.value.account.activity.last()!.eventTime < '2026-07-01T00:00:00Z').toBe(true);
  });

  it('reports bad generator options at their path under account.generate', () => {
    const r = loadScenario(scenario('    seed: 9\n    users: 3\n    violations: [no-such-check]'), 'gen.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => e.code)).toContain('unknown-check');
    expect(r.error.find((e) => e.code === 'unknown-check')?.message).toContain('no-such-check');
  });

  it('rejects a generate block without users through the schema', () => {
    const r = loadScenario(scenario('    seed: 9'), 'gen.yaml');
    expect(r.ok).toBe(false);
  });
});
