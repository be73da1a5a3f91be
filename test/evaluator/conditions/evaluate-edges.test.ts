import { describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { compileConditionBlock, evaluateConditionBlock } from '../../../src/evaluator/conditions/index.js';
import type { ContextValue } from '../../../src/evaluator/types.js';
import { holds } from './helpers.js';

const P = '/Statement/0/Condition';

/** Compiles a Condition that has errors (which `holds` refuses) and evaluates it; returns the answer and the error codes. */
function evalWithErrors(condition: unknown, context: Record<string, ContextValue>): { matched: boolean; errors: string[] } {
  const { block, problems } = compileConditionBlock(condition, P, { variables: true });
  return {
    matched: evaluateConditionBlock(block, buildRequestContext(context), null),
    errors: problems.filter((p) => p.severity === 'error').map((p) => p.code),
  };
}

describe('a clause that could not be compiled never matches, whatever its operator [sheet §6.1]', () => {
  it.each([
    ['a negated operator with an object value, key absent', { StringNotEquals: { 'k:k': { a: 1 } } }, {}],
    ['a negated operator with an object value, key present', { StringNotEquals: { 'k:k': { a: 1 } } }, { 'k:k': 'x' }],
    ['IfExists with a null value, key absent', { StringEqualsIfExists: { 'k:k': null } }, {}],
    ['ForAllValues with a null value, key absent', { 'ForAllValues:StringNotLike': { 'k:k': null } }, {}],
    ['one bad item spoils the list: NotIpAddress ["10.0.0.0/8", null]', { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', null] } }, { 'aws:SourceIp': '192.0.2.1' }],
    ['one bad item spoils the list: StringNotEquals ["a", {}], key absent', { StringNotEquals: { 'k:k': ['a', {}] } }, {}],
    ['an unknown operator, even against a key with an empty name', { Bogus: { 'k:k': 'a' } }, { '': 'a' }],
    ['a non-object operator body, even against a key with an empty name', { StringNotEquals: 'a' }, { '': 'a' }],
    ['a non-object Condition, even against a key with an empty name', 'StringEquals', { '': 'a' }],
  ])('%s', (_name, cond, context) => {
    const r = evalWithErrors(cond, context);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.matched).toBe(false);
  });
  it('the same negated clauses with well-typed values do match', () => {
    expect(holds({ StringNotEquals: { 'k:k': ['a'] } }, {})).toBe(true);
    expect(holds({ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, { 'aws:SourceIp': '192.0.2.1' })).toBe(true);
  });
  it('numbers and booleans are policy values; NaN and the infinities are not', () => {
    expect(holds({ NumericEquals: { 'k:k': [1.5, -2] } }, { 'k:k': '-2' })).toBe(true);
    expect(holds({ Bool: { 'k:k': [false] } }, { 'k:k': 'false' })).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(evalWithErrors({ NumericNotEquals: { 'k:k': bad } }, { 'k:k': '5' })).toEqual({ matched: false, errors: ['condition-value-type'] });
    }
  });
});

describe('an unknown operator with an empty body has no effect, as IAM accepts it', () => {
  it('the block is empty and holds; with a body, the block never holds', () => {
    const empty = compileConditionBlock({ Whatever: {} }, P, { variables: true });
    expect(empty.block.clauses).toEqual([]);
    expect(evaluateConditionBlock(empty.block, buildRequestContext({}), null)).toBe(true);
    expect(evaluateConditionBlock(compileConditionBlock({ Whatever: {}, StringEquals: { 'k:k': 'a' } }, P, { variables: true }).block, buildRequestContext({ 'k:k': 'a' }), null)).toBe(true);
    expect(evalWithErrors({ Whatever: { 'k:k': 'a' } }, { 'k:k': 'a' }).matched).toBe(false);
  });
});

describe('Bool: a value that is not true/false matches nothing [sheet §3.3 Bool]', () => {
  it('an invalid policy value does not match an invalid request value, even the same text', () => {
    expect(evalWithErrors({ Bool: { 'k:k': 'yes' } }, { 'k:k': 'yes' })).toEqual({ matched: false, errors: ['condition-bool-invalid'] });
    expect(evalWithErrors({ Bool: { 'k:k': 'yes' } }, { 'k:k': 'maybe' })).toEqual({ matched: false, errors: ['condition-bool-invalid'] });
    expect(evalWithErrors({ Bool: { 'k:k': ['yes', 'true'] } }, { 'k:k': 'TRUE' })).toEqual({ matched: true, errors: ['condition-bool-invalid'] });
  });
  it.each([
    ['the substituted value differs', { 'k:flag': 'true', 'k:want': 'false' }, false],
    ['the substituted value is equal in another case', { 'k:flag': 'False', 'k:want': 'FALSE' }, true],
    ['the substituted value is not a boolean', { 'k:flag': 'true', 'k:want': 'yes' }, false],
    ['both are the same non-boolean text', { 'k:flag': 'yes', 'k:want': 'yes' }, false],
    ['the variable is unresolved', { 'k:flag': 'true' }, false],
    ['the variable is unresolved and the request value is not a boolean', { 'k:flag': 'maybe' }, false],
  ])('a variable: %s', (_name, context, want) => {
    expect(holds({ Bool: { 'k:flag': '${k:want}' } }, context)).toBe(want);
  });
  it('a variable among fixed values: ORed', () => {
    expect(holds({ Bool: { 'k:flag': ['${k:want}', 'true'] } }, { 'k:flag': 'true', 'k:want': 'false' })).toBe(true);
    expect(holds({ Bool: { 'k:flag': ['${k:want}', 'false'] } }, { 'k:flag': 'true', 'k:want': 'false' })).toBe(false);
  });
});
