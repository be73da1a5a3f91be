import { describe, expect, it } from 'vitest';
import type { ContextValue } from '../../../src/evaluator/types.js';
import { holds } from './helpers.js';

type Row = [operator: string, policy: unknown, request: ContextValue, expected: boolean];

/** One key, `k:k`, per row: the operator and policy values against a present request value. */
function table(name: string, rows: Row[]): void {
  describe(name, () => {
    it.each(rows)('%s %j vs %j -> %s', (op, policy, request, expected) => {
      expect(holds({ [op]: { 'k:k': policy } }, { 'k:k': request })).toBe(expected);
    });
  });
}

table('String operators [sheet §3.3 String]', [
  ['StringEquals', 'abc', 'abc', true],
  ['StringEquals', 'abc', 'ABC', false],
  ['StringEquals', 'a*', 'abc', false],
  ['StringEquals', 'a*', 'a*', true],
  ['StringEquals', ['x', 'abc'], 'abc', true],
  ['StringEquals', '', '', true],
  ['StringEquals', 10, '10', true],
  ['StringEquals', true, 'true', true],
  ['StringNotEquals', 'abc', 'abc', false],
  ['StringNotEquals', 'abc', 'abd', true],
  ['StringNotEquals', ['x', 'abc'], 'abc', false],
  ['StringNotEquals', ['x', 'y'], 'abc', true],
  ['StringEqualsIgnoreCase', 'AbC', 'aBc', true],
  ['StringEqualsIgnoreCase', 'AbC', 'aBd', false],
  ['StringNotEqualsIgnoreCase', 'AbC', 'abc', false],
  ['StringNotEqualsIgnoreCase', 'AbC', 'abd', true],
  ['StringLike', 'a*c', 'abbbc', true],
  ['StringLike', 'a*c', 'ac', true],
  ['StringLike', 'a?c', 'abc', true],
  ['StringLike', 'a?c', 'abbc', false],
  ['StringLike', 'A*', 'abc', false],
  ['StringLike', '*', '', true],
  ['StringLike', ['home/', 'home/alice/*'], 'home/alice/x', true],
  ['StringNotLike', 'a*', 'abc', false],
  ['StringNotLike', 'a*', 'bcd', true],
  ['StringNotLike', ['b*', 'a*'], 'abc', false],
  ['StringLike', 'arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', true],
]);

table('Numeric operators [sheet §3.3 Numeric]', [
  ['NumericEquals', '10', '10', true],
  ['NumericEquals', '10', '10.0', true],
  ['NumericEquals', '10', '010', true],
  ['NumericEquals', 10, '10', true],
  ['NumericEquals', '10', '11', false],
  ['NumericEquals', '10', '10abc', false],
  ['NumericNotEquals', '10', '11', true],
  ['NumericNotEquals', '10', '10', false],
  ['NumericNotEquals', ['10', '11'], '11', false],
  ['NumericLessThan', '10', '9', true],
  ['NumericLessThan', '10', '10', false],
  ['NumericLessThan', '10', '-3.5', true],
  ['NumericLessThanEquals', '10', '10', true],
  ['NumericLessThanEquals', '10', '10.001', false],
  ['NumericGreaterThan', '10', '11', true],
  ['NumericGreaterThan', '10', '10', false],
  ['NumericGreaterThanEquals', '10', '10', true],
  ['NumericGreaterThanEquals', '10', '9.999', false],
  ['NumericGreaterThan', ['100', '5'], '6', true],
]);

table('Date operators compare instants [sheet §3.3 Date]', [
  ['DateEquals', '2020-04-01T00:00:00Z', '2020-04-01T00:00:00Z', true],
  ['DateEquals', '2020-04-01T02:00:00+02:00', '2020-04-01T00:00:00Z', true],
  ['DateEquals', '2020-04-01', '2020-04-01T00:00:00Z', true],
  ['DateEquals', '1585699200', '2020-04-01T00:00:00Z', true],
  ['DateEquals', '2020-04-01T00:00:00Z', '1585699200', true],
  ['DateEquals', '2020-04-01T00:00:00Z', '2020-04-01T00:00:01Z', false],
  ['DateNotEquals', '2020-04-01T00:00:00Z', '2020-04-01T00:00:01Z', true],
  ['DateNotEquals', '2020-04-01T00:00:00Z', '2020-04-01T00:00:00.000Z', false],
  ['DateLessThan', '2020-07-01T00:00:00Z', '2020-06-30T23:59:59Z', true],
  ['DateLessThan', '2020-07-01T00:00:00Z', '2020-07-01T00:00:00Z', false],
  ['DateLessThan', '2020-07-01T00:00:00Z', '2020-06-30T23:59:59.999Z', true],
  ['DateLessThanEquals', '2020-07-01T00:00:00Z', '2020-07-01T00:00:00Z', true],
  ['DateLessThanEquals', '2020-07-01T00:00:00Z', '2020-07-01T00:00:00.001Z', false],
  ['DateGreaterThan', '2020-04-01T00:00:00Z', '2020-04-01T00:00:00.001Z', true],
  ['DateGreaterThan', '2020-04-01T00:00:00Z', '2020-04-01T00:00:00Z', false],
  ['DateGreaterThanEquals', '2020-04-01T00:00:00Z', '2020-04-01T00:00:00Z', true],
  ['DateGreaterThanEquals', '2020-04-01T00:00:00Z', '2020-03-31T23:59:59Z', false],
  ['DateLessThan', '2020-07-01T00:00:00Z', 'yesterday', false],
  ['DateNotEquals', '2020-07-01T00:00:00Z', 'yesterday', true],
]);

table('Bool [sheet §3.3 Bool, §8.7]', [
  ['Bool', 'true', 'true', true],
  ['Bool', 'true', 'TRUE', true],
  ['Bool', 'TRUE', 'true', true],
  ['Bool', true, 'true', true],
  ['Bool', false, 'false', true],
  ['Bool', 'true', 'false', false],
  ['Bool', 'false', 'true', false],
  ['Bool', 'true', 'yes', false],
  ['Bool', ['true', 'false'], 'false', true],
]);

table('BinaryEquals compares bytes [sheet §3.3]', [
  ['BinaryEquals', 'QmluYXJ5VmFsdWU=', 'QmluYXJ5VmFsdWU=', true],
  ['BinaryEquals', 'QQ==', 'QR==', true],
  ['BinaryEquals', 'QQ==', 'Qg==', false],
  ['BinaryEquals', 'QQ==', 'not base64!', false],
]);

table('IpAddress / NotIpAddress [sheet §3.3 IP]', [
  ['IpAddress', '203.0.113.0/24', '203.0.113.9', true],
  ['IpAddress', '203.0.113.0/24', '203.0.114.9', false],
  ['IpAddress', '203.0.113.9', '203.0.113.9', true],
  ['IpAddress', '203.0.113.9', '203.0.113.10', false],
  ['IpAddress', ['10.0.0.0/8', '203.0.113.0/24'], '203.0.113.9', true],
  ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678::9', true],
  ['IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5679::9', false],
  ['IpAddress', '0.0.0.0/0', '2001:db8::1', false],
  ['IpAddress', '::/0', '203.0.113.9', false],
  ['IpAddress', '0.0.0.0/0', 'not-an-ip', false],
  ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
  ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
  ['NotIpAddress', ['10.0.0.0/8', '203.0.113.0/24'], '203.0.113.1', false],
  ['NotIpAddress', '0.0.0.0/0', '2001:db8::1', true],
  ['NotIpAddress', '0.0.0.0/0', 'not-an-ip', true],
]);

table('ARN operators: six segments, Equals = Like [sheet §3.3 ARN]', [
  ['ArnLike', 'arn:aws:iam::*:role/Admin*', 'arn:aws:iam::111122223333:role/AdminX', true],
  ['ArnEquals', 'arn:aws:iam::*:role/Admin*', 'arn:aws:iam::111122223333:role/AdminX', true],
  ['ArnLike', 'arn:aws:iam::*:role/Admin*', 'arn:aws:iam::111122223333:role/admin', false],
  ['ArnLike', 'arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', false],
  ['ArnLike', 'arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:x:log-stream:y', true],
  ['ArnLike', 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket', true],
  ['ArnEquals', 'arn:aws:s3:::bucket', 'arn:aws:s3:::bucket2', false],
  ['ArnLike', 'arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:111122223333:q', true],
  ['ArnLike', '*', 'not-an-arn', false],
  ['ArnNotLike', 'arn:aws:iam::*:role/Admin', 'arn:aws:iam::1:role/Admin', false],
  ['ArnNotLike', 'arn:aws:iam::*:role/Admin', 'arn:aws:iam::1:role/Other', true],
  ['ArnNotEquals', ['arn:aws:iam::*:role/A', 'arn:aws:iam::*:role/B'], 'arn:aws:iam::1:role/B', false],
  ['ArnNotEquals', ['arn:aws:iam::*:role/A', 'arn:aws:iam::*:role/B'], 'arn:aws:iam::1:role/C', true],
]);

table('Null [sheet §3.2, §3.3]: on a present key', [
  ['Null', 'true', 'x', false],
  ['Null', 'false', 'x', true],
  ['Null', false, 'x', true],
  ['Null', 'false', '', true],
  ['Null', ['true', 'false'], 'x', true],
]);

describe('aws:EpochTime works with Date and Numeric operators [sheet §3.3, §4.1]', () => {
  const ctx = { 'aws:EpochTime': '1700000000', 'aws:CurrentTime': '2023-11-14T22:13:20Z' };
  it.each([
    [{ DateGreaterThan: { 'aws:EpochTime': '2023-01-01T00:00:00Z' } }, true],
    [{ DateLessThan: { 'aws:EpochTime': '2023-11-14T22:13:20Z' } }, false],
    [{ DateEquals: { 'aws:EpochTime': '2023-11-14T22:13:20Z' } }, true],
    [{ DateEquals: { 'aws:CurrentTime': '1700000000' } }, true],
    [{ NumericGreaterThanEquals: { 'aws:EpochTime': '1700000000' } }, true],
    [{ NumericLessThan: { 'aws:EpochTime': '1700000000' } }, false],
    [{ NumericLessThan: { 'aws:CurrentTime': '1800000000' } }, false],
  ])('%j -> %s', (cond, want) => expect(holds(cond, ctx)).toBe(want));
});

describe('AWS example: access between April 1 and June 30, 2020, inclusive [D-2023 reference_policies_examples_aws-dates]', () => {
  const cond = { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' } };
  it.each([
    ['2020-03-31T23:59:59Z', false], ['2020-04-01T00:00:00Z', false], ['2020-04-01T00:00:01Z', true],
    ['2020-05-15T12:00:00Z', true], ['2020-06-30T23:59:58Z', true], ['2020-06-30T23:59:59Z', false], ['2020-07-01T00:00:00Z', false],
  ])('at %s -> %s', (now, want) => expect(holds(cond, { 'aws:CurrentTime': now })).toBe(want));
});

describe('many values use a set lookup, with the same answers [sheet §3.1 values ORed]', () => {
  const many = Array.from({ length: 20 }, (_, i) => `v${i}`);
  it.each([
    ['StringEquals', 'v17', true], ['StringEquals', 'V17', false], ['StringEquals', 'v20', false],
    ['StringNotEquals', 'v3', false], ['StringNotEquals', 'x', true],
    ['StringEqualsIgnoreCase', 'V17', true], ['StringNotEqualsIgnoreCase', 'V17', false], ['StringNotEqualsIgnoreCase', 'w', true],
  ])('%s over 20 values vs %j -> %s', (op, request, want) => {
    expect(holds({ [op]: { 'k:k': many } }, { 'k:k': request })).toBe(want);
  });
});
