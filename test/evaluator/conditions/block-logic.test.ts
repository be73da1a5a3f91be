import { describe, expect, it } from 'vitest';
import { BASE_OPERATORS, OPERATORS } from '../../../src/evaluator/conditions/index.js';
import { holds } from './helpers.js';

/** A valid policy value for each base operator, so the missing-key table can be driven over all of them. */
const SAMPLE: Record<string, string> = {
  string: 'x', numeric: '1', date: '2020-01-01T00:00:00Z', bool: 'true', binary: 'QQ==', ip: '10.0.0.0/8', arn: 'arn:aws:s3:::b', null: 'true',
};

describe('missing key, every operator [sheet §3.2]', () => {
  const rows = BASE_OPERATORS.filter((b) => b !== 'Null').flatMap((base) => {
    const info = OPERATORS[base];
    const value = SAMPLE[info.family]!;
    return [
      [base, value, info.negated] as const,
      [`${base}IfExists`, value, true] as const,
      [`ForAllValues:${base}`, value, true] as const,
      [`ForAnyValue:${base}`, value, false] as const,
      [`ForAllValues:${base}IfExists`, value, true] as const,
      [`ForAnyValue:${base}IfExists`, value, false] as const,
    ];
  });
  it.each(rows)('%s with the key absent -> %s', (op, value, want) => {
    expect(holds({ [op]: { 'k:absent': value } }, { 'k:other': 'x' })).toBe(want);
  });
  it.each([['true', true], ['false', false], [['true', 'false'], true]] as const)('Null %j with the key absent -> %s', (v, want) => {
    expect(holds({ Null: { 'k:absent': v } }, {})).toBe(want);
  });
  it('an empty list counts as absent', () => {
    expect(holds({ Null: { 'aws:TagKeys': 'true' } }, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds({ StringEqualsIfExists: { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': [] })).toBe(true);
    expect(holds({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': [] })).toBe(false);
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': [] })).toBe(true);
  });
  it('Deny + StringNotEqualsIfExists still applies when the tag is missing [sheet §3.2 note]', () => {
    expect(holds({ StringNotEqualsIfExists: { 'aws:ResourceTag/team': 'blue' } }, {})).toBe(true);
  });
});

describe('block logic [sheet §3.1]', () => {
  const ctx = { 'aws:username': 'alice', 'aws:SourceIp': '203.0.113.9', 'aws:SecureTransport': 'true' };
  it.each([
    ['operators are ANDed (both true)', { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'true' } }, true],
    ['operators are ANDed (one false)', { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'false' } }, false],
    ['keys under one operator are ANDed (both true)', { StringEquals: { 'aws:username': 'alice', 'aws:SecureTransport': 'true' } }, true],
    ['keys under one operator are ANDed (one false)', { StringEquals: { 'aws:username': 'alice', 'aws:SecureTransport': 'nope' } }, false],
    ['values of one key are ORed', { StringEquals: { 'aws:username': ['bob', 'alice'] } }, true],
    ['values of one key are ORed (none)', { StringEquals: { 'aws:username': ['bob', 'carol'] } }, false],
    ['negated values are NORed: matches one -> false', { StringNotEquals: { 'aws:username': ['bob', 'alice'] } }, false],
    ['negated values are NORed: matches none -> true', { StringNotEquals: { 'aws:username': ['bob', 'carol'] } }, true],
    ['NotIpAddress NOR over CIDRs', { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } }, false],
    ['key names are case-insensitive', { StringEquals: { 'AWS:USERNAME': 'alice' } }, true],
    ['values are case-sensitive for StringEquals', { StringEquals: { 'aws:username': 'Alice' } }, false],
    ['an empty Condition holds', {}, true],
    ['an operator with an empty body holds', { StringEquals: {} }, true],
  ])('%s', (_name, cond, want) => expect(holds(cond, ctx)).toBe(want));
  it('tag-key suffixes are case-insensitive: aws:ResourceTag/TagKey1 finds tagkey1', () => {
    expect(holds({ StringEquals: { 'aws:ResourceTag/TagKey1': 'v' } }, { 'aws:resourcetag/tagkey1': 'v' })).toBe(true);
  });
});

describe('set operators and multivalued keys [sheet §3.4]', () => {
  it.each([
    [['key1:legal'], false],
    [['key1:hr', 'key1:personnel'], false],
    [['key2:audit'], true],
    [undefined, true],
  ])('AWS table: Deny ForAllValues:StringNotLike aws:TagKeys "key1*" with %j -> %s', (keys, want) => {
    expect(holds({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, keys === undefined ? {} : { 'aws:TagKeys': keys })).toBe(want);
  });
  it.each([
    ['ForAllValues: every value in the policy set', 'ForAllValues:StringEquals', ['a', 'b'], ['a', 'b', 'c'], true],
    ['ForAllValues: one value outside', 'ForAllValues:StringEquals', ['a', 'd'], ['a', 'b', 'c'], false],
    ['ForAllValues: single-valued key is a one-element set', 'ForAllValues:StringEquals', 'a', ['a'], true],
    ['ForAllValues: an empty string is the null data set', 'ForAllValues:StringEquals', '', ['a'], true],
    ['ForAnyValue: one value in the policy set', 'ForAnyValue:StringEquals', ['x', 'b'], ['a', 'b'], true],
    ['ForAnyValue: none in the policy set', 'ForAnyValue:StringEquals', ['x', 'y'], ['a', 'b'], false],
    ['ForAnyValue: single-valued key', 'ForAnyValue:StringEquals', 'a', ['a'], true],
    ['ForAnyValue: an empty string is empty', 'ForAnyValue:StringEquals', '', [''], false],
    ['ForAnyValue:StringNotEquals: one value equals none', 'ForAnyValue:StringNotEquals', ['a', 'x'], ['a', 'b'], true],
    ['ForAnyValue:StringNotEquals: all values listed', 'ForAnyValue:StringNotEquals', ['a', 'b'], ['a', 'b'], false],
    ['ForAllValues:StringLike globs', 'ForAllValues:StringLike', ['team-1', 'team-2'], ['team-*'], true],
    ['ForAnyValue:IpAddress', 'ForAnyValue:IpAddress', ['1.2.3.4', '10.0.0.1'], ['10.0.0.0/8'], true],
    ['ForAllValues:IpAddress', 'ForAllValues:IpAddress', ['1.2.3.4', '10.0.0.1'], ['10.0.0.0/8'], false],
    ['ForAnyValue:NumericGreaterThan', 'ForAnyValue:NumericGreaterThan', ['1', '50'], ['10'], true],
    ['ForAllValues:StringEqualsIgnoreCase', 'ForAllValues:StringEqualsIgnoreCase', ['A', 'b'], ['a', 'B'], true],
    ['ForAnyValue:ArnLike', 'ForAnyValue:ArnLike', ['arn:aws:iam::1:role/x', 'junk'], ['arn:aws:iam::*:role/*'], true],
  ])('%s', (_name, op, request, policy, want) => {
    expect(holds({ [op]: { 'k:k': policy } }, { 'k:k': request })).toBe(want);
  });
  it.each([
    ['StringEquals', ['a', 'b'], 'a'],
    ['StringNotEquals', ['a', 'b'], 'z'],
    ['StringLike', ['a', 'b'], '*'],
    ['StringEqualsIfExists', ['a', 'b'], 'a'],
    ['StringNotEqualsIfExists', ['a', 'b'], 'z'],
    ['IpAddress', ['10.0.0.1', '10.0.0.2'], '10.0.0.0/8'],
  ])('a plain operator on a request key with several values never matches [sheet §3.4, §8.3]: %s %j vs %j', (op, request, policy) => {
    expect(holds({ [op]: { 'aws:TagKeys': policy } }, { 'aws:TagKeys': request })).toBe(false);
  });
  it.each([
    ['StringEquals', 'a', true],
    ['StringNotEquals', 'a', false],
    ['StringLike', '*', true],
  ])('single- or multivalued is decided by the count in the request: a one-element list is single [sheet §3.4]: %s', (op, policy, want) => {
    expect(holds({ [op]: { 'k:k': policy } }, { 'k:k': ['a'] })).toBe(want);
  });
});

describe('policy variables in condition values [sheet §3.5, §8.2]', () => {
  const ctx = { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'aws:ResourceTag/team': 'blue', 's3:prefix': 'home/alice/docs' };
  it.each([
    ['resolved StringEquals', { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, true],
    ['resolved StringLike', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, true],
    ['resolved StringLike, other user', { StringLike: { 's3:prefix': 'home/${aws:username}x/*' } }, false],
    ['unresolved, positive -> false', { StringEquals: { 'aws:username': '${aws:PrincipalTag/missing}' } }, false],
    ['unresolved, StringLike -> false', { StringLike: { 'aws:username': '${aws:PrincipalTag/missing}*' } }, false],
    ['unresolved, negated -> true (docs, not iam-simulate)', { StringNotEquals: { 'aws:username': '${aws:PrincipalTag/missing}' } }, true],
    ['unresolved, StringNotLike -> true', { StringNotLike: { 'aws:username': '${aws:missing}' } }, true],
    ['unresolved among resolved values: NOR still sees the match', { StringNotEquals: { 'aws:username': ['${aws:missing}', 'alice'] } }, false],
    ['default used when the key is absent', { StringEquals: { 'aws:username': "${aws:missing, 'alice'}" } }, true],
    ['IgnoreCase after substitution', { StringEqualsIgnoreCase: { 'aws:ResourceTag/team': '${aws:PrincipalTag/TEAM}' } }, true],
    ['${*} is a literal star under StringLike', { StringLike: { 'aws:username': 'ali${*}' } }, false],
    ['${*} literal star matches a real star', { StringLike: { 'k:star': 'a${*}' } }, false],
    ['ArnLike with a variable', { ArnLike: { 'k:arn': 'arn:aws:iam::*:user/${aws:username}' } }, false],
    ['Bool with a variable (accepted, warned)', { Bool: { 'k:flag': '${k:want}' } }, false],
  ])('%s', (_name, cond, want) => expect(holds(cond, ctx)).toBe(want));
  it('substitution in ArnLike and Bool', () => {
    expect(holds({ ArnLike: { 'k:arn': 'arn:aws:iam::*:user/${aws:username}' } }, { ...ctx, 'k:arn': 'arn:aws:iam::1:user/alice' })).toBe(true);
    expect(holds({ Bool: { 'k:flag': '${k:want}' } }, { 'k:flag': 'true', 'k:want': 'TRUE' })).toBe(true);
    expect(holds({ StringLike: { 'k:star': 'a${*}' } }, { 'k:star': 'a*' })).toBe(true);
  });
  it('a variable value is matched literally, never as a wildcard', () => {
    expect(holds({ StringLike: { 's3:prefix': '${aws:username}' } }, { 'aws:username': 'a*', 's3:prefix': 'abc' })).toBe(false);
    expect(holds({ StringLike: { 's3:prefix': '${aws:username}' } }, { 'aws:username': 'a*', 's3:prefix': 'a*' })).toBe(true);
  });
  it('under Version 2008-10-17 variables are literal text', () => {
    expect(holds({ StringEquals: { 'aws:username': '${aws:username}' } }, { 'aws:username': 'alice' }, false)).toBe(false);
    expect(holds({ StringEquals: { 'aws:username': '${aws:username}' } }, { 'aws:username': '${aws:username}' }, false)).toBe(true);
  });
});

describe('MFA: Bool vs BoolIfExists vs Null [sheet §4.2]', () => {
  const absent = {};
  const noMfa = { 'aws:MultiFactorAuthPresent': 'false' };
  const mfa = { 'aws:MultiFactorAuthPresent': 'true' };
  const rows: [string, object, [boolean, boolean, boolean]][] = [
    ['Deny BoolIfExists false', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, [true, true, false]],
    ['Deny Bool false', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, [false, true, false]],
    ['Allow BoolIfExists true', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, [true, false, true]],
    ['Allow Bool true', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, [false, false, true]],
    ['Allow Null false', { Null: { 'aws:MultiFactorAuthPresent': 'false' } }, [false, true, true]],
  ];
  it.each(rows)('%s: access keys / temp no MFA / MFA', (_name, cond, [a, b, c]) => {
    expect([holds(cond, absent), holds(cond, noMfa), holds(cond, mfa)]).toEqual([a, b, c]);
  });
});

describe('AWS home-directory example: an empty s3:prefix lists the bucket root [sheet §3.3 String notes]', () => {
  const cond = { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } };
  it.each([
    ['', true], ['home/', true], ['home/alice/', true], ['home/alice/docs/x', true], ['home/bob/', false], ['home', false],
  ])('prefix %j -> %s', (prefix, want) => expect(holds(cond, { 'aws:username': 'alice', 's3:prefix': prefix })).toBe(want));
  it('without the prefix key at all, StringLike is false (missing key)', () => expect(holds(cond, { 'aws:username': 'alice' })).toBe(false));
});
