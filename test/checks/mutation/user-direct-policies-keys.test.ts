/** user-direct-policies: the canonical policy-set key, which matching group is chosen, user order and the message; multiple-active-access-keys: which key is stalest. */
import { describe, expect, it } from 'vitest';
import check, { matchingGroup, policySetKey } from '../../../src/checks/rules/user-direct-policies.js';
import keys from '../../../src/checks/rules/multiple-active-access-keys.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, daysAgo, group, key, NOW, user } from '../fixtures.js';
import { findings } from '../rules-b/render.js';

const P = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const odd = (x: unknown): PolicyDocument => x as PolicyDocument;

describe('policySetKey', () => {
  it('is canonical text: sorted keys, lists in order, null kept', () => {
    expect(policySetKey({ attachedPolicies: [P, P], inlinePolicies: { p: odd({ b: [1, 23, null], a: { y: 'x', x: null } }) } }))
      .toBe('{"attached":["arn:aws:iam::aws:policy/ReadOnlyAccess"],"inline":{"p":{"a":{"x":null,"y":"x"},"b":[1,23,null]}}}');
  });
  it('a list is not an object with index keys', () => {
    const k = (v: unknown) => policySetKey({ attachedPolicies: [], inlinePolicies: { p: odd({ v }) } });
    expect(k(['a'])).not.toBe(k({ 0: 'a' }));
  });
});

describe('matchingGroup', () => {
  it('among groups the user is not in, the first by name', () => {
    const u = user('alice', { attachedPolicies: [P] });
    const a = account({ users: [u], groups: [group('zeta', { attachedPolicies: [P] }), group('beta', { attachedPolicies: [P] }), group('alpha', { attachedPolicies: [P] })] });
    expect(matchingGroup(a, u)?.name).toBe('alpha');
  });
});

describe('user-direct-policies reports', () => {
  it('users in name order, every policy named', () => {
    const a = account({ users: [user('zed', { attachedPolicies: [P] }), user('bob', { attachedPolicies: [P], inlinePolicies: { mine: odd({ Version: '2012-10-17', Statement: [] }) } }), user('amy', { attachedPolicies: [P] })] });
    expect(findings(check, a, NOW).map((f) => f.message)).toEqual([
      'User amy holds 1 policies directly (ReadOnlyAccess); grant them through a group',
      'User bob holds 2 policies directly (ReadOnlyAccess, inline mine); grant them through a group',
      'User zed holds 1 policies directly (ReadOnlyAccess); grant them through a group',
    ]);
  });
});

describe('multiple-active-access-keys: the key to deactivate', () => {
  const stale = (ks: ReturnType<typeof key>[], keyUse: Record<string, string> = {}) =>
    keys.detect({ account: account({ users: [user('u', { accessKeys: ks })], keyUse }), now: NOW, options: {} }).map((r) => r.suggestions?.[0]?.data?.['key']);
  it('never used comes before used; then the earlier use', () => {
    expect(stale([key('AKIAK1', daysAgo(300)), key('AKIAK2', daysAgo(10))], { AKIAK1: daysAgo(1) })).toEqual(['AKIAK2']);
    expect(stale([key('AKIAK1', daysAgo(10)), key('AKIAK2', daysAgo(300))], { AKIAK1: daysAgo(5), AKIAK2: daysAgo(1) })).toEqual(['AKIAK1']);
  });
  it('the same last use: the older key, and with the same age the first listed', () => {
    expect(stale([key('AKIAK1', daysAgo(10)), key('AKIAK2', daysAgo(30))], { AKIAK1: daysAgo(2), AKIAK2: daysAgo(2) })).toEqual(['AKIAK2']);
    expect(stale([key('AKIAK1', daysAgo(30)), key('AKIAK2', daysAgo(10))])).toEqual(['AKIAK1']);
    expect(stale([key('AKIAK1', daysAgo(30)), key('AKIAK2', daysAgo(30))])).toEqual(['AKIAK1']);
    expect(stale([key('AKIAK1', daysAgo(30)), key('AKIAK2', daysAgo(40))], { AKIAK1: daysAgo(50) })).toEqual(['AKIAK2']);
  });
});
