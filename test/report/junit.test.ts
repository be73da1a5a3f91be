/** JUnit for simulate (a case per expectation) and audit (a case per check): well-formed, structured, counts agree. */
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { auditToJunit, replayToJunit } from '../../src/report/junit.js';
import { auditOf, contractorWithMiss, replayed, SCENARIO_FILES } from './fixtures.js';
import { junitProblems, parseXml } from './xml-check.js';

const titles = new Map(ALL_CHECKS.map((c) => [c.meta.id, c.meta.title] as const));

describe('xml checker', () => {
  it('rejects what is not well formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/entity/);
    expect(() => parseXml('<a x=1/>')).toThrow(/attribute/);
    expect(() => parseXml('<a>')).toThrow(/never closed/);
    expect(parseXml('<a x="&lt;&amp;">t &gt; u</a>')).toMatchObject({ name: 'a', attrs: { x: '<&' }, text: 't > u' });
  });
});

describe('replayToJunit', () => {
  for (const file of SCENARIO_FILES) {
    it(`${file}: well formed, one test case per expectation`, () => {
      const r = replayed(file);
      const root = parseXml(replayToJunit([{ file, kind: 'replayed', result: r }]));
      expect(junitProblems(root)).toEqual([]);
      const suite = root.children[0]!;
      expect(suite.children.filter((c) => c.name === 'testcase')).toHaveLength(r.summary.expectations);
      expect(Number(suite.attrs.failures)).toBe(r.summary.failed);
    });
  }

  it('a missed expectation is a failure with expected vs actual, and the file and line', () => {
    const r = contractorWithMiss();
    expect(r.summary.failed).toBe(1);
    const root = parseXml(replayToJunit([{ file: 'scenarios/contractor.yaml', kind: 'replayed', result: r }]));
    expect(junitProblems(root)).toEqual([]);
    const failing = root.children[0]!.children.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failing).toHaveLength(1);
    const f = failing[0]!.children.find((x) => x.name === 'failure')!;
    expect(f.attrs.message).toBe('expected Allow, got ImplicitDeny');
    expect(f.text).toContain('scenarios/contractor.yaml:65');
    expect(failing[0]!.attrs.line).toBe('65');
  });

  it('an invalid scenario is an error case, and many files make many suites', () => {
    const xml = replayToJunit([
      { file: 'bad.yaml', kind: 'invalid', errors: [{ code: 'schema', message: 'steps[0]: unknown <kind> & more', path: '/steps/0', file: 'bad.yaml', line: 3, col: 5, hint: 'fix it' }] },
      { file: 'scenarios/practice-02-root-keys-mfa.yaml', kind: 'replayed', result: replayed('scenarios/practice-02-root-keys-mfa.yaml') },
    ]);
    const root = parseXml(xml);
    expect(junitProblems(root)).toEqual([]);
    expect(root.children).toHaveLength(2);
    const err = root.children[0]!.children[0]!.children[0]!;
    expect(err.name).toBe('error');
    expect(err.text).toContain('bad.yaml:3:5');
    expect(err.text).toContain('unknown <kind> & more');
  });
});

describe('auditToJunit', () => {
  it('one test case per check that ran, failing with its findings', () => {
    const run = auditOf('scenarios/practice-11-unused-credentials.yaml');
    const root = parseXml(auditToJunit(run, { file: 'scenarios/practice-11-unused-credentials.yaml', failOn: 'low', titles }));
    expect(junitProblems(root)).toEqual([]);
    const cases = root.children[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases).toHaveLength(run.ran.length + run.notEvaluated.length);
    const open = run.findings.filter((f) => f.suppressed === undefined);
    const failingIds = new Set(open.map((f) => f.checkId));
    expect(failingIds.size).toBeGreaterThan(0);
    for (const id of failingIds) {
      const c = cases.find((x) => x.attrs.name!.startsWith(`${id}:`))!;
      const failure = c.children.find((x) => x.name === 'failure')!;
      for (const f of open.filter((x) => x.checkId === id)) expect(failure.text).toContain(f.message);
    }
    const passing = cases.filter((c) => c.children.length === 0);
    expect(passing.length).toBe(run.ran.length - failingIds.size);
  });

  it('findings below --fail-on are listed but do not fail', () => {
    const run = auditOf('scenarios/practice-11-unused-credentials.yaml');
    const root = parseXml(auditToJunit(run, { file: 'x', failOn: 'critical', titles }));
    expect(junitProblems(root)).toEqual([]);
    const crit = run.findings.filter((f) => f.severity === 'critical' && !f.suppressed).map((f) => f.checkId);
    const failing = root.children[0]!.children.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failing.length).toBe(new Set(crit).size);
  });

  it('check errors are errors and checks not evaluated are skipped', () => {
    const run = {
      ran: ['a-check', 'b-check'],
      findings: [],
      errors: [{ checkId: 'a-check', message: 'boom <x>' }],
      notEvaluated: [{ checkId: 'c-check', reason: 'missing-input' as const, detail: 'needs the credential report' }],
    };
    const root = parseXml(auditToJunit(run, { file: 'acc.json', failOn: 'low', titles }));
    expect(junitProblems(root)).toEqual([]);
    const [a, b, c] = root.children[0]!.children;
    expect(a!.children[0]).toMatchObject({ name: 'error', attrs: { message: 'boom <x>' } });
    expect(b!.children).toEqual([]);
    expect(c!.children[0]).toMatchObject({ name: 'skipped', attrs: { message: 'missing-input: needs the credential report' } });
  });
});
