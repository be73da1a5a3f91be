import { describe, expect, it } from 'vitest';
import { defineCheck, erase, type AnyCheck } from '../../../src/checks/define-check.js';
import { remediate, undoRemediation } from '../../../src/checks/remediate.js';
import { snapshot } from '../../../src/checks/deep-freeze.js';
import type { Account } from '../../../src/model/types.js';
import type { Fix, Report } from '../../../src/checks/types.js';
import { account, NOW, user } from '../fixtures.js';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const ref = { kind: 'user' as const, arn: ALICE, name: 'alice' };
const tag = (k: string, v = 'y'): Fix => [{ op: 'TagUser', input: { UserName: 'alice', Tags: [{ Key: k, Value: v }] } }];
const has = (a: Account, k: string) => Object.hasOwn(a.users['alice']!.tags, k);

function fake(id: string, detect: (a: Account) => readonly Report[]): AnyCheck {
  return erase(defineCheck({
    meta: { id, practice: 1, title: 't', severity: 'low', rationale: 'r', references: ['x'], remediation: 'auto', messages: { m: 'x', s: 'y' }, defaults: {} },
    detect: ({ account: a }) => detect(a),
  }));
}
const base = account({ users: [user('alice')] });

describe('remediate: the fix loop', () => {
  it('applies fixes pass by pass until detect reports nothing fixable, numbering the passes', () => {
    const chain = fake('chain', (a) => (has(a, 'one') ? (has(a, 'two') ? [] : [{ messageId: 'm', data: {}, resource: ref, fix: tag('two') }]) : [{ messageId: 'm', data: {}, resource: ref, fix: tag('one') }]));
    const r = remediate(base, { now: NOW, registry: [chain] });
    expect(r.passes).toBe(2);
    expect(r.applied).toEqual([
      { checkId: 'chain', messageId: 'm', resource: ref, kind: 'fix', fix: tag('one'), pass: 1 },
      { checkId: 'chain', messageId: 'm', resource: ref, kind: 'fix', fix: tag('two'), pass: 2 },
    ]);
    expect(r.account.users['alice']!.tags).toEqual({ one: 'y', two: 'y' });
    expect(r.failed).toEqual([]);
  });

  it('makes no pass when nothing is fixable', () => {
    const r = remediate(base, { now: NOW, registry: [fake('none', () => [{ messageId: 'm', data: {}, resource: ref }])] });
    expect(r).toEqual({ account: base, applied: [], failed: [], patches: [], inversePatches: [], passes: 0 });
  });

  it('stops after a pass that changes nothing, without recording fixes that were no-ops', () => {
    const tagged = account({ users: [user('alice', { tags: { k: 'y' } })] });
    const r = remediate(tagged, { now: NOW, registry: [fake('noop', () => [{ messageId: 'm', data: {}, resource: ref, fix: tag('k') }])] });
    expect(r.passes).toBe(1);
    expect(r.applied).toEqual([]);
    expect(r.account).toBe(tagged);
  });

  it('reports a failing fix with the operation, call index, code and message, and keeps the others', () => {
    const fails: Fix = [...tag('ok'), { op: 'DeleteUser', input: { UserName: 'nobody' } }];
    const mixed = fake('mixed', (a) => (has(a, 'good') ? [{ messageId: 'm', data: {}, resource: ref, fix: fails }] : [{ messageId: 'm', data: {}, resource: ref, fix: fails }, { messageId: 's', data: {}, resource: ref, fix: tag('good') }]));
    const r = remediate(base, { now: NOW, registry: [mixed] });
    expect(r.passes).toBe(2);
    expect(r.failed).toEqual([{ checkId: 'mixed', resource: ref, fix: fails, error: expect.stringMatching(/^DeleteUser \(call 1\): NoSuchEntity: /) }]);
    expect(r.applied.map((x) => x.messageId)).toEqual(['s']);
    expect(has(r.account, 'ok')).toBe(false);
  });

  it('keeps only the failures of the last pass', () => {
    const once = fake('once', (a) => (has(a, 'done') ? [] : [
      { messageId: 'm', data: {}, resource: ref, fix: [{ op: 'DeleteUser', input: { UserName: 'nobody' } }] },
      { messageId: 's', data: {}, resource: ref, fix: tag('done') },
    ]));
    expect(remediate(base, { now: NOW, registry: [once] }).failed).toHaveLength(1);
    const later = fake('later', (a) => (has(a, 'done') ? [] : [{ messageId: 's', data: {}, resource: ref, fix: tag('done') }]));
    const flaky = fake('flaky', (a) => (has(a, 'done') ? [] : [{ messageId: 'm', data: {}, resource: ref, fix: [{ op: 'DeleteUser', input: { UserName: 'nobody' } }] }]));
    expect(remediate(base, { now: NOW, registry: [later, flaky] }).failed).toHaveLength(1);
    const r = remediate(base, { now: NOW, registry: [fake('two-pass', (a) => (has(a, 'b') ? [] : has(a, 'a') ? [{ messageId: 's', data: {}, resource: ref, fix: tag('b') }] : [
      { messageId: 'm', data: {}, resource: ref, fix: [{ op: 'DeleteUser', input: { UserName: 'nobody' } }] },
      { messageId: 's', data: {}, resource: ref, fix: tag('a') },
    ]))] });
    expect(r.passes).toBe(2);
    expect(r.failed).toEqual([]);
  });

  it('never fixes a check-error finding', () => {
    const boom = fake('boom', () => { throw new Error('x'); });
    expect(remediate(base, { now: NOW, registry: [boom] }).passes).toBe(0);
  });

  it('fixes only the findings asked for, matched by check, message and resource', () => {
    const two = fake('two', () => [
      { messageId: 'm', data: {}, resource: ref, fix: tag('m') },
      { messageId: 's', data: {}, resource: ref, fix: tag('s') },
      { messageId: 'm', data: {}, resource: { ...ref, arn: `${ALICE}/x` }, fix: tag('x') },
    ]);
    const r = remediate(base, { now: NOW, registry: [two], findings: [{ checkId: 'two', messageId: 's', resource: ref }, { checkId: 'other', messageId: 'm', resource: ref }] });
    expect(r.applied.map((x) => x.fix)).toEqual([tag('s')]);
  });

  it('applies the first suggestion of a finding without a fix only when asked, and each suggestion once', () => {
    const sticky = fake('sticky', () => [
      { messageId: 'm', data: {}, resource: ref, suggestions: [{ messageId: 's', fix: tag('first') }, { messageId: 's', fix: tag('second') }] },
      { messageId: 's', data: {}, resource: ref, fix: tag('fixed'), suggestions: [{ messageId: 's', fix: tag('never') }] },
    ]);
    const r = remediate(base, { now: NOW, registry: [sticky], includeSuggestions: true });
    expect(r.applied.map((x) => [x.kind, x.fix, x.pass])).toEqual([['suggestion', tag('first'), 1], ['fix', tag('fixed'), 1]]);
    expect(r.passes).toBe(2);
    expect(Object.keys(r.account.users['alice']!.tags)).toEqual(['first', 'fixed']);
    expect(remediate(base, { now: NOW, registry: [sticky] }).applied.map((x) => x.kind)).toEqual(['fix']);
  });

  it('composes the patches of every pass, and the inverse undoes them in reverse order', () => {
    const chain = fake('chain', (a) => (has(a, 'k') && a.users['alice']!.tags['k'] === '2' ? [] : [{ messageId: 'm', data: {}, resource: ref, fix: tag('k', has(a, 'k') ? '2' : '1') }]));
    const r = remediate(base, { now: NOW, registry: [chain] });
    expect(r.patches.map((p) => p.value)).toEqual(['1', '2']);
    expect(r.inversePatches).toHaveLength(2);
    expect(r.inversePatches[0]).toMatchObject({ op: 'replace', value: '1' });
    expect(snapshot(undoRemediation(r))).toBe(snapshot(base));
  });
});
