import { describe, expect, it } from 'vitest';
import { cidrBoundaries, globInstances, keyCandidates, OTHER_STRING, parseOperator, scalarCandidates, substituteVariables } from '../../../src/checks/universe/boundary-values.js';

const fact = (operator: string, values: string[], key = 'k') => ({ operator, key, values });
const OTHER_ARN = 'arn:aws:iamsim:us-east-1:000000000000:other';
const OTHER_IP = '192.0.2.77';

describe('parseOperator: set prefix, family, IgnoreCase and IfExists', () => {
  it.each([
    ['ForAnyValue:StringEqualsIgnoreCaseIfExists', { set: 'ForAnyValue', family: 'string', ignoreCase: true, ifExists: true }],
    ['ForAllValues:NumericLessThan', { set: 'ForAllValues', family: 'numeric', ignoreCase: false, ifExists: false }],
    ['StringNotLike', { set: null, family: 'string', ignoreCase: false, ifExists: false }],
    ['DateGreaterThanIfExists', { set: null, family: 'date', ignoreCase: false, ifExists: true }],
    ['Bool', { set: null, family: 'bool', ignoreCase: false, ifExists: false }],
    ['BoolIfExists', { set: null, family: 'bool', ignoreCase: false, ifExists: true }],
    ['BinaryEquals', { set: null, family: 'binary', ignoreCase: false, ifExists: false }],
    ['IpAddress', { set: null, family: 'ip', ignoreCase: false, ifExists: false }],
    ['NotIpAddressIfExists', { set: null, family: 'ip', ignoreCase: false, ifExists: true }],
    ['ArnNotLike', { set: null, family: 'arn', ignoreCase: false, ifExists: false }],
    ['Null', { set: null, family: 'null', ignoreCase: false, ifExists: false }],
  ])('%s', (op, want) => expect(parseOperator(op)).toEqual(want));

  it.each(['Foo', 'ForAnyValue:', 'Boolean', 'BinaryNotEquals', 'IpAddressRange', 'NullValue', 'ForSomeValues:StringEquals', 'stringEquals', 'IfExists'])('rejects %s', (op) => {
    expect(parseOperator(op)).toBeNull();
  });
});

describe('substituteVariables', () => {
  it('replaces known variables case-insensitively, with or without a default, and leaves the rest', () => {
    expect(substituteVariables('a${aws:username}b${missing}c${AWS:UserName, "d"}', { 'aws:username': 'alice' })).toBe('aaliceb${missing}calice');
  });
  it('turns ${*}, ${?} and ${$} into the literal characters', () => {
    expect(substituteVariables('${*}${?}${$}', {})).toBe('*?$');
  });
  it('leaves a variable whose fixed value is a list', () => {
    expect(substituteVariables('${l}', { l: ['x'] })).toBe('${l}');
  });
  it('replaces a variable only up to its first closing brace', () => {
    expect(substituteVariables('${a}}', { a: 'x' })).toBe('x}');
  });
});

describe('globInstances', () => {
  it('gives a literal pattern itself', () => {
    expect(globInstances('ab')).toEqual(['ab']);
  });
  it('reads * as nothing and as a token, ? as one character', () => {
    expect(globInstances('a*b?c')).toEqual(['abxc', 'aiamsimbxc']);
    expect(globInstances('*')).toEqual(['', 'iamsim']);
  });
  it('gives one instance when only ? is used', () => {
    expect(globInstances('a??')).toEqual(['axx']);
  });
});

describe('cidrBoundaries', () => {
  it('gives the first and last address of a range and the addresses either side', () => {
    expect(cidrBoundaries('10.0.0.5/30')).toEqual(['10.0.0.4', '10.0.0.7', '10.0.0.3', '10.0.0.8']);
  });
  it('stops at the ends of the address space', () => {
    expect(cidrBoundaries('0.0.0.0/0')).toEqual(['0.0.0.0', '255.255.255.255']);
    expect(cidrBoundaries('255.255.255.255')).toEqual(['255.255.255.255', '255.255.255.254']);
    expect(cidrBoundaries('0.0.0.0')).toEqual(['0.0.0.0', '0.0.0.1']);
    expect(cidrBoundaries('::/0')).toEqual(['::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
  });
  it('treats a single IPv6 address as a /128', () => {
    expect(cidrBoundaries('2001:db8::1')).toEqual(['2001:db8::1', '2001:db8::', '2001:db8::2']);
  });
  it('gives nothing for an unparseable range', () => {
    expect(cidrBoundaries('10.0.0.0/33')).toEqual([]);
    expect(cidrBoundaries('')).toEqual([]);
  });
});

describe('scalarCandidates: values on both sides of every comparison', () => {
  it('gives "anything else" for a key no clause mentions', () => {
    expect(scalarCandidates('k', [], {})).toEqual([OTHER_STRING]);
  });
  it('strings: each glob instance, upper-cased too under IgnoreCase, and an unmentioned string', () => {
    expect(scalarCandidates('k', [fact('StringEqualsIgnoreCase', ['ab*'])], {})).toEqual(['ab', 'AB', 'abiamsim', 'ABIAMSIM', OTHER_STRING]);
    expect(scalarCandidates('k', [fact('StringLike', ['ab*'])], {})).toEqual(['ab', 'abiamsim', OTHER_STRING]);
  });
  it('strings: substitutes known policy variables first', () => {
    expect(scalarCandidates('k', [fact('StringEquals', ['${aws:username}'])], { 'aws:username': 'bob' })).toEqual(['bob', OTHER_STRING]);
  });
  it('ARNs: glob instances and an unmentioned ARN', () => {
    expect(scalarCandidates('k', [fact('ArnLike', ['arn:*:x'])], {})).toEqual(['arn::x', 'arn:iamsim:x', OTHER_ARN]);
  });
  it('numbers: each value, its neighbours and the midpoints, in order; unparseable values skipped', () => {
    expect(scalarCandidates('k', [fact('NumericLessThan', ['5', '1', 'x'])], {})).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(scalarCandidates('k', [fact('NumericEquals', ['2', '1'])], {})).toEqual(['0', '1', '1.5', '2', '3']);
    expect(scalarCandidates('k', [fact('NumericEquals', ['Infinity'])], {})).toEqual(['-1', '0', '1']);
  });
  it('numbers: zero and its neighbours when no value is a number', () => {
    expect(scalarCandidates('k', [fact('NumericLessThan', ['x'])], {})).toEqual(['-1', '0', '1']);
  });
  it('dates: ISO instants a second either side and the midpoints, from ISO or epoch values', () => {
    expect(scalarCandidates('k', [fact('DateLessThan', ['2026-01-01T00:00:00Z', '100', 'nope'])], {})).toEqual([
      '1970-01-01T00:01:39Z', '1970-01-01T00:01:40Z', '1970-01-01T00:01:41Z', '1998-01-01T00:00:50Z',
      '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z',
    ]);
  });
  it('dates: whole seconds, even for a half-second midpoint or a sub-second value', () => {
    expect(scalarCandidates('k', [fact('DateEquals', ['100', '101'])], {})).toEqual(['1970-01-01T00:01:39Z', '1970-01-01T00:01:40Z', '1970-01-01T00:01:41Z', '1970-01-01T00:01:42Z']);
    expect(scalarCandidates('k', [fact('DateEquals', ['-1'])], {})).toEqual(['1969-12-31T23:59:58Z', '1969-12-31T23:59:59Z', '1970-01-01T00:00:00Z']);
  });
  it('dates: epoch seconds for aws:EpochTime, whatever its case', () => {
    expect(scalarCandidates('AWS:EpochTime', [fact('DateLessThan', ['2026-01-01T00:00:00.500Z'])], {})).toEqual(['1767225599', '1767225600', '1767225601']);
    expect(scalarCandidates('aws:epochtime', [fact('DateLessThan', ['10', '11'])], {})).toEqual(['9', '10', '11', '12']);
  });
  it('bool: both truth values', () => {
    expect(scalarCandidates('k', [fact('Bool', ['true'])], {})).toEqual(['true', 'false']);
  });
  it('binary: each value and one that differs', () => {
    expect(scalarCandidates('k', [fact('BinaryEquals', ['QQ=='])], {})).toEqual(['QQ==', 'aWFtc2lt']);
  });
  it('IP: the boundaries of each range and an unrelated address', () => {
    expect(scalarCandidates('k', [fact('IpAddress', ['10.0.0.0/31'])], {})).toEqual(['10.0.0.0', '10.0.0.1', '9.255.255.255', '10.0.0.2', OTHER_IP]);
  });
  it('Null alone: "anything else" so the key can be present', () => {
    expect(scalarCandidates('k', [fact('Null', ['true'])], {})).toEqual([OTHER_STRING]);
    expect(scalarCandidates('k', [fact('Null', ['true']), fact('Bool', ['true'])], {})).toEqual(['true', 'false']);
  });
  it('nothing for clauses with unknown operators or no usable value', () => {
    expect(scalarCandidates('k', [fact('Bogus', ['true'])], {})).toEqual([]);
    expect(scalarCandidates('k', [fact('DateLessThan', ['nope'])], {})).toEqual([]);
  });
  it('unions the values of every clause on the key', () => {
    expect(scalarCandidates('k', [fact('Bogus', ['z']), fact('StringEquals', ['a']), fact('NumericEquals', ['7']), fact('DateEquals', ['5'])], {})).toEqual([
      'a', OTHER_STRING, '6', '7', '8', '1970-01-01T00:00:04Z', '1970-01-01T00:00:05Z', '1970-01-01T00:00:06Z',
    ]);
  });
});

describe('keyCandidates', () => {
  it('gives scalars for keys used only with single-valued operators', () => {
    expect(keyCandidates('k', [fact('StringEquals', ['a'])], {})).toEqual(['a', OTHER_STRING]);
  });
  it('gives sets for a multivalued key: empty, each alone, one with an unmentioned value, all mentioned values', () => {
    expect(keyCandidates('k', [fact('ForAnyValue:StringEquals', ['a', 'b'])], {})).toEqual([[], ['a'], ['b'], [OTHER_STRING], ['a', OTHER_STRING], ['a', 'b']]);
  });
  it('leaves the placeholder values out of "all mentioned values"', () => {
    expect(keyCandidates('k', [fact('ForAllValues:IpAddress', ['1.2.3.4']), fact('ArnEquals', ['arn:a'])], {})).toEqual([
      [], ['1.2.3.4'], ['1.2.3.3'], ['1.2.3.5'], [OTHER_IP], ['arn:a'], [OTHER_ARN], ['1.2.3.4', OTHER_STRING], ['1.2.3.4', '1.2.3.3', '1.2.3.5', 'arn:a'],
    ]);
  });
  it('gives the empty set and "anything else" alone when no value is mentioned', () => {
    expect(keyCandidates('k', [fact('ForAllValues:StringEquals', [])], {})).toEqual([[], [OTHER_STRING]]);
  });
  it('does not treat an unknown operator with a set prefix as multivalued', () => {
    expect(keyCandidates('k', [fact('ForAnyValue:Bogus', ['a'])], {})).toEqual([]);
  });
});
