/** SARIF 2.1.0 for audit: valid against the shipped verbatim OASIS schema (errata01, draft-04) for every scenario's end state; rules and results as documented. */
import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { CheckRun, Finding } from '../../src/checks/finding.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { auditToSarif, SARIF_LEVEL } from '../../src/report/sarif.js';
import { auditOf, SCENARIO_FILES } from './fixtures.js';

// The OASIS schema declares JSON Schema draft-04 ("$schema" draft-04, "id"), which ajv's default class refuses; ajv-draft-04 is ajv 8 for draft-04.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule as unknown as (a: InstanceType<typeof Ajv04>) => unknown;
const schema = JSON.parse(readFileSync('schemas/sarif-2.1.0.schema.json', 'utf8')) as Record<string, unknown>;
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const metas = ALL_CHECKS.map((c) => c.meta);

interface Log {
  runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string }; help: { text: string } }[] } }; results: Record<string, unknown>[]; invocations: { executionSuccessful: boolean }[] }[];
}
const sarif = (run: CheckRun): Log => auditToSarif(run, { file: 'scenarios/x.yaml', now: '2026-06-01T00:00:00Z', checks: metas, toolVersion: '0.1.0' }) as unknown as Log;
const errorsOf = (log: unknown): string => ajv.errorsText(validate(log) ? null : validate.errors);

describe('auditToSarif', () => {
  it('the shipped schema is the full OASIS SARIF 2.1.0 (errata01) schema and rejects a broken log', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(Object.keys(schema.definitions as object)).toHaveLength(52);
    const log = sarif(auditOf('scenarios/practice-02-root-keys-mfa.yaml'));
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const bad = structuredClone(log);
    (bad.runs[0]!.results[0] as Record<string, unknown>).level = 'fatal';
    expect(validate(bad)).toBe(false);
    expect(validate({ ...log, extra: 1 })).toBe(false);
  });

  for (const file of SCENARIO_FILES) {
    it(`${file}: the audit of its end state is schema-valid SARIF`, () => {
      const run = auditOf(file);
      const log = sarif(run);
      expect(errorsOf(log)).toBe('No errors');
      const r = log.runs[0]!;
      const ids = r.tool.driver.rules.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(r.results).toHaveLength(run.findings.length);
      r.results.forEach((res, i) => {
        const f = run.findings[i]!;
        expect(res.ruleId).toBe(f.checkId);
        expect(ids[res.ruleIndex as number]).toBe(f.checkId);
        expect(res.level).toBe(SARIF_LEVEL[f.severity]);
        expect(res.message).toEqual({ text: f.message });
        expect(res.locations).toEqual([{ logicalLocations: [{ name: f.resource.name ?? f.resource.arn, fullyQualifiedName: f.resource.arn, kind: f.resource.kind }] }]);
      });
    });
  }

  it('rules carry title, rationale, references and the default level from severity', () => {
    const log = sarif(auditOf('scenarios/practice-02-root-keys-mfa.yaml'));
    for (const rule of log.runs[0]!.tool.driver.rules) {
      const meta = metas.find((m) => m.id === rule.id)!;
      expect(rule).toMatchObject({ shortDescription: { text: meta.title }, fullDescription: { text: meta.rationale }, defaultConfiguration: { level: SARIF_LEVEL[meta.severity] } });
      for (const ref of meta.references) expect(rule.help.text).toContain(ref);
    }
  });

  it('suppressed findings are kept, with a suppression; check errors make the invocation unsuccessful', () => {
    const base = auditOf('scenarios/practice-11-unused-credentials.yaml');
    const f0 = base.findings[0]!;
    const suppressed: Finding = { ...f0, suppressed: { reason: 'break-glass account', by: 'suppressions[0] (check x)', expires: '2026-12-31' } };
    const run: CheckRun = { ...base, findings: [suppressed, ...base.findings.slice(1)], errors: [{ checkId: f0.checkId, message: 'boom' }] };
    const log = sarif(run);
    expect(errorsOf(log)).toBe('No errors');
    expect(log.runs[0]!.results[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'break-glass account (suppressions[0] (check x), expires 2026-12-31)' }]);
    expect(log.runs[0]!.results[1]!.suppressions).toBeUndefined();
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });
});
