import { describe, expect, it } from 'vitest';
import { cidrList, contractEndInstant, DEFAULT_SENSITIVE_TAGS, sensitivePrincipals, sensitiveReasons, tagValue } from '../../../src/checks/universe/sensitive-principals.js';
import { account, role, user } from '../universe-fixtures.js';

describe('sensitive principals', () => {
  it('names each matching tag as key=value, keys and listed values compared case-insensitively', () => {
    expect(sensitiveReasons({ Employment: 'Contractor', partner: '', 'data-classification': 'public', Sensitive: 'YES' }, DEFAULT_SENSITIVE_TAGS)).toEqual(['Employment=Contractor', 'partner=', 'Sensitive=YES']);
    expect(sensitiveReasons({ employment: 'staff' }, DEFAULT_SENSITIVE_TAGS)).toEqual([]);
    expect(sensitiveReasons({}, [{ key: 'x' }])).toEqual([]);
  });
  it('lists sensitive users then roles, each by name', () => {
    const a = account({
      users: [user('zoe', { tags: { partner: 'acme' } }), user('amy', { tags: { 'contract-end': '2026-12-31' } }), user('bob')],
      roles: [role('web', { tags: { sensitive: 'true' } }), role('app', { tags: { employment: 'vendor' } }), role('plain')],
    });
    expect(sensitivePrincipals(a, DEFAULT_SENSITIVE_TAGS).map((p) => [p.key.kind, p.key.name, p.arn, p.reasons])).toEqual([
      ['user', 'amy', 'arn:aws:iam::111122223333:user/amy', ['contract-end=2026-12-31']],
      ['user', 'zoe', 'arn:aws:iam::111122223333:user/zoe', ['partner=acme']],
      ['role', 'app', 'arn:aws:iam::111122223333:role/app', ['employment=vendor']],
      ['role', 'web', 'arn:aws:iam::111122223333:role/web', ['sensitive=true']],
    ]);
  });
  it('reads a tag value by key, case-insensitively', () => {
    expect(tagValue({ 'IamSim:Schedule': 'Mon-Fri' }, 'iamsim:schedule')).toBe('Mon-Fri');
    expect(tagValue({ a: '1' }, 'b')).toBeUndefined();
  });
});

describe('contractEndInstant', () => {
  it('ends a contract date at the next midnight, UTC', () => {
    expect(contractEndInstant('2026-12-31')).toBe('2027-01-01T00:00:00Z');
    expect(contractEndInstant(' 2028-02-29 ')).toBe('2028-03-01T00:00:00Z');
  });
  it('takes an ISO instant as is, in UTC', () => {
    expect(contractEndInstant('2026-06-30T17:00:00+02:00')).toBe('2026-06-30T15:00:00Z');
    expect(contractEndInstant('2026-06-30T17:00Z')).toBe('2026-06-30T17:00:00Z');
    expect(contractEndInstant('2026-06-30T17:00:00.250Z')).toBe('2026-06-30T17:00:00.250Z');
  });
  it('is null for days that do not exist and for anything else', () => {
    expect(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-1-1', 'soon', '2026-06-30T25:00:00Z', '2026-06-30 17:00:00Z', '2026-06-30T17:00:00', '2026-06-30T17:00:00Zjunk'].map(contractEndInstant)).toEqual(
      [null, null, null, null, null, null, null, null, null, null],
    );
  });
});

describe('cidrList', () => {
  it('splits on commas and whitespace and drops what does not parse', () => {
    expect(cidrList(' 10.0.0.0/8, 192.0.2.1 \n bogus,,2001:db8::/32 ')).toEqual(['10.0.0.0/8', '192.0.2.1', '2001:db8::/32']);
    expect(cidrList(undefined)).toEqual([]);
    expect(cidrList('')).toEqual([]);
  });
});
