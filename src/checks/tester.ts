/**
 * A case-table tester for checks, after ESLint's RuleTester. It is test-framework agnostic: `runCaseTable`
 * takes `describe`/`it` and the fix applier, and every case is verified by `verifyCase`, which returns its
 * problems as text. The tester itself asserts: message ids and placeholders exist, fixes appear only where
 * meta.remediation allows, after the fixes detect no longer reports what they fixed, suggestions apply cleanly,
 * and the (deep-frozen) input is untouched.
 */
import { isImmutable } from 'immutable';
import type { Account, Instant } from '../model/types.js';
import type { AnyCheck } from './define-check.js';
import { deepFreeze, snapshot } from './deep-freeze.js';
import { missingPlaceholders } from './render-message.js';
import { optionProblems } from './resolve-options.js';
import type { Check, Fix, Report } from './types.js';

/** Applies a fix (a list of operation calls) to an account; the model's applyOperations has this shape. */
export type ApplyFix = (account: Account, fix: Fix, now: Instant) => { readonly ok: true; readonly value: { readonly account: Account } } | { readonly ok: false; readonly error: unknown };

/** A case where the check must report nothing. */
export interface ValidCase {
  readonly name: string;
  readonly account: Account;
  readonly now: Instant;
  /** Layered over meta.defaults. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** One expected report: its message id, and optionally the resource (ARN or display name), data and severity. */
export interface ExpectedReport {
  readonly messageId: string;
  readonly resource?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly severity?: string;
  /** Whether the report must carry an automatic fix (true) or must not (false). */
  readonly fixed?: boolean;
  /** How many suggestions the report must carry. */
  readonly suggestions?: number;
}

/** Properties the account must have after the fixes: a deep partial (plain objects and arrays compared structurally) or a predicate that throws or returns false. */
export type AfterExpectation = Readonly<Record<string, unknown>> | ((account: Account) => boolean | void);

/** A case where the check must report exactly `reports`, in order. */
export interface InvalidCase extends ValidCase {
  readonly reports: readonly ExpectedReport[];
  /** Expected account after applying every automatic fix (and, with `applySuggestions`, the first suggestion of each report without a fix). */
  readonly after?: AfterExpectation;
  /** Also apply the first suggestion of every report without an automatic fix before checking `after`. */
  readonly applySuggestions?: boolean;
  /** With applySuggestions: afterwards, detect no longer reports the suggested reports either. */
  readonly suggestionsClear?: boolean;
}

/** A check's case table. */
export interface CaseTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** The hooks the tester uses: the test framework's describe/it, and the fix applier. */
export interface TesterHooks {
  readonly describe: (name: string, fn: () => void) => void;
  readonly it: (name: string, fn: () => void) => void;
  readonly apply: ApplyFix;
}

const key = (r: { readonly messageId: string; readonly resource: { readonly arn: string } }): string => `${r.messageId} ${r.resource.arn}`;

function toPlain(v: unknown): unknown {
  return isImmutable(v) ? (v as { toJS(): unknown }).toJS() : v;
}

/** Structural partial match; returns the first mismatch as text, or undefined. */
export function partialMismatch(actual: unknown, expected: unknown, path = ''): string | undefined {
  const a = toPlain(actual);
  if (expected === null || typeof expected !== 'object') {
    return Object.is(a, expected) ? undefined : `${path || '/'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(a)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(a)) return `${path || '/'}: expected an array, got ${JSON.stringify(a)}`;
    if (a.length !== expected.length) return `${path || '/'}: expected ${expected.length} elements, got ${a.length}: ${JSON.stringify(a)}`;
    for (const [i, e] of expected.entries()) {
      const m = partialMismatch(a[i], e, `${path}/${i}`);
      if (m) return m;
    }
    return undefined;
  }
  if (a === null || typeof a !== 'object') return `${path || '/'}: expected an object, got ${JSON.stringify(a)}`;
  for (const [k, e] of Object.entries(expected)) {
    if (e === undefined) {
      if (Object.hasOwn(a, k) && (a as Record<string, unknown>)[k] !== undefined) return `${path}/${k}: expected absent, got ${JSON.stringify((a as Record<string, unknown>)[k])}`;
      continue;
    }
    const m = partialMismatch((a as Record<string, unknown>)[k], e, `${path}/${k}`);
    if (m) return m;
  }
  return undefined;
}

/** The problems with one report's shape against the check's metadata. */
export function reportProblems(check: AnyCheck, r: Report): string[] {
  const p: string[] = [];
  const { messages, remediation } = check.meta;
  const tpl = Object.hasOwn(messages, r.messageId) ? messages[r.messageId] : undefined;
  if (tpl === undefined) p.push(`unknown messageId '${r.messageId}'`);
  else for (const m of missingPlaceholders(tpl, r.data)) p.push(`message '${r.messageId}' has no data for {{${m}}}`);
  for (const s of r.suggestions ?? []) {
    const st = Object.hasOwn(messages, s.messageId) ? messages[s.messageId] : undefined;
    if (st === undefined) p.push(`unknown suggestion messageId '${s.messageId}'`);
    else for (const m of missingPlaceholders(st, s.data ?? r.data)) p.push(`suggestion '${s.messageId}' has no data for {{${m}}}`);
    if (s.fix.length === 0) p.push(`suggestion '${s.messageId}' has an empty fix`);
  }
  if (r.fix !== undefined && remediation !== 'auto') p.push(`report '${r.messageId}' has a fix but meta.remediation is '${remediation}'`);
  if (r.fix !== undefined && r.fix.length === 0) p.push(`report '${r.messageId}' has an empty fix`);
  if (r.suggestions !== undefined && r.suggestions.length > 0 && remediation === 'manual') p.push(`report '${r.messageId}' has suggestions but meta.remediation is 'manual'`);
  if (!r.resource.arn) p.push(`report '${r.messageId}' has no resource ARN`);
  return p;
}

function detectSafely(check: AnyCheck, account: Account, now: Instant, options: Readonly<Record<string, unknown>>): { reports: readonly Report[] } | { error: string } {
  try {
    return { reports: check.detect({ account, now, options }) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

function applyAll(apply: ApplyFix, account: Account, fixes: readonly Fix[], now: Instant, problems: string[], what: string): Account {
  let acc = account;
  for (const f of fixes) {
    const r = apply(acc, f, now);
    if (!r.ok) {
      problems.push(`${what} failed to apply: ${JSON.stringify(r.error)} (fix ${JSON.stringify(f)})`);
      continue;
    }
    acc = r.value.account;
  }
  return acc;
}

/** Verifies one case; returns its problems (empty when it passes). */
export function verifyCase(check: Check<string, never> | AnyCheck, c: ValidCase | InvalidCase, apply: ApplyFix): string[] {
  const ck = check as AnyCheck;
  const problems: string[] = [];
  const options = { ...(ck.meta.defaults ?? {}), ...(c.options ?? {}) };
  problems.push(...optionProblems(ck, options));
  const account = deepFreeze(c.account);
  const before = snapshot(account);
  const first = detectSafely(ck, account, c.now, options);
  if ('error' in first) return [...problems, `detect threw: ${first.error}`];
  const reports = first.reports;
  if (snapshot(account) !== before) problems.push('detect changed its (frozen) input account');
  const again = detectSafely(ck, account, c.now, options);
  if ('error' in again || JSON.stringify(again.reports) !== JSON.stringify(reports)) problems.push('detect is not deterministic: a second call on the same input gave different reports');
  for (const r of reports) problems.push(...reportProblems(ck, r));
  const expected = 'reports' in c ? c.reports : [];
  if (reports.length !== expected.length) {
    problems.push(`expected ${expected.length} report(s), got ${reports.length}: ${JSON.stringify(reports.map((r) => `${r.messageId} ${r.resource.arn}`))}`);
  }
  for (const [i, e] of expected.entries()) {
    const r = reports[i];
    if (r === undefined) break;
    if (r.messageId !== e.messageId) problems.push(`report ${i}: expected messageId '${e.messageId}', got '${r.messageId}'`);
    if (e.resource !== undefined && r.resource.arn !== e.resource && r.resource.name !== e.resource) problems.push(`report ${i}: expected resource '${e.resource}', got ${r.resource.arn} (${r.resource.name ?? ''})`);
    if (e.data !== undefined) {
      const m = partialMismatch(r.data, e.data, '/data');
      if (m) problems.push(`report ${i}: ${m}`);
    }
    if (e.severity !== undefined && (r.severity ?? ck.meta.severity) !== e.severity) problems.push(`report ${i}: expected severity ${e.severity}, got ${r.severity ?? ck.meta.severity}`);
    if (e.fixed !== undefined && (r.fix !== undefined) !== e.fixed) problems.push(`report ${i}: expected ${e.fixed ? 'a fix' : 'no fix'}`);
    if (e.suggestions !== undefined && (r.suggestions?.length ?? 0) !== e.suggestions) problems.push(`report ${i}: expected ${e.suggestions} suggestion(s), got ${r.suggestions?.length ?? 0}`);
  }
  if (!('reports' in c)) return problems;
  for (const r of reports) for (const s of r.suggestions ?? []) applyAll(apply, account, [s.fix], c.now, problems, `suggestion '${s.messageId}' for ${r.resource.arn}`);
  const fixes = reports.flatMap((r) => (r.fix !== undefined ? [r.fix] : []));
  let after = applyAll(apply, account, fixes, c.now, problems, 'fix');
  if (snapshot(account) !== before) problems.push('applying the fixes changed the (frozen) input account');
  if (fixes.length > 0) {
    const fixed = new Set(reports.filter((r) => r.fix !== undefined).map(key));
    const re = detectSafely(ck, after, c.now, options);
    if ('error' in re) problems.push(`detect threw after the fixes: ${re.error}`);
    else for (const r of re.reports) if (fixed.has(key(r))) problems.push(`after the fixes, detect still reports ${key(r)}`);
  }
  if (c.applySuggestions) {
    const sugg = reports.flatMap((r) => (r.fix === undefined && r.suggestions?.[0] !== undefined ? [r.suggestions[0].fix] : []));
    after = applyAll(apply, after, sugg, c.now, problems, 'suggestion');
    if (c.suggestionsClear) {
      const cleared = new Set(reports.filter((r) => r.fix === undefined && r.suggestions?.[0] !== undefined).map(key));
      const re = detectSafely(ck, after, c.now, options);
      if ('error' in re) problems.push(`detect threw after the suggestions: ${re.error}`);
      else for (const r of re.reports) if (cleared.has(key(r))) problems.push(`after the suggestions, detect still reports ${key(r)}`);
    }
  }
  if (c.after !== undefined) {
    if (typeof c.after === 'function') {
      try {
        if (c.after(after) === false) problems.push('the after-fix predicate returned false');
      } catch (e) {
        problems.push(`the after-fix predicate failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      const m = partialMismatch(after, c.after);
      if (m) problems.push(`after the fix: ${m}`);
    }
  }
  return problems;
}

/** Problems with the table itself: duplicate case names, and an invalid section that never exercises a fix or suggestion the metadata promises. */
export function tableProblems(check: AnyCheck, table: CaseTable): string[] {
  const p: string[] = [];
  const names = [...table.valid, ...table.invalid].map((c) => c.name);
  for (const n of new Set(names)) if (names.filter((x) => x === n).length > 1) p.push(`duplicate case name '${n}'`);
  if (table.valid.length === 0) p.push('the table has no valid case');
  if (table.invalid.length === 0) p.push('the table has no invalid case');
  return p;
}

/** Registers one test per case with the given hooks; each test throws with every problem the case has. */
export function runCaseTable(check: Check<string, never> | AnyCheck, table: CaseTable, hooks: TesterHooks): void {
  const ck = check as AnyCheck;
  hooks.describe(ck.meta.id, () => {
    hooks.it('case table is well formed', () => {
      const p = tableProblems(ck, table);
      if (p.length > 0) throw new Error(p.join('\n'));
    });
    hooks.describe('valid', () => {
      for (const c of table.valid) hooks.it(c.name, () => {
        const p = verifyCase(ck, c, hooks.apply);
        if (p.length > 0) throw new Error(`${ck.meta.id} / ${c.name}:\n  ${p.join('\n  ')}`);
      });
    });
    hooks.describe('invalid', () => {
      for (const c of table.invalid) hooks.it(c.name, () => {
        const p = verifyCase(ck, c, hooks.apply);
        if (p.length > 0) throw new Error(`${ck.meta.id} / ${c.name}:\n  ${p.join('\n  ')}`);
      });
    });
  });
}
