import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { compileConditionBlock, evaluateConditionBlock, isEmptyConditionBlock, parseOperator } from '../../../src/evaluator/conditions/index.js';
import type { ConditionTrace } from '../../../src/evaluator/types.js';
import { problemsOf } from './helpers.js';
import { CONDITION_PROBLEMS } from '../../../src/evaluator/conditions/messages.js';
import { runs } from '../../arbitraries/runs.js';

const P = '/Statement/0/Condition';

describe('compile problems, each with a JSON pointer [sheet §6.1, §3.3]', () => {
  it.each([
    ['non-object Condition', 'StringEquals', 'condition-not-object', P, 'error'],
    ['array Condition', [], 'condition-not-object', P, 'error'],
    ['unknown operator', { StringEqual: { 'aws:username': 'a' } }, 'condition-operator-unknown', `${P}/StringEqual`, 'error'],
    ['unknown operator with an empty body (accepted by IAM)', { Whatever: {} }, 'condition-operator-unknown-empty', `${P}/Whatever`, 'warning'],
    ['wrong case', { stringequals: { 'aws:username': 'a' } }, 'condition-operator-unknown', `${P}/stringequals`, 'error'],
    ['NullIfExists is not an operator… it is warned', { NullIfExists: { 'aws:username': 'true' } }, 'condition-null-modifier', `${P}/NullIfExists`, 'warning'],
    ['body not an object', { StringEquals: 'a' }, 'condition-operator-not-object', `${P}/StringEquals`, 'error'],
    ['key without vendor', { StringEquals: { username: 'a' } }, 'condition-key-no-vendor', `${P}/StringEquals/username`, 'error'],
    ['object value', { StringEquals: { 'aws:username': { a: 1 } } }, 'condition-value-type', `${P}/StringEquals/aws:username`, 'error'],
    ['null in a list', { StringEquals: { 'aws:username': ['a', null] } }, 'condition-value-type', `${P}/StringEquals/aws:username/1`, 'error'],
    ['empty list', { StringEquals: { 'aws:username': [] } }, 'condition-value-empty', `${P}/StringEquals/aws:username`, 'warning'],
    ['bad number', { NumericLessThan: { 's3:max-keys': '10abc' } }, 'condition-number-invalid', `${P}/NumericLessThan/s3:max-keys`, 'error'],
    ['empty number', { NumericLessThan: { 's3:max-keys': '' } }, 'condition-number-invalid', `${P}/NumericLessThan/s3:max-keys`, 'error'],
    ['time-only date', { DateGreaterThan: { 'aws:CurrentTime': '09:00:00Z' } }, 'condition-date-invalid', `${P}/DateGreaterThan/aws:CurrentTime`, 'error'],
    ['garbage date in a list', { DateLessThan: { 'aws:CurrentTime': ['2020-01-01', 'tomorrow'] } }, 'condition-date-invalid', `${P}/DateLessThan/aws:CurrentTime/1`, 'error'],
    ['wildcard date', { DateLessThan: { 'aws:CurrentTime': '2020-*' } }, 'condition-date-invalid', `${P}/DateLessThan/aws:CurrentTime`, 'error'],
    ['bad CIDR', { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } }, 'condition-ip-invalid', `${P}/IpAddress/aws:SourceIp`, 'error'],
    ['bad bool', { Bool: { 'aws:SecureTransport': 'yes' } }, 'condition-bool-invalid', `${P}/Bool/aws:SecureTransport`, 'error'],
    ['bad base64', { BinaryEquals: { 'k:b': 'abc' } }, 'condition-binary-invalid', `${P}/BinaryEquals/k:b`, 'error'],
    ['bad Null value', { Null: { 'aws:TagKeys': 'maybe' } }, 'condition-null-invalid', `${P}/Null/aws:TagKeys`, 'error'],
    ['variable in Numeric', { NumericEquals: { 'k:n': '${aws:username}' } }, 'condition-variable-not-allowed', `${P}/NumericEquals/k:n`, 'error'],
    ['variable in Date', { DateLessThan: { 'aws:CurrentTime': '${k:d}' } }, 'condition-variable-not-allowed', `${P}/DateLessThan/aws:CurrentTime`, 'error'],
    ['variable in IP', { IpAddress: { 'aws:SourceIp': '${k:ip}' } }, 'condition-variable-not-allowed', `${P}/IpAddress/aws:SourceIp`, 'error'],
    ['variable in Binary', { BinaryEquals: { 'k:b': '${k:b}' } }, 'condition-variable-not-allowed', `${P}/BinaryEquals/k:b`, 'error'],
    ['variable in Bool', { Bool: { 'k:b': '${k:b}' } }, 'condition-variable-in-bool', `${P}/Bool/k:b`, 'warning'],
    ['malformed variable', { StringEquals: { 'k:s': '${oops' } }, 'condition-variable-malformed', `${P}/StringEquals/k:s`, 'warning'],
    ['plain operator on aws:TagKeys', { StringEquals: { 'aws:TagKeys': 'a' } }, 'condition-multivalued-key-needs-set', `${P}/StringEquals/aws:TagKeys`, 'warning'],
    ['set operator on a single-valued key', { 'ForAllValues:StringEquals': { 'aws:RequestTag/team': 'a' } }, 'condition-set-on-single-valued-key', `${P}/ForAllValues:StringEquals/aws:RequestTag~1team`, 'warning'],
    ['ARN value that can never match', { ArnLike: { 'aws:SourceArn': 'not-an-arn' } }, 'condition-arn-never-matches', `${P}/ArnLike/aws:SourceArn`, 'warning'],
    ['pointer escaping of / and ~', { StringEquals: { 'aws:ResourceTag/a~b': 1 }, 'Date~/x': { 'k:k': 1 } }, 'condition-operator-unknown', `${P}/Date~0~1x`, 'error'],
  ])('%s', (_name, cond, code, path, severity) => {
    const problems = problemsOf(cond);
    expect(problems.map((p) => ({ code: p.code, path: p.path, severity: p.severity }))).toContainEqual({ code, path, severity });
    for (const p of problems) expect(p.path.startsWith(P)).toBe(true);
  });
  it('suggests the right spelling for a case slip', () => {
    const [p] = problemsOf({ 'forAnyValue:stringlikeifexists': { 'k:k': 'a' } });
    expect(p?.hint).toContain('ForAnyValue:StringLikeIfExists');
  });
  it('reports nothing for a valid block, and the "Syntax errors" / "legacy parsing" messages like IAM', () => {
    expect(problemsOf({ StringEquals: { 'aws:username': 'a' }, 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'team*' }, DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } })).toEqual([]);
    expect(problemsOf({ StringEqual: { 'k:k': 'a' } })[0]?.message).toMatch(/^Syntax errors in policy\./);
    expect(problemsOf({ DateLessThan: { 'k:k': 'x' } })[0]?.message).toMatch(/^The policy failed legacy parsing/);
  });
  it('does not check variable rules when variables are off (2008-10-17): the value is just invalid', () => {
    expect(problemsOf({ NumericEquals: { 'k:n': '${x:y}' } }, false).map((p) => p.code)).toEqual(['condition-number-invalid']);
  });
  it('an invalid clause never matches; an empty block is empty', () => {
    const ctx = buildRequestContext({ 'aws:username': 'a' });
    const bad = compileConditionBlock({ StringEqual: { 'aws:username': 'a' } }, P, { variables: true }).block;
    expect(evaluateConditionBlock(bad, ctx, null)).toBe(false);
    expect(isEmptyConditionBlock(bad)).toBe(false);
    expect(isEmptyConditionBlock(compileConditionBlock({}, P, { variables: true }).block)).toBe(true);
  });
});

describe('messages are templates with data [STYLE: messages]', () => {
  it('every code has a filled message, and no placeholder is left unfilled', () => {
    const samples = [
      problemsOf('x'), problemsOf({ Bogus: { 'k:k': 1 } }), problemsOf({ Bogus: {} }), problemsOf({ StringEquals: 1 }),
      problemsOf({ NullIfExists: { 'k:k': 'true' } }), problemsOf({ StringEquals: { k: 'a' } }), problemsOf({ StringEquals: { 'aws:TagKeys': 'a' } }),
      problemsOf({ StringEquals: { 'k:k': [{}] } }), problemsOf({ StringEquals: { 'k:k': [] } }), problemsOf({ NumericEquals: { 'k:k': '${a:b}' } }),
      problemsOf({ Bool: { 'k:k': '${a:b}' } }), problemsOf({ StringEquals: { 'k:k': '${' } }), problemsOf({ NumericEquals: { 'k:k': 'x' } }),
      problemsOf({ DateEquals: { 'k:k': 'x' } }), problemsOf({ Bool: { 'k:k': 'x' } }), problemsOf({ BinaryEquals: { 'k:k': 'x' } }),
      problemsOf({ IpAddress: { 'k:k': 'x' } }), problemsOf({ Null: { 'k:k': 'x' } }), problemsOf({ ArnLike: { 'k:k': 'x' } }),
      problemsOf({ 'ForAnyValue:IpAddress': { 'aws:SourceIp': '10.0.0.0/8' } }),
    ].flat();
    expect(new Set(samples.map((p) => p.code)).size).toBe(Object.keys(CONDITION_PROBLEMS).length);
    for (const p of samples) {
      expect(p.message).not.toMatch(/\{\{\w+\}\}/);
      if (p.hint !== undefined) expect(p.hint).not.toMatch(/\{\{\w+\}\}/);
      expect(p.severity).toBe(CONDITION_PROBLEMS[p.code as keyof typeof CONDITION_PROBLEMS].severity);
    }
  });
});

describe('parseOperator [sheet §3.3]', () => {
  it.each([
    ['StringEquals', { set: 'none', base: 'StringEquals', ifExists: false }],
    ['StringEqualsIfExists', { set: 'none', base: 'StringEquals', ifExists: true }],
    ['ForAllValues:StringLike', { set: 'for-all-values', base: 'StringLike', ifExists: false }],
    ['ForAnyValue:ArnNotLikeIfExists', { set: 'for-any-value', base: 'ArnNotLike', ifExists: true }],
  ])('%s', (text, want) => expect(parseOperator(text)).toEqual(want));
  it.each(['IfExists', 'ForAllValues:', 'ForAnyValue:ForAllValues:StringEquals', 'StringEqualsIfExistsIfExists', 'stringEquals', 'ForAllValues:Bogus'])(
    'rejects %j', (text) => expect('unknown' in parseOperator(text)).toBe(true));
});

describe('trace [types.ts ConditionTrace]', () => {
  it('records operator, key, request values and substituted policy values for every clause', () => {
    const { block } = compileConditionBlock({
      StringEquals: { 'aws:username': ['${aws:PrincipalTag/missing}', 'bob'] },
      'ForAnyValue:StringLike': { 'aws:TagKeys': 'a*' },
      IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
    }, P, { variables: true });
    const ctx = buildRequestContext({ 'aws:username': 'alice', 'aws:TagKeys': ['ab', 'c'] });
    const trace: ConditionTrace[] = [];
    expect(evaluateConditionBlock(block, ctx, trace)).toBe(false);
    expect(trace).toEqual([
      { operator: 'StringEquals', key: 'aws:username', requestValues: ['alice'], policyValues: ['${aws:PrincipalTag/missing}', 'bob'], matched: false },
      { operator: 'ForAnyValue:StringLike', key: 'aws:TagKeys', requestValues: ['ab', 'c'], policyValues: ['a*'], matched: true },
      { operator: 'IpAddress', key: 'aws:SourceIp', requestValues: null, policyValues: ['10.0.0.0/8'], matched: false },
    ]);
  });
});

describe('COMPILE-TOTAL: compileConditionBlock never throws on any JSON value (property)', () => {
  const opNames = fc.constantFrom('StringEquals', 'StringLikeIfExists', 'ForAllValues:NumericLessThan', 'ForAnyValue:DateEquals',
    'IpAddress', 'NotIpAddress', 'Bool', 'BinaryEquals', 'ArnLike', 'Null', 'NullIfExists', 'Bogus', 'ForAnyValue:Null', 'stringequals');
  const values = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('${', '${aws:username}', "${a, 'b'}", '${*}', '10.0.0.0/8', '::/0', '2020-01-01', 'QQ=='));
  const shaped = fc.dictionary(opNames, fc.oneof(fc.dictionary(fc.string(), fc.oneof(values, fc.array(values))), fc.jsonValue()));
  it('for arbitrary JSON and condition-shaped JSON, compiles to problems and evaluates without throwing', () => {
    const ctx = buildRequestContext({ 'aws:username': 'alice', 'aws:TagKeys': ['a', 'b'], 'aws:SourceIp': '10.1.2.3' });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), shaped), fc.boolean(), (raw, variables) => {
      const { block, problems } = compileConditionBlock(raw, P, { variables });
      for (const p of problems) expect(p.path.startsWith(P)).toBe(true);
      evaluateConditionBlock(block, ctx, null);
      evaluateConditionBlock(block, ctx, []);
    }), { numRuns: runs(1000) });
  });
  it('evaluation never throws either, for any JSON request context', () => {
    const ctxKeys = fc.constantFrom('aws:username', 'AWS:TagKeys', 'aws:SourceIp', 'aws:CurrentTime', 'k:k', 'aws:SecureTransport');
    const ctxValue = fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string()), fc.constantFrom('10.0.0.1', '::1', '2020-01-01T00:00:00Z', 'true', 'QQ=='));
    fc.assert(fc.property(shaped, fc.dictionary(ctxKeys, ctxValue), fc.boolean(), (raw, context, variables) => {
      const { block } = compileConditionBlock(raw, P, { variables });
      const ctx = buildRequestContext(context as Record<string, string>);
      expect(evaluateConditionBlock(block, ctx, [])).toBe(evaluateConditionBlock(block, ctx, null));
    }), { numRuns: runs(1000) });
  });
});
