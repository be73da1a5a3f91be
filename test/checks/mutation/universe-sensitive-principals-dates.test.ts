import { describe, expect, it } from 'vitest';
import { cidrList, contractEndInstant, DEFAULT_SENSITIVE_TAGS, sensitivePrincipals } from '../../../src/checks/universe/sensitive-principals.js';
import { account, role, user } from '../universe-fixtures.js';

describe('sensitivePrincipals: order', () => {
  it('sorts users and roles by name whatever order the account holds them in', () => {
    const t = { partner: 'acme' };
    const a = account({ users: [user('cal', { tags: t }), user('mia', { tags: t }), user('ann', { tags: t })], roles: [role('zed', { tags: t }), role('bea', { tags: t }), role('kim', { tags: t })] });
    expect(sensitivePrincipals(a, DEFAULT_SENSITIVE_TAGS).map((p) => `${p.key.kind}:${p.key.name}`)).toEqual(['user:ann', 'user:cal', 'user:mia', 'role:bea', 'role:kim', 'role:zed']);
  });
});

describe('contractEndInstant: what counts as a date', () => {
  it('is null for a date with text before it', () => {
    expect(contractEndInstant('x2026-12-31')).toBeNull();
  });
  it('is null for a month or day that rolls over', () => {
    expect(['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10'].map(contractEndInstant)).toEqual([null, null, null, null]);
  });
  it('is null for a two-digit year written with leading zeros (not taken as 19xx)', () => {
    expect(contractEndInstant('0050-01-01')).toBeNull();
  });
  it('reads an instant with spaces around it', () => {
    expect(contractEndInstant(' 2026-06-30T17:00:00Z ')).toBe('2026-06-30T17:00:00Z');
  });
});

describe('cidrList: separators', () => {
  it('splits on runs of commas and whitespace', () => {
    expect(cidrList('10.0.0.0/8,,  192.0.2.0/24 ,\t2001:db8::/32')).toEqual(['10.0.0.0/8', '192.0.2.0/24', '2001:db8::/32']);
  });
});
