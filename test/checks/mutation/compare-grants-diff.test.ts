import { describe, expect, it } from 'vitest';
import { actionsOf, allowedRequests, compareGrants, firstAllowed, grantsContained, lostActionsWithin, toAuthzRequest, type Decide } from '../../../src/checks/universe/compare-grants.js';
import type { Effect } from '../../../src/evaluator/types.js';
import type { Universe } from '../../../src/checks/universe/types.js';

/** Two classes × two resources × two contexts; a set is a map from "action resource context" to an effect (default ImplicitDeny). */
const u: Universe = {
  principal: { kind: 'user', arn: 'arn:aws:iam::111122223333:user/p', accountId: '111122223333' },
  fixed: { 'aws:username': 'p', k: 'fixed' },
  actionPatterns: [], actionElements: [],
  actionClasses: [
    { representative: 's3:GetObject', members: ['s3:GetObject', 's3:GetBucket'], patterns: [] },
    { representative: 'ec2:Run', members: ['ec2:Run', 'ec2:Stop'], patterns: [] },
  ],
  resources: ['r1', 'r2'],
  resourceOrigins: {},
  contexts: [{ values: { k: 'a' } }, { values: {} }],
  keys: ['k'], size: 8, expandedSize: 16, exact: true,
};
type Set = Readonly<Record<string, Effect>>;
const calls: string[] = [];
const decide: Decide<Set> = (req, set) => {
  const k = `${req.action} ${req.resource} ${String(req.context['k'])}`;
  calls.push(k);
  return set[k] ?? 'ImplicitDeny';
};
const req = (actionClass: number, resource: string, context: number) => ({ actionClass, action: u.actionClasses[actionClass]!.representative, resource, context });

describe('toAuthzRequest', () => {
  it('merges the context over the fixed keys, and falls back to the fixed keys for an unknown context', () => {
    expect(toAuthzRequest(u, req(1, 'r2', 0))).toEqual({ principal: u.principal, action: 'ec2:Run', resource: 'r2', context: { 'aws:username': 'p', k: 'a' } });
    expect(toAuthzRequest(u, req(0, 'r1', 1)).context).toEqual({ 'aws:username': 'p', k: 'fixed' });
    expect(toAuthzRequest(u, req(0, 'r1', 7)).context).toBe(u.fixed);
  });
});

describe('compareGrants', () => {
  const a: Set = { 's3:GetObject r1 a': 'Allow', 'ec2:Run r2 fixed': 'Allow', 's3:GetObject r2 a': 'ExplicitDeny' };
  const b: Set = { 'ec2:Run r2 fixed': 'Allow', 'ec2:Run r1 a': 'Allow' };
  it('collects the requests only one side allows, over every request', () => {
    expect(compareGrants(u, a, b, decide)).toEqual({ equal: false, onlyA: [req(0, 'r1', 0)], onlyB: [req(1, 'r1', 0)], evaluated: 8 });
    expect(compareGrants(u, a, a, decide)).toEqual({ equal: true, onlyA: [], onlyB: [], evaluated: 8 });
    expect(compareGrants(u, b, a, decide).equal).toBe(false);
    expect(compareGrants(u, {}, a, decide)).toEqual({ equal: false, onlyA: [], onlyB: [req(0, 'r1', 0), req(1, 'r2', 1)], evaluated: 8 });
  });
  it('strict: an explicit Deny against an implicit one is a difference, reported in onlyA', () => {
    expect(compareGrants(u, a, { ...a, 's3:GetObject r2 a': 'ImplicitDeny' }, decide, { strict: true })).toEqual({ equal: false, onlyA: [req(0, 'r2', 0)], onlyB: [], evaluated: 8 });
    expect(compareGrants(u, a, { ...a, 's3:GetObject r2 a': 'ImplicitDeny' }, decide).equal).toBe(true);
  });
  it('stopWhenANotInB: stops at the first request a allows and b does not, asking b only where a allows', () => {
    calls.length = 0;
    expect(compareGrants(u, a, b, decide, { stopWhenANotInB: true })).toEqual({ equal: false, onlyA: [req(0, 'r1', 0)], onlyB: [], evaluated: 1 });
    expect(calls).toEqual(['s3:GetObject r1 a', 's3:GetObject r1 a']);
    calls.length = 0;
    expect(compareGrants(u, b, a, decide, { stopWhenANotInB: true })).toEqual({ equal: false, onlyA: [req(1, 'r1', 0)], onlyB: [], evaluated: 5 });
    expect(calls.length).toBe(6);
    calls.length = 0;
    const r = compareGrants(u, { 'ec2:Run r2 fixed': 'Allow' }, b, decide, { stopWhenANotInB: true });
    expect(r).toEqual({ equal: true, onlyA: [], onlyB: [], evaluated: 8 });
    expect(calls.length).toBe(9);
  });
  it('stopWhenANotInB with strict still asks b everywhere and records effect differences', () => {
    calls.length = 0;
    const r = compareGrants(u, { 'ec2:Run r2 fixed': 'Allow', 's3:GetObject r1 a': 'ExplicitDeny' }, { 'ec2:Run r2 fixed': 'Allow' }, decide, { stopWhenANotInB: true, strict: true });
    expect(r).toEqual({ equal: false, onlyA: [req(0, 'r1', 0)], onlyB: [], evaluated: 8 });
    expect(calls.length).toBe(16);
  });
  it('grantsContained', () => {
    expect(grantsContained(u, { 'ec2:Run r2 fixed': 'Allow' }, b, decide)).toBe(true);
    expect(grantsContained(u, a, b, decide)).toBe(false);
  });
});

describe('allowedRequests, actionsOf, firstAllowed, lostActionsWithin', () => {
  const a: Set = { 's3:GetObject r1 a': 'Allow', 'ec2:Run r2 fixed': 'Allow', 'ec2:Run r1 fixed': 'Allow' };
  it('lists allowed requests in universe order and the real actions they stand for', () => {
    const rs = allowedRequests(u, a, decide);
    expect(rs).toEqual([req(0, 'r1', 0), req(1, 'r1', 1), req(1, 'r2', 1)]);
    expect(actionsOf(u, rs)).toEqual(['ec2:Run', 'ec2:Stop', 's3:GetBucket', 's3:GetObject']);
    expect(actionsOf(u, [{ ...req(0, 'r1', 0), actionClass: 9 }])).toEqual([]);
  });
  it('firstAllowed only among contexts that pass the filter', () => {
    expect(firstAllowed(u, a, decide, (c) => c['k'] === undefined)).toEqual(req(1, 'r1', 1));
    expect(firstAllowed(u, a, decide, () => true)).toEqual(req(0, 'r1', 0));
    expect(firstAllowed(u, {}, decide, () => true)).toBeUndefined();
  });
  it('lostActionsWithin: the actions a allows and b does not, or null past the tolerance', () => {
    expect(lostActionsWithin(u, a, {}, decide, 4)).toEqual(['ec2:Run', 'ec2:Stop', 's3:GetBucket', 's3:GetObject']);
    expect(lostActionsWithin(u, a, {}, decide, 3)).toBeNull();
    expect(lostActionsWithin(u, a, { 's3:GetObject r1 a': 'Allow' }, decide, 2)).toEqual(['ec2:Run', 'ec2:Stop']);
    expect(lostActionsWithin(u, a, a, decide, 0)).toEqual([]);
    expect(lostActionsWithin(u, a, { ...a, 'ec2:Run r1 fixed': 'ExplicitDeny' }, decide, 2)).toEqual(['ec2:Run', 'ec2:Stop']);
  });
});
