import { describe, expect, it } from 'vitest';
import { combineEvent, describeRefs, ROOT_USER_REF, statementEvent } from '../../src/evaluator/trace.js';

describe('describeRefs', () => {
  it('writes policy#index, with the Sid in parentheses when there is one, separated by commas', () => {
    expect(describeRefs([{ policyId: 'p', policyKind: 'identity', index: 0 }, { policyId: 'arn:aws:iam::aws:policy/X', policyKind: 'identity', sid: 'S1', index: 3 }, ROOT_USER_REF])).toBe('p#0, arn:aws:iam::aws:policy/X#3 (S1), root-user#-1');
    expect(describeRefs([{ policyId: 'p', policyKind: 'scp', sid: '', index: 1 }])).toBe('p#1 ()');
    expect(describeRefs([])).toBe('');
  });
});

describe('combineEvent', () => {
  it('fills every placeholder and leaves those without data as they are', () => {
    expect(combineEvent('cross-account', 'pass', 'cross-account', { from: '1', to: '2' })).toEqual({
      kind: 'combine',
      step: 'cross-account',
      outcome: 'pass',
      message: 'Cross-account request (principal account 1, resource account 2): the resource side and the principal side must both allow.',
    });
    expect(combineEvent('scp', 'deny', 'gate-missing', { kind: 'SCP', level: 0 })).toMatchObject({ message: 'SCP level 0 (0 = organization root) has no matching Allow, so the request is implicitly denied.' });
    expect(combineEvent('scp', 'deny', 'gate-missing')).toMatchObject({ message: '{{kind}} level {{level}} (0 = organization root) has no matching Allow, so the request is implicitly denied.' });
  });
});

describe('statementEvent', () => {
  const ref = { policyId: 'p', policyKind: 'resource' as const, index: 0 };
  const all = { actionMatched: true, resourceMatched: true, principalMatched: true, conditionsMatched: true, conditions: [] };

  it('matches only when action, resource, principal and conditions all match; null parts do not count', () => {
    expect(statementEvent(ref, 'Deny', all)).toEqual({ kind: 'statement', ref, effect: 'Deny', ...all, matched: true });
    expect(statementEvent(ref, 'Allow', { ...all, principalMatched: null, conditionsMatched: null })).toMatchObject({ matched: true });
    expect(statementEvent(ref, 'Allow', { ...all, actionMatched: false })).toMatchObject({ matched: false });
    expect(statementEvent(ref, 'Allow', { ...all, resourceMatched: false })).toMatchObject({ matched: false });
    expect(statementEvent(ref, 'Allow', { ...all, principalMatched: false })).toMatchObject({ matched: false });
    expect(statementEvent(ref, 'Allow', { ...all, conditionsMatched: false })).toMatchObject({ matched: false });
  });
});
