/** The virtual clock's calendar: durations, scenario times, time zones with DST, recurrences and their firings. */
import { describe, expect, it } from 'vitest';
import { formatLocal, resolveTime } from '../../src/scenarios/clock.js';
import { formatDuration, parseDuration } from '../../src/scenarios/duration.js';
import { describeRecurrence, firingsBetween, parseRecurrence } from '../../src/scenarios/schedule.js';
import { resolveWhen } from '../../src/scenarios/when.js';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(String(r.error));
  return r.value;
};

describe('durations', () => {
  it.each([
    ['90s', 90_000], ['15m', 900_000], ['2h30m', 9_000_000], ['3d', 259_200_000], ['1w', 604_800_000], ['1.5h', 5_400_000], ['0s', 0], [' 1d 2h ', 93_600_000],
  ])('%s is %d ms', (text, ms) => expect(value(parseDuration(text))).toBe(ms));

  it.each(['', '3 days', '2 weeks', 'd', '-3d', '3x', '1d-2h'])('%j is not a duration', (text) => expect(parseDuration(text).ok).toBe(false));

  it('formats back to the shortest text', () => {
    expect(formatDuration(93_600_000)).toBe('1d2h');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('scenario times', () => {
  const now = '2026-03-02T10:15:00Z'; // Monday, GMT
  it.each([
    ['2026-03-02T09:00:00Z', 'UTC', '2026-03-02T09:00:00Z'],
    ['2026-03-02T09:00:00+02:00', 'UTC', '2026-03-02T07:00:00Z'],
    ['2026-07-06T10:00', 'Europe/London', '2026-07-06T09:00:00Z'],
    ['2026-03-02', 'America/New_York', '2026-03-02T05:00:00Z'],
    ['2026-03-29T01:30', 'Europe/London', '2026-03-29T01:30:00Z'],
    ['2026-10-25T01:30', 'Europe/London', '2026-10-25T00:30:00Z'],
  ])('%s in %s is %s', (text, tz, utc) => expect(value(resolveTime(text, tz))).toBe(utc));

  it('a time of day is the next such local time at or after the clock', () => {
    expect(value(resolveTime('20:00', 'Europe/London', now))).toBe('2026-03-02T20:00:00Z');
    expect(value(resolveTime('09:00', 'Europe/London', now))).toBe('2026-03-03T09:00:00Z');
    expect(value(resolveTime('10:15', 'Europe/London', now))).toBe(now);
  });

  it('a day and a time is the next such day', () => {
    expect(value(resolveTime('saturday 11:00', 'Europe/London', now))).toBe('2026-03-07T11:00:00Z');
    expect(value(resolveTime('mon 09:30', 'Europe/London', now))).toBe('2026-03-09T09:30:00Z');
    expect(value(resolveTime('monday 10:15', 'Europe/London', now))).toBe(now);
  });

  it.each([
    ['2026-02-30T10:00', "bad time '2026-02-30T10:00': 2026-02 has 28 days"],
    ['2026-13-01', "bad time '2026-13-01': month 13 does not exist"],
    ['2026-03-02T24:00', "bad time '2026-03-02T24:00': hours go to 23, minutes and seconds to 59"],
    ['25:00', "bad time of day '25:00': hours go to 23 and minutes to 59"],
    ['blursday 10:00', "bad time 'blursday 10:00': 'blursday' is not a day of the week"],
    ['next tuesday', "bad time 'next tuesday'"],
  ])('%s is rejected: %s', (text, message) => expect(resolveTime(text, 'UTC', now)).toEqual({ ok: false, error: message }));

  it('moments in the account: ago, never, dates', () => {
    expect(value(resolveWhen('90d ago', '2026-03-02T08:00:00Z', 'UTC'))).toBe('2025-12-02T08:00:00Z');
    expect(value(resolveWhen('never', '2026-03-02T08:00:00Z', 'UTC'))).toBeNull();
    expect(value(resolveWhen('2025-11-02', '2026-03-02T08:00:00Z', 'UTC'))).toBe('2025-11-02T00:00:00Z');
    expect(resolveWhen('09:00', '2026-03-02T08:00:00Z', 'UTC').ok).toBe(false);
  });

  it('formats instants in the scenario time zone', () => {
    expect(formatLocal('2026-07-06T09:00:00Z', 'Europe/London')).toBe('Mon 2026-07-06 10:00');
    expect(formatLocal('2026-03-02T10:15:30Z', 'UTC')).toBe('Mon 2026-03-02 10:15:30');
  });
});

describe('recurrences', () => {
  it.each([
    ['weekdays 09:00', [1, 2, 3, 4, 5], 'Mon-Fri 09:00'],
    ['daily 17:30', [0, 1, 2, 3, 4, 5, 6], 'daily 17:30'],
    ['weekends 10:00', [0, 6], 'Sun,Sat 10:00'],
    ['mon,wed,fri 08:00', [1, 3, 5], 'Mon,Wed,Fri 08:00'],
    ['mon-thu 18:00', [1, 2, 3, 4], 'Mon,Tue,Wed,Thu 18:00'],
    ['fri-mon 07:00', [0, 1, 5, 6], 'Sun,Mon,Fri,Sat 07:00'],
    ['every weekday 09:00', [1, 2, 3, 4, 5], 'Mon-Fri 09:00'],
  ])('%s', (text, days, described) => {
    const r = value(parseRecurrence(text));
    expect(r.weekdays).toEqual(days);
    expect(describeRecurrence(r)).toBe(described);
  });

  it.each(['weekdays', 'weekdays 9am', 'blursday 09:00', '09:00', 'mon-blursday 09:00'])('%j is rejected', (text) => expect(parseRecurrence(text).ok).toBe(false));

  it('fires in (from, to], in local time across a DST change', () => {
    const r = value(parseRecurrence('weekdays 09:00'));
    // London moves to BST on Sunday 29 March 2026: 09:00 local is 09:00Z before and 08:00Z after.
    expect(firingsBetween(r, 'Europe/London', '2026-03-27T09:00:00Z', '2026-03-31T12:00:00Z')).toEqual(['2026-03-30T08:00:00Z', '2026-03-31T08:00:00Z']);
    expect(firingsBetween(r, 'Europe/London', '2026-03-27T08:59:59Z', '2026-03-27T09:00:00Z')).toEqual(['2026-03-27T09:00:00Z']);
    expect(firingsBetween(r, 'Europe/London', '2026-03-28T00:00:00Z', '2026-03-29T23:59:00Z')).toEqual([]);
    expect(firingsBetween(r, 'UTC', '2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z')).toEqual([]);
  });
});
