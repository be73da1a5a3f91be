import { describe, expect, it } from 'vitest';
import { parseDateValue, parseIsoDate } from '../../../src/evaluator/values/date.js';
import { parseNumberValue } from '../../../src/evaluator/values/number.js';
import { cidrContains, parseCidr, parseIpAddress } from '../../../src/evaluator/values/ip.js';
import { parseBoolValue } from '../../../src/evaluator/values/bool.js';
import { decodeBase64 } from '../../../src/evaluator/values/binary.js';
import { compileGlob, globMatch, literalGlob } from '../../../src/evaluator/values/glob.js';
import { arnGlobMatch } from '../../../src/evaluator/values/arn.js';

describe('dates: W3C ISO 8601 or epoch seconds [sheet §3.3, §9]', () => {
  const cases: [string, string | null][] = [
    ['2020-04-01T00:00:00Z', '2020-04-01T00:00:00.000Z'],
    ['2020-04-01T00:00:00z', '2020-04-01T00:00:00.000Z'],
    ['2020-04-01T00:00Z', '2020-04-01T00:00:00.000Z'],
    ['2020-04-01t12:30:15.250Z', '2020-04-01T12:30:15.250Z'],
    ['2020-04-01T12:30:15+02:00', '2020-04-01T10:30:15.000Z'],
    ['2020-04-01T12:30:15-05:30', '2020-04-01T18:00:15.000Z'],
    ['2020-04-01T12:30:15', '2020-04-01T12:30:15.000Z'],
    ['2020-04-01T12:30', '2020-04-01T12:30:00.000Z'],
    ['2020-04-01', '2020-04-01T00:00:00.000Z'],
    ['2020-04', '2020-04-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0050-01-01', '0050-01-01T00:00:00.000Z'],
    ['1585699200', '2020-04-01T00:00:00.000Z'],
    ['0', '1970-01-01T00:00:00.000Z'],
    ['09:00:00Z', null],
    ['T09:00:00Z', null],
    ['2023-02-29', null],
    ['2020-13-01', null],
    ['2020-04-01T24:00:00Z', null],
    ['2020-04-01T23:59:60Z', null],
    ['2020-04-01T10:00:00.Z', null],
    ['2020-04-01T10:00:00.1234567890Z', null],
    ['2020-04-01T10:00:00+0200', null],
    ['2020-04-01 10:00:00Z', null],
    ['2020-4-1', null],
    ['April 1, 2020', null],
    ['', null],
    ['-1', null],
    ['1.5', null],
    [' 1585699200', null],
    ['1585699200abc', null],
    ['2020-04-01T10:00:00ZZ', null],
  ];
  it.each(cases)('%j', (text, iso) => {
    const ms = parseDateValue(text);
    expect(ms === null ? null : new Date(ms).toISOString().replace(/^\+0*/, '')).toBe(iso);
  });
  it('reads a bare 4-digit value as epoch seconds, like the legacy parser; parseIsoDate reads it as a year', () => {
    expect(parseDateValue('2026')).toBe(2026_000);
    expect(parseIsoDate('2026')).toBe(Date.UTC(2026, 0, 1));
  });
  it('compares instants, not text: equal instants in different zones are equal', () => {
    expect(parseDateValue('2020-04-01T12:00:00+02:00')).toBe(parseDateValue('2020-04-01T10:00:00Z'));
    expect(parseDateValue('2020-04-01T10:00:00.5Z')! - parseDateValue('2020-04-01T10:00:00Z')!).toBe(500);
  });
});

describe('numbers reject what parseInt accepts [sheet §9]', () => {
  const cases: [string, number | null][] = [
    ['10', 10], ['-3', -3], ['3.25', 3.25], ['007', 7], ['0', 0],
    ['10abc', null], ['', null], [' 1', null], ['1 ', null], ['0x10', null], ['1e3', null], ['Infinity', null],
    ['.5', null], ['1.', null], ['+1', null], ['-', null], ['NaN', null], ['1,000', null],
  ];
  it.each(cases)('%j', (text, n) => expect(parseNumberValue(text)).toBe(n));
});

describe('IP addresses and CIDRs [sheet §3.3]', () => {
  const contains: [string, string, boolean][] = [
    ['203.0.113.0/24', '203.0.113.0', true],
    ['203.0.113.0/24', '203.0.113.255', true],
    ['203.0.113.0/24', '203.0.114.0', false],
    ['203.0.113.0/24', '203.0.112.255', false],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.7', '203.0.113.8', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['192.168.0.0/31', '192.168.0.1', true],
    ['192.168.0.0/31', '192.168.0.2', false],
    ['2001:DB8:1234:5678::/64', '2001:db8:1234:5678:ffff::1', true],
    ['2001:DB8:1234:5678::/64', '2001:db8:1234:5679::', false],
    ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    ['::/0', '::1', true],
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::ffff:10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
  ];
  it.each(contains)('%s contains %s: %s', (cidr, ip, want) => {
    const c = parseCidr(cidr);
    const a = parseIpAddress(ip);
    expect(c).not.toBeNull();
    expect(a).not.toBeNull();
    expect(cidrContains(c!, a!)).toBe(want);
  });
  const bad = ['', '10.0.0', '10.0.0.256', '010.0.0.1', '10.1', '0x0a.0.0.1', '10.0.0.1/33', '10.0.0.1/', '10.0.0.1/08',
    '::1/129', 'fe80::1%eth0', 'not-an-ip', ' 10.0.0.1', '10.0.0.1 ', '1::2::3'];
  it.each(bad)('rejects %j', (text) => expect(parseCidr(text)).toBeNull());
});

describe('Bool and Binary values [sheet §3.3]', () => {
  it.each([['true', true], ['TRUE', true], ['False', false], [true, true], [false, false], ['yes', null], ['1', null], ['', null], [1, null]] as const)(
    '%j', (v, want) => expect(parseBoolValue(v)).toBe(want));
  it.each([['QUJD', '414243'], ['QUI=', '4142'], ['QQ==', '41'], ['', ''], ['QUJ', null], ['QU JD', null], ['QUJD\n', null], ['@@@@', null]] as const)(
    'base64 %j', (v, want) => expect(decodeBase64(v)).toBe(want));
  it('compares bytes, so non-canonical padding bits decode to the same bytes', () => {
    expect(decodeBase64('QR==')).toBe(decodeBase64('QQ=='));
  });
});

describe('globs: * any run including none, ? one character, case-sensitive [sheet §3.3]', () => {
  const cases: [string, string, boolean][] = [
    ['*', '', true], ['*', 'anything', true], ['a*', 'a', true], ['a*', 'abc', true], ['a*', 'ba', false],
    ['*c', 'abc', true], ['a?c', 'abc', true], ['a?c', 'ac', false], ['a*b*c', 'aXbYc', true], ['a*b*c', 'aXbY', false],
    ['home/*/x', 'home//x', true], ['home/*/x', 'home/x', false], ['A*', 'abc', false], ['exact', 'exact', true],
    ['exact', 'exactly', false], ['**a**', 'xa', true], ['*a*a*a*b', 'a'.repeat(200), false],
  ];
  it.each(cases)('%j ~ %j: %s', (p, v, want) => expect(globMatch(compileGlob(p), v)).toBe(want));
  it('a literal glob treats * and ? as characters', () => {
    expect(globMatch(literalGlob('a*'), 'a*')).toBe(true);
    expect(globMatch(literalGlob('a*'), 'ab')).toBe(false);
  });
});

describe('ARN patterns: six segments, resource part globbed whole [sheet §2.2, §3.3]', () => {
  const cases: [string, string, boolean][] = [
    ['arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', false],
    ['arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:111122223333:finance/document.txt', true],
    ['arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:x:log-stream:y', true],
    ['arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:111122223333:queue', true],
    ['arn:aws:sqs:*', 'arn:aws:sns:us-east-1:111122223333:topic', false],
    ['arn:aws:sqs', 'arn:aws:sqs:us-east-1:111122223333:queue', false],
    ['*', 'arn:aws:s3:::bucket', true],
    ['*', 'not-an-arn', false],
    ['arn:aws:iam::*:role/Admin', 'arn:aws:iam::111122223333:role/Admin', true],
    ['arn:aws:iam::*:role/Admin', 'arn:aws:iam::111122223333:role/admin', false],
    ['arn:aws:iam::1111?2223333:root', 'arn:aws:iam::111122223333:root', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c', true],
    ['arn:aws:s3:*:*', 'arn:aws:s3:::bucket/key', true],
  ];
  it.each(cases)('%j ~ %j: %s', (p, v, want) => expect(arnGlobMatch(compileGlob(p), v)).toBe(want));
});
