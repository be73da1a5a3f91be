/** overlapping-console-sessions: how sessions are delimited and when two of them overlap. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/overlapping-console-sessions.js';
import type { Account, CloudTrailEvent } from '../../../src/model/types.js';
import { account, event, loginProfile, NOW, ROOT, user } from '../fixtures.js';

const at = (h: number, m = 0): string => `2026-05-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
const login = (ip: string, t: string, who = 'ops'): CloudTrailEvent => event(who, t, { name: 'ConsoleLogin', ip });
const use = (ip: string, t: string, who = 'ops', accessKeyId?: string): CloudTrailEvent => event(who, t, { ip, ...(accessKeyId ? { accessKeyId } : {}) });
const OFFICE = '198.51.100.1';
const HOME = '203.0.113.5';
const ops = user('ops', { loginProfile: loginProfile() });
const acct = (events: CloudTrailEvent[], users = [ops]): Account => account({ users, events });
const detect = (a: Account, options: Record<string, unknown> = {}) => check.detect({ account: a, now: NOW, options: { ...check.meta.defaults, ...options } as never });
const counts = (a: Account, options: Record<string, unknown> = {}) => detect(a, options).map((r) => [r.data['user'], r.data['count']]);

describe('overlapping-console-sessions spans', () => {
  it('a session that is used after the other one starts overlaps it; one that ended before does not', () => {
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11))]))).toEqual([['ops', 1]]);
    expect(counts(acct([login(OFFICE, at(9)), use(OFFICE, at(9, 30)), login(HOME, at(10))]))).toEqual([]);
  });

  it('a session still in use at the very instant the other starts overlaps it', () => {
    expect(counts(acct([login(OFFICE, at(9)), use(OFFICE, at(10)), login(HOME, at(10))]))).toEqual([['ops', 1]]);
  });

  it('use after sessionHours no longer extends the session', () => {
    const ev = [login(OFFICE, at(1)), login(HOME, at(10)), use(OFFICE, at(11))];
    expect(counts(acct(ev))).toEqual([['ops', 1]]);
    expect(counts(acct(ev), { sessionHours: 9 })).toEqual([]);
    expect(counts(acct(ev), { sessionHours: 10 })).toEqual([['ops', 1]]);
  });

  it('use from another address, or with a long-term access key, does not extend a session', () => {
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10)), use('192.0.2.1', at(11))]))).toEqual([]);
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11), 'ops', 'AKIAOPS0000000001')]))).toEqual([]);
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11), 'ops', 'ASIAOPS0000000001')]))).toEqual([['ops', 1]]);
  });

  it('an earlier event in the log does not shorten a session', () => {
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11)), use(OFFICE, at(9, 30))]))).toEqual([['ops', 1]]);
  });

  it('use extends the latest session from that address', () => {
    const ev = [login(OFFICE, at(1)), login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11))];
    expect(counts(acct(ev), { sessionHours: 3 })).toEqual([['ops', 1]]);
  });

  it('ignores use before any sign-in, other users\' and root\'s events', () => {
    expect(counts(acct([use(OFFICE, at(8)), login(HOME, at(10)), login(OFFICE, at(11))]))).toEqual([]);
    const bob = user('bob', { loginProfile: loginProfile() });
    expect(counts(acct([login(OFFICE, at(9)), login(HOME, at(10), 'bob'), use(OFFICE, at(11)), event(ROOT, at(10), { name: 'ConsoleLogin', ip: HOME })], [ops, bob]))).toEqual([]);
  });

  it('skips users without a console password or no longer in the account', () => {
    const ev = [login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11))];
    expect(counts(acct(ev, [user('ops')]))).toEqual([]);
    expect(counts(acct(ev, []))).toEqual([]);
  });

  it('counts each session that overlaps an earlier one, with minOverlaps as the threshold', () => {
    const ev = [login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11)), login('192.0.2.1', at(11, 30)), use(HOME, at(12))];
    expect(counts(acct(ev))).toEqual([['ops', 2]]);
    expect(counts(acct(ev), { minOverlaps: 2 })).toEqual([['ops', 2]]);
    expect(counts(acct(ev), { minOverlaps: 3 })).toEqual([]);
  });

  it('looks back windowDays days', () => {
    const ev = [login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11))];
    expect(counts(acct(ev), { windowDays: 12 })).toEqual([['ops', 1]]);
    expect(counts(acct(ev), { windowDays: 11 })).toEqual([]);
  });

  it('reports the login profile, the window, the addresses, the sign-ins as evidence, and one user per address', () => {
    const ev = [login(OFFICE, at(9)), login(HOME, at(10)), use(OFFICE, at(11))];
    const [r] = detect(acct(ev));
    expect(r?.resource).toEqual({ kind: 'login-profile', arn: `${ops.arn}/login-profile`, name: 'ops' });
    expect(r?.data).toEqual({ user: 'ops', count: 1, window: 90, ips: `${OFFICE}, ${HOME}` });
    expect(r?.evidence).toEqual([
      { eventID: ev[0]!.eventID, eventTime: at(9), text: `ConsoleLogin from ${OFFICE}` },
      { eventID: ev[1]!.eventID, eventTime: at(10), text: `ConsoleLogin from ${HOME}` },
    ]);
    expect(r?.suggestions?.[0]?.data).toEqual({ people: 2, user: 'ops' });
    expect(r?.suggestions?.[0]?.fix.map((c) => c.op)).toEqual(['CreateUser', 'CreateUser', 'DeleteLoginProfile']);
  });

  it('keeps at most six sign-ins as evidence, five addresses in the message, and ten users in the suggestion', () => {
    const ev: CloudTrailEvent[] = [];
    for (let i = 0; i < 12; i++) ev.push(login(`192.0.2.${i + 1}`, at(8, i * 2)), use(`192.0.2.${i + 1}`, at(10)));
    const [r] = detect(acct(ev));
    expect(r?.data['count']).toBe(11);
    expect(r?.data['ips']).toBe('192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4, 192.0.2.5');
    expect(r?.evidence).toHaveLength(6);
    expect(r?.suggestions?.[0]?.data?.['people']).toBe(10);
  });
});
