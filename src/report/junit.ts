/**
 * JUnit XML for CI (the de facto schema Jenkins, GitLab and GitHub read: testsuites > testsuite > testcase with
 * failure/error/skipped children). `simulate`: one test case per expectation; `audit`: one test case per check, failing
 * with the list of its unsuppressed findings. Deterministic: times are 0 and nothing reads a clock.
 */
import type { CheckRun, Finding } from '../checks/finding.js';
import { SEVERITIES, type Severity } from '../checks/types.js';
import { formatInputError, type InputError } from '../result.js';
import type { ReplayResult, StepEvent } from '../scenarios/replay-types.js';
import { xmlElement, xmlEscape } from './xml.js';

/** One scenario file for the simulate report: replayed, or invalid with its problems. */
export type JunitScenario =
  | { readonly file: string; readonly kind: 'replayed'; readonly result: ReplayResult }
  | { readonly file: string; readonly kind: 'invalid'; readonly errors: readonly InputError[] };

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A class name for CI grouping: `iamsim.simulate.contractor`. */
const className = (prefix: string, file: string): string => `${prefix}.${(file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, '').replace(/[^\w-]+/g, '_')}`;

function stepCases(file: string, e: StepEvent): string[] {
  return e.expectations.map((x) => {
    const name = `step ${e.index + 1} (line ${e.line}, ${e.local}): ${e.title} · ${x.what}`;
    const body = x.met
      ? ''
      : xmlElement('failure', { message: `expected ${x.expected}, got ${x.actual}`, type: 'expectation' }, xmlEscape(`${x.what}\n  expected: ${x.expected}\n  actual:   ${x.actual}\n${file}:${e.line}: ${e.title}\n→ ${e.result}`));
    return xmlElement('testcase', { name, classname: className('iamsim.simulate', file), file, line: e.line, time: '0' }, body);
  });
}

/** The JUnit report of `simulate`: one test suite per scenario file, one test case per expectation. */
export function replayToJunit(scenarios: readonly JunitScenario[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = scenarios.map((s) => {
    if (s.kind === 'invalid') {
      tests += 1;
      errors += 1;
      const text = s.errors.map(formatInputError).join('\n');
      const tc = xmlElement('testcase', { name: 'scenario is valid', classname: className('iamsim.simulate', s.file), file: s.file, time: '0' }, xmlElement('error', { message: `${s.errors.length} problem(s) in ${s.file}`, type: 'invalid-scenario' }, xmlEscape(text)));
      return xmlElement('testsuite', { name: s.file, tests: 1, failures: 0, errors: 1, skipped: 0, time: '0' }, tc);
    }
    const r = s.result;
    const cases: string[] = [];
    let f = 0;
    for (const e of r.events) {
      if (e.type !== 'step') continue;
      cases.push(...stepCases(s.file, e));
      f += e.expectations.filter((x) => !x.met).length;
    }
    tests += cases.length;
    failures += f;
    const out = `${r.scenario.name}\n${r.summary.met}/${r.summary.expectations} expectations met; ${r.summary.steps} steps, ${r.summary.scheduled} scheduled operations (${r.summary.scheduleErrors} failed)`;
    return xmlElement('testsuite', { name: `${r.scenario.name} (${s.file})`, tests: cases.length, failures: f, errors: 0, skipped: 0, time: '0', timestamp: r.scenario.start.replace(/Z$/, '') }, cases.join('') + xmlElement('system-out', {}, xmlEscape(out)));
  });
  return `${XML_HEAD}${xmlElement('testsuites', { name: 'iamsim simulate', tests, failures, errors, time: '0' }, suites.join('\n'))}\n`;
}

/** Options of the audit report. */
export interface AuditJunitOptions {
  readonly file: string;
  /** Findings below this severity are listed but do not fail their check. */
  readonly failOn: Severity;
  /** Check titles by id, for readable test names. */
  readonly titles: ReadonlyMap<string, string>;
}

const findingLine = (f: Finding): string =>
  `[${f.severity}] ${f.resource.name ?? f.resource.arn} (${f.resource.arn}): ${f.message}${f.suppressed ? ` — suppressed: ${f.suppressed.reason}` : ''}`;

/** The JUnit report of `audit`: one test case per check that ran (failing with its findings), skipped ones for checks not evaluated. */
export function auditToJunit(run: CheckRun, o: AuditJunitOptions): string {
  const atLeast = SEVERITIES.indexOf(o.failOn);
  const byCheck = new Map<string, Finding[]>();
  for (const f of run.findings) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
  let failures = 0;
  let errors = 0;
  const cases: string[] = [];
  const classname = className('iamsim.audit', o.file);
  for (const id of run.ran) {
    const all = byCheck.get(id) ?? [];
    const name = `${id}: ${o.titles.get(id) ?? id}`;
    const error = run.errors.find((e) => e.checkId === id);
    if (error !== undefined) {
      errors += 1;
      cases.push(xmlElement('testcase', { name, classname, time: '0' }, xmlElement('error', { message: error.message, type: 'check-error' }, xmlEscape(error.message))));
      continue;
    }
    const failing = all.filter((f) => f.suppressed === undefined && SEVERITIES.indexOf(f.severity) >= atLeast);
    const rest = all.filter((f) => !failing.includes(f));
    let body = '';
    if (failing.length > 0) {
      failures += 1;
      body += xmlElement('failure', { message: `${failing.length} finding(s) at or above ${o.failOn}`, type: 'findings' }, xmlEscape(failing.map(findingLine).join('\n')));
    }
    if (rest.length > 0) body += xmlElement('system-out', {}, xmlEscape(`not failing (suppressed or below ${o.failOn}):\n${rest.map(findingLine).join('\n')}`));
    cases.push(xmlElement('testcase', { name, classname, time: '0' }, body));
  }
  for (const n of run.notEvaluated) {
    cases.push(xmlElement('testcase', { name: `${n.checkId}: ${o.titles.get(n.checkId) ?? n.checkId}`, classname, time: '0' }, xmlElement('skipped', { message: `${n.reason}: ${n.detail}` })));
  }
  const tests = cases.length;
  const skipped = run.notEvaluated.length;
  const suite = xmlElement('testsuite', { name: `iamsim audit ${o.file}`, tests, failures, errors, skipped, time: '0' }, cases.join('\n'));
  return `${XML_HEAD}${xmlElement('testsuites', { name: 'iamsim audit', tests, failures, errors, skipped, time: '0' }, suite)}\n`;
}
