import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, checkById } from '../../src/checks/registry.js';
import { placeholders } from '../../src/checks/render-message.js';
import { SEVERITIES } from '../../src/checks/types.js';
import { PRESETS } from '../../src/checks/presets.js';
import { optionProblems } from '../../src/checks/resolve-options.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ruleFiles = readdirSync(join(root, 'src/checks/rules')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const scenarioDir = join(root, 'scenarios');
const scenarioTexts = existsSync(scenarioDir) ? readdirSync(scenarioDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => readFileSync(join(scenarioDir, f), 'utf8')) : [];
const caseFiles = readdirSync(join(root, 'test/checks'));

describe('check registry (ESLint checkRuleFiles)', () => {
  it('registers every file in src/checks/rules, and nothing else', () => {
    expect(ALL_CHECKS.map((c) => c.meta.id).sort()).toEqual(ruleFiles);
  });

  it('has presets that name registered checks with options their schemas accept', () => {
    for (const preset of Object.values(PRESETS)) {
      for (const [id, options] of Object.entries(preset.options)) {
        const c = checkById(id);
        expect(c, `${preset.name}: ${id}`).toBeDefined();
        expect(optionProblems(c!, { ...(c!.meta.defaults ?? {}), ...options }), `${preset.name}: ${id}`).toEqual([]);
      }
    }
  });

  it('has unique ids', () => {
    const ids = ALL_CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(checkById(id)?.meta.id).toBe(id);
  });

  describe.each(ALL_CHECKS.map((c) => [c.meta.id, c] as const))('%s', (id, c) => {
    it('has complete metadata', () => {
      expect(c.meta.practice).toBeGreaterThanOrEqual(1);
      expect(c.meta.practice).toBeLessThanOrEqual(13);
      expect(SEVERITIES).toContain(c.meta.severity);
      expect(['auto', 'suggest', 'manual']).toContain(c.meta.remediation);
      expect(c.meta.title.length).toBeGreaterThan(0);
      expect(c.meta.rationale.length).toBeGreaterThan(0);
      expect(Object.keys(c.meta.messages).length).toBeGreaterThan(0);
      for (const t of Object.values(c.meta.messages)) for (const p of placeholders(t)) expect(p).toMatch(/^[A-Za-z_]\w*$/);
    });

    it('has references', () => {
      expect(c.meta.references.length).toBeGreaterThan(0);
    });

    it('has a case table in test/checks', () => {
      expect(caseFiles.some((f) => f === `${id}.test.ts` || (f.startsWith(`${id}`) && f.endsWith('.test.ts')))).toBe(true);
    });

    it('has defaults that satisfy its options schema', () => {
      if (c.meta.options === undefined) return;
      const props = (c.meta.options as { properties?: Record<string, unknown> }).properties ?? {};
      for (const k of Object.keys(c.meta.defaults ?? {})) expect(Object.keys(props)).toContain(k);
    });

    it('is named by a scenario in scenarios/', () => {
      expect(scenarioTexts.some((t) => t.includes(id))).toBe(true);
    });
  });
});
