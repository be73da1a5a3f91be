import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/checks/define-check.js';
import { verifyCase } from '../../src/checks/tester.js';
import { applyOperations } from '../../src/model/apply.js';
import type { Account } from '../../src/model/types.js';
import type { Report } from '../../src/checks/types.js';
import { account, key, NOW, user } from './fixtures.js';

const apply = (a: Account, fix: readonly { op: string; input: Readonly<Record<string, unknown>> }[], now: string) => applyOperations(a, fix, now);
const meta = { id: 't', practice: 11, title: 'T', severity: 'low' as const, rationale: 'r', references: ['x'] };
const withKey = account({ users: [user('alice', { accessKeys: [key('AKIAALICE0000000001')] })] });
const ref = { kind: 'user' as const, arn: 'arn:aws:iam::111122223333:user/alice', name: 'alice' };
const deactivate = [{ op: 'UpdateAccessKey', input: { UserName: 'alice', AccessKeyId: 'AKIAALICE0000000001', Status: 'Inactive' } }];

describe('the tester itself', () => {
  it('catches a missing placeholder and an unknown message id', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'manual', messages: { m: 'User {{user}} key {{key}}' }, defaults: {} },
      detect: (): Report<'m'>[] => [{ messageId: 'm', data: { user: 'alice' }, resource: ref }, { messageId: 'nope' as 'm', data: {}, resource: ref }],
    });
    const p = verifyCase(c, { name: 'x', account: withKey, now: NOW, reports: [{ messageId: 'm' }, { messageId: 'nope' }] }, apply);
    expect(p).toContain("message 'm' has no data for {{key}}");
    expect(p).toContain("unknown messageId 'nope'");
  });

  it('catches a fix where remediation does not allow one, and suggestions on a manual check', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'manual', messages: { m: 'x' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: {}, resource: ref, fix: deactivate, suggestions: [{ messageId: 'm', fix: deactivate }] }],
    });
    const p = verifyCase(c, { name: 'x', account: withKey, now: NOW, reports: [{ messageId: 'm' }] }, apply);
    expect(p).toContain("report 'm' has a fix but meta.remediation is 'manual'");
    expect(p).toContain("report 'm' has suggestions but meta.remediation is 'manual'");
  });

  it('catches a fix that does not clear the finding', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'auto', messages: { m: 'x' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: {}, resource: ref, fix: deactivate }],
    });
    const p = verifyCase(c, { name: 'x', account: withKey, now: NOW, reports: [{ messageId: 'm' }] }, apply);
    expect(p.some((x) => x.startsWith('after the fixes, detect still reports m'))).toBe(true);
  });

  it('catches a fix that fails to apply', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'auto', messages: { m: 'x' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: {}, resource: ref, fix: [{ op: 'DeleteUser', input: { UserName: 'nobody' } }] }],
    });
    const p = verifyCase(c, { name: 'x', account: withKey, now: NOW, reports: [{ messageId: 'm' }] }, apply);
    expect(p.some((x) => x.startsWith('fix failed to apply'))).toBe(true);
  });

  it('catches a detect that mutates its input (the input is deep-frozen, so it throws)', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'manual', messages: { m: 'x' }, defaults: {} },
      detect: ({ account: a }) => {
        (a.users['alice']!.tags as Record<string, string>)['seen'] = 'yes';
        return [];
      },
    });
    const p = verifyCase(c, { name: 'x', account: account({ users: [user('alice')] }), now: NOW }, apply);
    expect(p[0]).toMatch(/^detect threw: Cannot add property seen/);
  });

  it('catches wrong counts, resources, data and an unmet after', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'auto', messages: { m: '{{n}}' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: { n: 1 }, resource: ref, fix: deactivate }],
    });
    const p = verifyCase(c, { name: 'x', account: withKey, now: NOW, reports: [{ messageId: 'm', resource: 'bob', data: { n: 2 } }, { messageId: 'm' }], after: { users: { alice: { accessKeys: [{ status: 'Active' }] } } } }, apply);
    expect(p).toEqual(expect.arrayContaining([
      expect.stringMatching(/^expected 2 report\(s\), got 1/),
      expect.stringMatching(/^report 0: expected resource 'bob'/),
      'report 0: /data/n: expected 2, got 1',
      'after the fix: /users/alice/accessKeys/0/status: expected "Active", got "Inactive"',
    ]));
  });

  it('catches options that do not match the schema', () => {
    const c = defineCheck({
      meta: { ...meta, remediation: 'manual', messages: { m: 'x' }, options: { type: 'object', properties: { days: { type: 'integer' } }, additionalProperties: false }, defaults: { days: 1 } },
      detect: () => [],
    });
    expect(verifyCase(c, { name: 'x', account: withKey, now: NOW, options: { dayz: 3 } }, apply)).toEqual(['t: option / must NOT have additional properties']);
  });
});
