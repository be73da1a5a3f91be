import { describe, expect, it } from 'vitest';
import { problemsOf } from './helpers.js';

const P = '/Statement/0/Condition';

/** The problems of a Condition as `code @ path`, for exact comparison. */
function codes(condition: unknown, variables = true): string[] {
  return problemsOf(condition, variables).map((p) => `${p.code} @ ${p.path}`);
}

describe('unknown operators: the hint says how to fix the name', () => {
  it('a case slip names the right spelling', () => {
    const [p] = problemsOf({ stringequals: { 'aws:username': 'a' } });
    expect(p).toEqual({
      code: 'condition-operator-unknown', severity: 'error', path: `${P}/stringequals`,
      message: 'Syntax errors in policy. Unknown condition operator "stringequals".',
      hint: 'Operator names are case-sensitive: did you mean "StringEquals"?',
    });
  });
  it('a name that is not close to any operator lists what can be written', () => {
    const [p] = problemsOf({ StringEqual: { 'aws:username': 'a' } });
    expect(p?.hint).toBe('Use an IAM condition operator (StringEquals, ArnLike, DateLessThan, …), optionally with ForAllValues:/ForAnyValue: and IfExists.');
    expect(problemsOf({ Whatever: {} })[0]).toEqual({
      code: 'condition-operator-unknown-empty', severity: 'warning', path: `${P}/Whatever`,
      message: 'Unknown condition operator "Whatever" with an empty body: IAM accepts it and it has no effect.',
      hint: 'Use an IAM condition operator (StringEquals, ArnLike, DateLessThan, …), optionally with ForAllValues:/ForAnyValue: and IfExists.',
    });
  });
});

describe('Null takes no modifiers [sheet §3.2, §3.3]', () => {
  it('plain Null is fine, also on a multivalued key', () => {
    expect(codes({ Null: { 'aws:username': 'true' } })).toEqual([]);
    expect(codes({ Null: { 'aws:TagKeys': 'false' } })).toEqual([]);
  });
  it.each(['NullIfExists', 'ForAllValues:Null', 'ForAnyValue:Null', 'ForAllValues:NullIfExists'])('%s is warned once, at the operator, with no set advice on a single-valued key', (op) => {
    const problems = problemsOf({ [op]: { 'aws:username': 'true', 'k:k': 'false' } });
    expect(problems).toEqual([{
      code: 'condition-null-modifier', severity: 'warning', path: `${P}/${op}`,
      message: `${op}: Null takes neither IfExists nor a set prefix; it is evaluated as plain Null.`,
      hint: 'Write "Null" with "true" (the key is absent) or "false" (the key is present).',
    }]);
  });
});

describe('condition keys [sheet §3.1, §3.4]', () => {
  it.each([
    ['username', ['condition-key-no-vendor @ /Statement/0/Condition/StringEquals/username']],
    [':username', ['condition-key-no-vendor @ /Statement/0/Condition/StringEquals/:username']],
    ['a:username', []],
    ['aws:username', []],
  ])('key %j', (key, want) => {
    expect(codes({ StringEquals: { [key]: 'a' } })).toEqual(want);
  });
  it('the vendor problem quotes the key as written', () => {
    expect(problemsOf({ StringEquals: { ':x': 'a' } })[0]?.message).toBe('Conditions must be prefaced by a vendor, e.g., aws, iam, s3, ec2: ":x".');
  });
  it('a set operator on a multivalued key, and a plain one on a single-valued key, are fine', () => {
    expect(codes({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' }, StringEquals: { 'aws:PrincipalTag/team': 'a' } })).toEqual([]);
  });
  it('the multivalued-key warning names the set operators to use', () => {
    expect(problemsOf({ StringLikeIfExists: { 'aws:CalledVia': 'x*' } })).toEqual([{
      code: 'condition-multivalued-key-needs-set', severity: 'warning', path: `${P}/StringLikeIfExists/aws:CalledVia`,
      message: 'aws:CalledVia is multivalued; without ForAllValues: or ForAnyValue: the condition never matches a request that carries several values.',
      hint: 'Use ForAnyValue:StringLike or ForAllValues:StringLike (IAM reference_policies_condition-single-vs-multi-valued-context-keys).',
    }]);
  });
});

describe('policy variables by family [sheet §3.5]', () => {
  it('String and ARN values may hold variables: no problem', () => {
    expect(codes({
      StringEquals: { 'k:a': '${aws:username}' },
      StringNotLike: { 'k:b': "home/${aws:username, 'x'}/*" },
      ArnLike: { 'k:c': 'arn:aws:iam::*:user/${aws:username}' },
    })).toEqual([]);
  });
  it.each([
    ['NumericEquals', 'Numeric'],
    ['DateLessThan', 'Date'],
    ['BinaryEquals', 'Binary'],
    ['IpAddress', 'IP address'],
    ['NotIpAddress', 'IP address'],
  ])('%s: a variable is the only problem reported (not also an invalid value)', (op, family) => {
    const problems = problemsOf({ [op]: { 'k:k': '${aws:username}' } });
    expect(problems).toEqual([{
      code: 'condition-variable-not-allowed', severity: 'error', path: `${P}/${op}/k:k`,
      message: `Policy variables cannot be used with ${family} operators (${op}): "\${aws:username}".`,
      hint: 'Policy variables work only in String, ARN and Bool condition values and in the resource part of Resource.',
    }]);
  });
  it('Bool: a variable is warned, not reported as an invalid boolean', () => {
    expect(problemsOf({ Bool: { 'k:k': '${k:b}' } })).toEqual([{
      code: 'condition-variable-in-bool', severity: 'warning', path: `${P}/Bool/k:k`,
      message: 'A policy variable in a Bool value (Bool): the AWS documentation disagrees on whether this is supported.',
    }]);
  });
  it('Bool: an escape like ${*} is not a variable, so it is just an invalid boolean', () => {
    expect(codes({ Bool: { 'k:k': '${*}' } })).toEqual(['condition-bool-invalid @ /Statement/0/Condition/Bool/k:k']);
  });
  it('a malformed variable is warned in String values, at the value', () => {
    expect(problemsOf({ StringEquals: { 'k:k': ['ok', '${oops'] } })).toEqual([{
      code: 'condition-variable-malformed', severity: 'warning', path: `${P}/StringEquals/k:k/1`,
      message: 'Unterminated policy variable at character 0: "${" without a closing "}"; it is read as literal text.',
      hint: "Write ${key} or ${key, 'default'}; ${*}, ${?} and ${$} stand for the literal characters.",
    }]);
  });
  it('a malformed variable in a Numeric value is just an invalid number', () => {
    expect(codes({ NumericEquals: { 'k:k': '${oops' } })).toEqual(['condition-number-invalid @ /Statement/0/Condition/NumericEquals/k:k']);
  });
  it('without variables (Version 2008-10-17) ${…} is plain text: nothing to warn about', () => {
    expect(codes({ StringEquals: { 'k:k': '${oops' }, StringLike: { 'k:l': '${aws:username}' } }, false)).toEqual([]);
    expect(codes({ Bool: { 'k:k': '${k:b}' } }, false)).toEqual(['condition-bool-invalid @ /Statement/0/Condition/Bool/k:k']);
    expect(codes({ IpAddress: { 'k:k': '${k:b}' } }, false)).toEqual(['condition-ip-invalid @ /Statement/0/Condition/IpAddress/k:k']);
    expect(codes({ BinaryEquals: { 'k:k': '${k:b}' } }, false)).toEqual(['condition-binary-invalid @ /Statement/0/Condition/BinaryEquals/k:k']);
  });
});

describe('invalid values: the message quotes the value and the operator [sheet §6.1]', () => {
  it.each([
    [{ NumericLessThan: { 's3:max-keys': ['10', '10abc'] } }, `${P}/NumericLessThan/s3:max-keys/1`, 'condition-number-invalid', '"10abc" is not a valid number for NumericLessThan.'],
    [{ DateGreaterThan: { 'aws:CurrentTime': 'tomorrow' } }, `${P}/DateGreaterThan/aws:CurrentTime`, 'condition-date-invalid', 'The policy failed legacy parsing: "tomorrow" is not a valid date for DateGreaterThan.'],
    [{ BoolIfExists: { 'aws:SecureTransport': 'yes' } }, `${P}/BoolIfExists/aws:SecureTransport`, 'condition-bool-invalid', '"yes" is not a valid boolean for BoolIfExists.'],
    [{ BinaryEquals: { 'k:b': 'abc' } }, `${P}/BinaryEquals/k:b`, 'condition-binary-invalid', '"abc" is not a valid base-64 value for BinaryEquals.'],
    [{ NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '10.0.0.0/33'] } }, `${P}/NotIpAddress/aws:SourceIp/1`, 'condition-ip-invalid', '"10.0.0.0/33" is not a valid IP address or CIDR for NotIpAddress.'],
    [{ Null: { 'aws:TagKeys': 'maybe' } }, `${P}/Null/aws:TagKeys`, 'condition-null-invalid', '"maybe" is not a valid value for Null.'],
    [{ ArnEquals: { 'aws:SourceArn': ['arn:aws:sqs:*', 'not-an-arn'] } }, `${P}/ArnEquals/aws:SourceArn/1`, 'condition-arn-never-matches', '"not-an-arn" is not an ARN pattern (arn:partition:service:region:account:resource), so ArnEquals never matches it.'],
  ])('%j', (cond, path, code, message) => {
    expect(problemsOf(cond).map((p) => ({ code: p.code, path: p.path, message: p.message }))).toEqual([{ code, path, message }]);
  });
  it('valid ARN patterns, full or ending in *, are not warned', () => {
    expect(codes({ ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::bucket', 'arn:aws:sqs:*', 'arn:aws:iam::*:role/*'] } })).toEqual([]);
  });
  it('the empty-values warning names the operator and the key', () => {
    expect(problemsOf({ StringNotEquals: { 'aws:username': [] } })[0]?.message).toBe('StringNotEquals on aws:username has no values: a positive operator never matches, a negated one always does.');
  });
  it('a value of the wrong JSON type is reported at its index, NaN and the infinities too', () => {
    expect(codes({ NumericEquals: { 'k:k': [1, NaN, '2', Infinity] } })).toEqual([
      'condition-value-type @ /Statement/0/Condition/NumericEquals/k:k/1',
      'condition-value-type @ /Statement/0/Condition/NumericEquals/k:k/3',
    ]);
    expect(codes({ NumericEquals: { 'k:k': -Infinity } })).toEqual(['condition-value-type @ /Statement/0/Condition/NumericEquals/k:k']);
  });
});
