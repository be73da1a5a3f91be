import { describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { compileConditionBlock, evaluateConditionBlock } from '../../../src/evaluator/conditions/index.js';
import type { ConditionTrace, ContextValue } from '../../../src/evaluator/types.js';

const P = '/Statement/0/Condition';

/** The trace of evaluating a Condition (errors allowed) against a context. */
function traceOf(condition: unknown, context: Record<string, ContextValue>): ConditionTrace[] {
  const { block } = compileConditionBlock(condition, P, { variables: true });
  const trace: ConditionTrace[] = [];
  evaluateConditionBlock(block, buildRequestContext(context), trace);
  return trace;
}

describe('trace: the request values of each clause [types.ts ConditionTrace]', () => {
  it.each([
    ['a single value', 'a', ['a']],
    ['an empty string is a value', '', ['']],
    ['a one-element list', ['a'], ['a']],
    ['a list', ['a', 'b'], ['a', 'b']],
    ['an empty list counts as absent', [], null],
  ] as const)('%s', (_name, value, want) => {
    expect(traceOf({ StringEquals: { 'k:k': 'a' } }, { 'k:k': value as ContextValue })[0]?.requestValues).toEqual(want);
  });
  it('an absent key shows as null', () => {
    expect(traceOf({ StringEquals: { 'k:k': 'a' } }, {})[0]?.requestValues).toBeNull();
  });
});

describe('trace: the policy values after substitution [sheet §3.5]', () => {
  const ctx = { 'aws:username': 'alice', 'k:want': 'true', 'aws:PrincipalTag/team': 'Blue' };
  it('String, ARN and Bool values show their variables substituted; an unresolved one shows as written', () => {
    const trace = traceOf({
      StringEquals: { 'k:a': ['${aws:username}', 'bob'] },
      StringEqualsIgnoreCase: { 'k:b': 'team-${aws:PrincipalTag/team}' },
      StringLike: { 'k:c': 'home/${aws:username}/*' },
      ArnLike: { 'k:d': 'arn:aws:iam::*:user/${aws:username}' },
      Bool: { 'k:e': '${k:want}' },
      StringNotEquals: { 'k:f': '${aws:PrincipalTag/missing}' },
    }, ctx);
    expect(trace.map((t) => [t.operator, t.key, t.policyValues])).toEqual([
      ['StringEquals', 'k:a', ['alice', 'bob']],
      ['StringEqualsIgnoreCase', 'k:b', ['team-Blue']],
      ['StringLike', 'k:c', ['home/alice/*']],
      ['ArnLike', 'k:d', ['arn:aws:iam::*:user/alice']],
      ['Bool', 'k:e', ['true']],
      ['StringNotEquals', 'k:f', ['${aws:PrincipalTag/missing}']],
    ]);
  });
  it('other families show the values as written, JSON numbers and booleans as text', () => {
    const trace = traceOf({
      NumericLessThan: { 'k:n': [10, '2.50'] },
      DateLessThan: { 'k:d': '2020-01-01' },
      IpAddress: { 'k:i': '10.0.0.0/8' },
      BinaryEquals: { 'k:b': 'QQ==' },
      Null: { 'k:x': false },
    }, ctx);
    expect(trace.map((t) => t.policyValues)).toEqual([['10', '2.50'], ['2020-01-01'], ['10.0.0.0/8'], ['QQ=='], ['false']]);
  });
});

describe('trace: clauses that could not be compiled are listed, never matched', () => {
  it.each([
    ['a Condition that is not an object', ['StringEquals'], [{ operator: '', key: '', requestValues: null, policyValues: [], matched: false }]],
    ['an unknown operator', { Bogus: { 'k:k': 'a' } }, [{ operator: 'Bogus', key: '', requestValues: null, policyValues: [], matched: false }]],
    ['an operator whose body is not an object', { StringNotEquals: ['k:k'] }, [{ operator: 'StringNotEquals', key: '', requestValues: null, policyValues: [], matched: false }]],
    ['a value of the wrong JSON type', { StringNotEquals: { 'k:k': ['a', null] } }, [{ operator: 'StringNotEquals', key: 'k:k', requestValues: ['x'], policyValues: [], matched: false }]],
  ])('%s', (_name, cond, want) => {
    expect(traceOf(cond, { 'k:k': 'x' })).toEqual(want);
  });
});
