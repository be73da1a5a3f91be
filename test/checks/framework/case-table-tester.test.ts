import { describe, expect, it } from 'vitest';
import { List, Map as IMap } from 'immutable';
import { defineCheck, type AnyCheck } from '../../../src/checks/define-check.js';
import { partialMismatch, reportProblems, runCaseTable, tableProblems, verifyCase, type ApplyFix } from '../../../src/checks/tester.js';
import type { Account } from '../../../src/model/types.js';
import type { Report, RemediationKind } from '../../../src/checks/types.js';
import { account, NOW, user } from '../fixtures.js';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const ref = { kind: 'user' as const, arn: ALICE, name: 'alice' };
const meta = { id: 't', practice: 11, title: 'T', severity: 'low' as const, rationale: 'r', references: ['x'], defaults: {} };
const base = account({ users: [user('alice')] });

/** A fake applier: `tag` sets a tag on alice, `fail` fails with a code. */
const apply: ApplyFix = (a, fix) => {
  let acc = a;
  for (const call of fix) {
    if (call.op === 'fail') return { ok: false, error: { code: 'nope' } };
    const alice = acc.users['alice']!;
    acc = { ...acc, users: { ...acc.users, alice: { ...alice, tags: { ...alice.tags, [String(call.input['k'])]: 'v' } } } };
  }
  return { ok: true, value: { account: acc } };
};
const tag = (k: string) => [{ op: 'tag', input: { k } }];
const fail = [{ op: 'fail', input: {} }];
const tagged = (a: Account, k: string) => Object.hasOwn(a.users['alice']!.tags, k);

function check(remediation: RemediationKind, detect: (a: Account) => Report[], messages: Record<string, string> = { m: 'x', s: 'y' }, extra: object = {}): AnyCheck {
  return defineCheck({ meta: { ...meta, remediation, messages, ...extra }, detect: ({ account: a }) => detect(a) }) as unknown as AnyCheck;
}

describe('partialMismatch: how the tester describes a difference', () => {
  it('accepts equal primitives and null, compared with Object.is', () => {
    expect(partialMismatch(1, 1)).toBeUndefined();
    expect(partialMismatch(null, null)).toBeUndefined();
    expect(partialMismatch(Number.NaN, Number.NaN)).toBeUndefined();
    expect(partialMismatch(0, -0)).toBe('/: expected 0, got 0');
  });
  it('names the root as / and nested values by their JSON pointer', () => {
    expect(partialMismatch('a', 'b')).toBe('/: expected "b", got "a"');
    expect(partialMismatch({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('/a/b/1: expected 3, got 2');
    expect(partialMismatch(undefined, null, '/x')).toBe('/x: expected null, got undefined');
  });
  it('requires an array where one is expected, of the same length', () => {
    expect(partialMismatch({ 0: 1 }, [1])).toBe('/: expected an array, got {"0":1}');
    expect(partialMismatch({ a: 'x' }, { a: [] })).toBe('/a: expected an array, got "x"');
    expect(partialMismatch([1], [1, 2])).toBe('/: expected 2 elements, got 1: [1]');
    expect(partialMismatch({ a: [1, 2] }, { a: [1] })).toBe('/a: expected 1 elements, got 2: [1,2]');
    expect(partialMismatch([1, 2], [1, 2])).toBeUndefined();
  });
  it('requires an object where one is expected, and ignores keys not expected', () => {
    expect(partialMismatch(null, {})).toBe('/: expected an object, got null');
    expect(partialMismatch({ a: 3 }, { a: { b: 1 } })).toBe('/a: expected an object, got 3');
    expect(partialMismatch({ a: 1, b: 2 }, { a: 1 })).toBeUndefined();
    expect(partialMismatch({ a: { c: 1 } }, { a: {} })).toBeUndefined();
  });
  it('treats an expected undefined as "absent or undefined"', () => {
    expect(partialMismatch({ a: 1 }, { a: undefined })).toBe('/a: expected absent, got 1');
    expect(partialMismatch({ a: undefined }, { a: undefined })).toBeUndefined();
    expect(partialMismatch({}, { a: undefined, b: 1 })).toBe('/b: expected 1, got undefined');
    expect(partialMismatch({ x: { a: null } }, { x: { a: undefined } })).toBe('/x/a: expected absent, got null');
  });
  it('compares Immutable collections as plain data', () => {
    expect(partialMismatch(IMap({ a: List([1, 2]) }), { a: [1, 2] })).toBeUndefined();
    expect(partialMismatch({ m: IMap({ a: 1 }) }, { m: { a: 2 } })).toBe('/m/a: expected 2, got 1');
  });
});

describe('reportProblems: a report against its check metadata', () => {
  const r = (extra: Partial<Report> = {}): Report => ({ messageId: 'm', data: {}, resource: ref, ...extra });
  const ck = (remediation: RemediationKind, messages: Record<string, string> = { m: 'x {{a}}', s: 's {{b}}' }) => check(remediation, () => [], messages);

  it('accepts a well-formed report', () => {
    expect(reportProblems(ck('auto'), r({ data: { a: 1 }, fix: tag('k'), suggestions: [{ messageId: 's', data: { b: 2 }, fix: tag('k') }] }))).toEqual([]);
  });
  it('reports an unknown message id, including names inherited from Object.prototype', () => {
    expect(reportProblems(ck('manual'), r({ messageId: 'toString' }))).toEqual(["unknown messageId 'toString'"]);
    expect(reportProblems(ck('manual'), r({ messageId: 'zz' }))).toEqual(["unknown messageId 'zz'"]);
  });
  it('reports every placeholder the data does not fill', () => {
    expect(reportProblems(ck('manual', { m: '{{a}} {{b}} {{a}}' }), r())).toEqual(["message 'm' has no data for {{a}}", "message 'm' has no data for {{b}}"]);
  });
  it('checks suggestions: their message id, their placeholders (own data, else the report data), and an empty fix', () => {
    expect(reportProblems(ck('suggest'), r({ data: { a: 1, b: 2 }, suggestions: [{ messageId: 's', fix: tag('k') }] }))).toEqual([]);
    expect(reportProblems(ck('suggest'), r({ data: { a: 1, b: 2 }, suggestions: [{ messageId: 's', data: {}, fix: tag('k') }] }))).toEqual(["suggestion 's' has no data for {{b}}"]);
    expect(reportProblems(ck('suggest'), r({ data: { a: 1 }, suggestions: [{ messageId: 'constructor', fix: [] }] }))).toEqual([
      "unknown suggestion messageId 'constructor'",
      "suggestion 'constructor' has an empty fix",
    ]);
  });
  it('allows a fix only when remediation is auto, and never an empty one', () => {
    expect(reportProblems(ck('suggest'), r({ data: { a: 1 }, fix: tag('k') }))).toEqual(["report 'm' has a fix but meta.remediation is 'suggest'"]);
    expect(reportProblems(ck('auto'), r({ data: { a: 1 }, fix: [] }))).toEqual(["report 'm' has an empty fix"]);
  });
  it('allows suggestions unless remediation is manual; an empty list is no suggestion', () => {
    expect(reportProblems(ck('manual'), r({ data: { a: 1 }, suggestions: [{ messageId: 's', data: { b: 1 }, fix: tag('k') }] }))).toEqual(["report 'm' has suggestions but meta.remediation is 'manual'"]);
    expect(reportProblems(ck('manual'), r({ data: { a: 1 }, suggestions: [] }))).toEqual([]);
    expect(reportProblems(ck('auto'), r({ data: { a: 1 }, suggestions: [{ messageId: 's', data: { b: 1 }, fix: tag('k') }] }))).toEqual([]);
  });
  it('requires a resource ARN', () => {
    expect(reportProblems(ck('manual'), r({ data: { a: 1 }, resource: { kind: 'user', arn: '' } }))).toEqual(["report 'm' has no resource ARN"]);
  });
});

describe('verifyCase: the problems of one case', () => {
  const one = (extra: Partial<Report> = {}) => (): Report[] => [{ messageId: 'm', data: {}, resource: ref, ...extra }];

  it('passes a valid case with no reports and an invalid case that matches', () => {
    expect(verifyCase(check('manual', () => []), { name: 'v', account: base, now: NOW }, apply)).toEqual([]);
    const fixing = check('auto', (a) => (tagged(a, 'done') ? [] : one({ fix: tag('done') })()));
    expect(verifyCase(fixing, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm', resource: ALICE, fixed: true, suggestions: 0, severity: 'low' }], after: (a) => tagged(a, 'done') }, apply)).toEqual([]);
  });

  it('layers case options over the defaults and validates them', () => {
    const seen: unknown[] = [];
    const c = defineCheck({
      meta: { ...meta, remediation: 'manual', messages: { m: 'x' }, options: { type: 'object', properties: { n: { type: 'integer' }, d: { type: 'string' } } }, defaults: { n: 1, d: 'x' } },
      detect: ({ options }) => { seen.push(options); return []; },
    });
    expect(verifyCase(c, { name: 'v', account: base, now: NOW, options: { n: 2 } }, apply)).toEqual([]);
    expect(seen[0]).toEqual({ n: 2, d: 'x' });
    expect(verifyCase(c, { name: 'v', account: base, now: NOW, options: { n: 'two' } }, apply)).toEqual(['t: option /n must be integer']);
  });

  it('stops at a detect that throws, reporting the message and stack of an Error or the thrown value', () => {
    const boom = check('manual', () => { throw new Error('boom'); });
    const p = verifyCase(boom, { name: 'v', account: base, now: NOW }, apply);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^detect threw: boom\nError: boom\n {4}at /);
    const raw = check('manual', () => { throw 'plain'; });
    expect(verifyCase(raw, { name: 'v', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply)).toEqual(['detect threw: plain']);
  });

  it('reports a detect whose second call differs or throws', () => {
    let calls = 0;
    const flaky = check('manual', () => (++calls % 2 === 0 ? [] : one()()));
    expect(verifyCase(flaky, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply)).toEqual(['detect is not deterministic: a second call on the same input gave different reports']);
    let n = 0;
    const once = check('manual', () => { if (n++ > 0) throw new Error('again'); return []; });
    expect(verifyCase(once, { name: 'v', account: base, now: NOW }, apply)).toEqual(['detect is not deterministic: a second call on the same input gave different reports']);
  });

  it('passes report shape problems through', () => {
    expect(verifyCase(check('manual', one({ messageId: 'nope' })), { name: 'i', account: base, now: NOW, reports: [{ messageId: 'nope' }] }, apply)).toEqual(["unknown messageId 'nope'"]);
  });

  it('compares the count of reports and lists what was reported', () => {
    const two = check('manual', () => [...one()(), ...one({ messageId: 's' })()]);
    expect(verifyCase(two, { name: 'v', account: base, now: NOW }, apply)).toEqual([`expected 0 report(s), got 2: ["m ${ALICE}","s ${ALICE}"]`]);
    expect(verifyCase(check('manual', () => []), { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply)).toEqual(['expected 1 report(s), got 0: []']);
  });

  it('compares each expected report in order: message id, resource by ARN or name, data, severity, fix, suggestions', () => {
    const c = check('suggest', one({ data: { n: 1 }, severity: 'high', suggestions: [{ messageId: 's', fix: tag('k') }] }), { m: '{{n}}', s: 's' });
    const ok = { messageId: 'm', data: { n: 1 }, severity: 'high', fixed: false, suggestions: 1 };
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ ...ok, resource: ALICE }] }, apply)).toEqual([]);
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ ...ok, resource: 'alice' }] }, apply)).toEqual([]);
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 's', resource: 'bob', data: { n: 2 }, severity: 'low', fixed: true, suggestions: 2 }] }, apply)).toEqual([
      "report 0: expected messageId 's', got 'm'",
      `report 0: expected resource 'bob', got ${ALICE} (alice)`,
      'report 0: /data/n: expected 2, got 1',
      'report 0: expected severity low, got high',
      'report 0: expected a fix',
      'report 0: expected 2 suggestion(s), got 1',
    ]);
  });

  it('uses the check severity when the report has none, and shows an unnamed resource with empty parentheses', () => {
    const c = check('auto', one({ resource: { kind: 'user', arn: ALICE }, fix: tag('k') }), { m: 'x' });
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm', severity: 'critical', fixed: false, suggestions: 0, resource: 'alice' }] }, apply)).toEqual([
      `report 0: expected resource 'alice', got ${ALICE} ()`,
      'report 0: expected severity critical, got low',
      'report 0: expected no fix',
      `after the fixes, detect still reports m ${ALICE}`,
    ]);
  });

  it('compares only the reports it has when fewer were reported than expected', () => {
    const c = check('manual', one());
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }, { messageId: 'zzz' }] }, apply)).toEqual([`expected 2 report(s), got 1: ["m ${ALICE}"]`]);
  });

  it('does not apply fixes or suggestions in a valid case', () => {
    const c = check('auto', one({ fix: fail, suggestions: [{ messageId: 'm', fix: fail }] }));
    expect(verifyCase(c, { name: 'v', account: base, now: NOW }, apply)).toEqual([`expected 0 report(s), got 1: ["m ${ALICE}"]`]);
  });

  it('reports fixes and suggestions that fail to apply, with the error and the fix', () => {
    const c = check('auto', one({ fix: fail, suggestions: [{ messageId: 's', fix: fail }] }));
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply)).toEqual([
      `suggestion 's' for ${ALICE} failed to apply: {"code":"nope"} (fix [{"op":"fail","input":{}}])`,
      'fix failed to apply: {"code":"nope"} (fix [{"op":"fail","input":{}}])',
      `after the fixes, detect still reports m ${ALICE}`,
    ]);
  });

  it('applies every fix in turn and re-detects, naming each report a fix did not clear', () => {
    const c = check('auto', (a) => [
      ...(tagged(a, 'one') ? [] : [{ messageId: 'm', data: {}, resource: ref, fix: tag('one') }]),
      { messageId: 's', data: {}, resource: { ...ref, arn: `${ALICE}-2` }, fix: tag('two') },
    ]);
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }, { messageId: 's' }], after: { users: { alice: { tags: { one: 'v', two: 'v' } } } } }, apply)).toEqual([
      `after the fixes, detect still reports s ${ALICE}-2`,
    ]);
  });

  it('does not re-detect when no report carries a fix', () => {
    let calls = 0;
    const c = check('suggest', () => { calls++; return one()(); });
    expect(verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply)).toEqual([]);
    expect(calls).toBe(2);
  });

  it('reports a detect that throws on the fixed account', () => {
    const c = check('auto', (a) => { if (tagged(a, 'k')) throw new Error('after'); return one({ fix: tag('k') })(); });
    const p = verifyCase(c, { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] }, apply);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^detect threw after the fixes: after\nError: after/);
  });

  it('with applySuggestions, applies the first suggestion of each report without a fix', () => {
    const c = check('auto', (a) => [
      ...(tagged(a, 'first') ? [] : [{ messageId: 'm', data: {}, resource: ref, suggestions: [{ messageId: 's', fix: tag('first') }, { messageId: 's', fix: tag('second') }] }]),
      { messageId: 's', data: {}, resource: { ...ref, arn: `${ALICE}-2` }, fix: tag('fixed'), suggestions: [{ messageId: 's', fix: tag('never') }] },
    ]);
    const c2 = { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }, { messageId: 's' }], applySuggestions: true, suggestionsClear: true };
    expect(verifyCase(c, { ...c2, after: { users: { alice: { tags: { first: 'v', fixed: 'v', second: undefined, never: undefined } } } } }, apply)).toEqual([
      `after the fixes, detect still reports s ${ALICE}-2`,
    ]);
    expect(verifyCase(c, { ...c2, applySuggestions: false, after: { users: { alice: { tags: { first: undefined } } } } }, apply)).toEqual([
      `after the fixes, detect still reports s ${ALICE}-2`,
    ]);
  });

  it('with suggestionsClear, names a report the suggestion did not clear, or a detect that throws after it', () => {
    const stays = check('suggest', one({ suggestions: [{ messageId: 's', fix: tag('k') }] }));
    const c = { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }], applySuggestions: true };
    expect(verifyCase(stays, { ...c, suggestionsClear: true }, apply)).toEqual([`after the suggestions, detect still reports m ${ALICE}`]);
    expect(verifyCase(stays, c, apply)).toEqual([]);
    const throws = check('suggest', (a) => { if (tagged(a, 'k')) throw new Error('later'); return one({ suggestions: [{ messageId: 's', fix: tag('k') }] })(); });
    const p = verifyCase(throws, { ...c, suggestionsClear: true }, apply);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^detect threw after the suggestions: later\nError: later/);
  });

  it('checks the account after the fixes with a partial or a predicate', () => {
    const c = check('auto', (a) => (tagged(a, 'k') ? [] : one({ fix: tag('k') })()));
    const inv = { name: 'i', account: base, now: NOW, reports: [{ messageId: 'm' }] };
    expect(verifyCase(c, { ...inv, after: { users: { alice: { tags: { k: 'w' } } } } }, apply)).toEqual(['after the fix: /users/alice/tags/k: expected "w", got "v"']);
    expect(verifyCase(c, { ...inv, after: () => false }, apply)).toEqual(['the after-fix predicate returned false']);
    expect(verifyCase(c, { ...inv, after: () => undefined }, apply)).toEqual([]);
    expect(verifyCase(c, { ...inv, after: () => { throw new Error('no tag'); } }, apply)).toEqual(['the after-fix predicate failed: no tag']);
    expect(verifyCase(c, { ...inv, after: () => { throw 'raw'; } }, apply)).toEqual(['the after-fix predicate failed: raw']);
  });
});

describe('tableProblems and runCaseTable', () => {
  const ck = check('manual', () => []);
  const v = (name: string) => ({ name, account: base, now: NOW });

  it('names each duplicated case once, and an empty section', () => {
    expect(tableProblems(ck, { valid: [v('a'), v('a'), v('b')], invalid: [{ ...v('a'), reports: [] }, { ...v('c'), reports: [] }] })).toEqual(["duplicate case name 'a'"]);
    expect(tableProblems(ck, { valid: [], invalid: [] })).toEqual(['the table has no valid case', 'the table has no invalid case']);
    expect(tableProblems(ck, { valid: [v('a')], invalid: [{ ...v('b'), reports: [] }] })).toEqual([]);
  });

  it('registers one test per case under the check id, each throwing every problem of its case', () => {
    const tests: [string, () => void][] = [];
    const path: string[] = [];
    const hooks = {
      describe: (name: string, fn: () => void) => { path.push(name); fn(); path.pop(); },
      it: (name: string, fn: () => void) => { tests.push([[...path, name].join(' > '), fn]); },
      apply,
    };
    const c = check('manual', (a) => (tagged(a, 'bad') ? [{ messageId: 'm', data: {}, resource: ref }] : []));
    const badAccount = apply(base, tag('bad'), NOW);
    if (!badAccount.ok) throw new Error('apply');
    runCaseTable(c, {
      valid: [v('clean'), { ...v('dirty'), account: badAccount.value.account }],
      invalid: [{ ...v('flagged'), account: badAccount.value.account, reports: [{ messageId: 'm' }] }, { ...v('clean'), reports: [{ messageId: 'm' }] }],
    }, hooks);
    expect(tests.map(([n]) => n)).toEqual(['t > case table is well formed', 't > valid > clean', 't > valid > dirty', 't > invalid > flagged', 't > invalid > clean']);
    const outcome = tests.map(([, fn]) => { try { fn(); return 'ok'; } catch (e) { return (e as Error).message; } });
    expect(outcome).toEqual([
      "duplicate case name 'clean'",
      'ok',
      `t / dirty:\n  expected 0 report(s), got 1: ["m ${ALICE}"]`,
      'ok',
      't / clean:\n  expected 1 report(s), got 0: []',
    ]);
  });

  it('joins several problems of the table or of a case on separate lines', () => {
    const tests: (() => void)[] = [];
    const hooks = { describe: (_: string, fn: () => void) => fn(), it: (_: string, fn: () => void) => { tests.push(fn); }, apply };
    runCaseTable(check('manual', () => [{ messageId: 'zz', data: {}, resource: { kind: 'user', arn: '' } }]), { valid: [], invalid: [{ ...v('x'), reports: [] }] }, hooks);
    expect(() => tests[0]!()).toThrow(/^the table has no valid case$/);
    expect(() => tests[1]!()).toThrow(new Error(`t / x:\n  unknown messageId 'zz'\n  report 'zz' has no resource ARN\n  expected 0 report(s), got 1: ["zz "]`));
  });
});
