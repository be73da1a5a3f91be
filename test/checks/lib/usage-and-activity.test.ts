import { describe, expect, it } from 'vitest';
import { eventsBetween, eventsInWindow, isConsoleLogin, isIpAddress, windowStart } from '../../../src/checks/lib/activity.js';
import { activeKeys, keyLastUsed, passwordLastUsed, rootPasswordLastUsed, userLastActivity, useStatus } from '../../../src/checks/lib/usage.js';
import { account, daysAgo, event, key, NOW, ROOT, user } from '../fixtures.js';

describe('activity windows', () => {
  it('windowStart is exactly `days` days before now', () => {
    expect(windowStart('2026-06-01T00:00:00Z', 1)).toBe('2026-05-31T00:00:00Z');
    expect(windowStart('2026-06-01T12:30:00Z', 30)).toBe('2026-05-02T12:30:00Z');
  });

  it('eventsBetween keeps events from `from` to `now`, both ends included, in log order', () => {
    const before = event('alice', '2026-05-01T00:00:00Z');
    const atFrom = event('alice', '2026-05-02T00:00:00Z');
    const inside = event('bob', '2026-05-10T00:00:00Z');
    const atNow = event('alice', NOW);
    const after = event('alice', '2026-06-01T00:00:01Z');
    const a = account({ events: [inside, before, atFrom, after, atNow] });
    expect(eventsBetween(a, '2026-05-02T00:00:00Z', NOW).map((e) => e.eventID)).toEqual([inside.eventID, atFrom.eventID, atNow.eventID]);
    expect(eventsInWindow(a, NOW, 30).map((e) => e.eventID)).toEqual([inside.eventID, atFrom.eventID, atNow.eventID]);
    expect(eventsInWindow(a, NOW, 29).map((e) => e.eventID)).toEqual([inside.eventID, atNow.eventID]);
  });

  it.each([
    ['198.51.100.7', true],
    ['10.0.0.1', true],
    ['2001:db8::1', true],
    ['::ffff:192.0.2.1', true],
    ['cloudformation.amazonaws.com', false],
    ['AWS Internal', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['x1.2.3.4', false],
    ['1234.1.1.1', false],
    ['fe80::g', false],
  ])('isIpAddress(%s) is %s', (s, want) => {
    expect(isIpAddress(s)).toBe(want);
  });

  it('isConsoleLogin accepts a successful ConsoleLogin only', () => {
    const ok = event('alice', NOW, { name: 'ConsoleLogin' });
    expect(isConsoleLogin(ok)).toBe(true);
    expect(isConsoleLogin({ ...ok, responseElements: undefined })).toBe(true);
    expect(isConsoleLogin({ ...ok, responseElements: { ConsoleLogin: 'Failure' } })).toBe(false);
    expect(isConsoleLogin({ ...ok, errorCode: 'Failed authentication' })).toBe(false);
    expect(isConsoleLogin(event('alice', NOW, { name: 'CheckMfa', type: 'AwsConsoleSignIn' }))).toBe(false);
  });
});

describe('credential use', () => {
  it('reads last use of keys and passwords, null when never used', () => {
    const a = account({ keyUse: { AKIA1: daysAgo(3) }, passwordUse: { alice: daysAgo(5), [ROOT]: daysAgo(7) } });
    expect(keyLastUsed(a, 'AKIA1')).toBe(daysAgo(3));
    expect(keyLastUsed(a, 'AKIA2')).toBeNull();
    expect(passwordLastUsed(a, 'alice')).toBe(daysAgo(5));
    expect(passwordLastUsed(a, 'bob')).toBeNull();
    expect(rootPasswordLastUsed(a)).toBe(daysAgo(7));
    expect(rootPasswordLastUsed(account())).toBeNull();
  });

  it('useStatus: a credential last used `days` or more days ago is unused, one used more recently is recent', () => {
    expect(useStatus(daysAgo(400), daysAgo(90), NOW, 90)).toEqual({ kind: 'unused', lastUsed: daysAgo(90), days: 90 });
    expect(useStatus(daysAgo(400), daysAgo(89), NOW, 90)).toEqual({ kind: 'recent' });
  });

  it('useStatus: a never-used credential counts from its creation', () => {
    expect(useStatus(daysAgo(90), null, NOW, 90)).toEqual({ kind: 'never-used', ageDays: 90 });
    expect(useStatus(daysAgo(89), null, NOW, 90)).toEqual({ kind: 'recent' });
  });

  it('activeKeys keeps the Active keys in order', () => {
    const u = user('alice', { accessKeys: [key('AKIA1'), key('AKIA2', NOW, 'Inactive'), key('AKIA3')] });
    expect(activeKeys(u).map((k) => k.id)).toEqual(['AKIA1', 'AKIA3']);
  });

  it('userLastActivity is the latest use of the password or any key', () => {
    const u = user('alice', { accessKeys: [key('AKIA1'), key('AKIA2'), key('AKIA3')] });
    expect(userLastActivity(account({ users: [u] }), u)).toBeNull();
    expect(userLastActivity(account({ users: [u], passwordUse: { alice: daysAgo(10) } }), u)).toBe(daysAgo(10));
    expect(userLastActivity(account({ users: [u], keyUse: { AKIA2: daysAgo(20) } }), u)).toBe(daysAgo(20));
    expect(userLastActivity(account({ users: [u], passwordUse: { alice: daysAgo(10) }, keyUse: { AKIA1: daysAgo(20), AKIA2: daysAgo(5), AKIA3: daysAgo(8) } }), u)).toBe(daysAgo(5));
    expect(userLastActivity(account({ users: [u], passwordUse: { alice: daysAgo(4) }, keyUse: { AKIA1: daysAgo(20), AKIA2: daysAgo(5) } }), u)).toBe(daysAgo(4));
  });
});
