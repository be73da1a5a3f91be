/**
 * The virtual clock's calendar: local times in an IANA time zone, converted with Intl and never the wall clock.
 * Scenario times are either absolute (`2026-03-02T09:00:00Z`, or with an offset) or local to the scenario's
 * time zone (`2026-03-02T09:00`, `2026-03-02`), or relative to the clock (`20:00`, `saturday 11:00`).
 */
import { err, ok, type Result } from '../result.js';
import { say } from './messages.js';
import type { Instant } from '../model/types.js';
import { fromMillis, toMillis } from '../model/time.js';

/** Day names, Sunday first as in `Date#getUTCDay`. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A local calendar position. Months are 1-based. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether `tz` is an IANA time zone this runtime knows (e.g. `Europe/London`, `UTC`). */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local calendar position of a UTC millisecond time in `tz`. */
export function toLocal(ms: number, tz: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
    weekday: SHORT_DAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The offset of `tz` from UTC at a UTC millisecond time, in milliseconds (London in summer: +3,600,000). */
function offsetAt(ms: number, tz: string): number {
  const l = toLocal(ms, tz);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC milliseconds of a local wall time in `tz`. In a spring-forward gap the time moves forward by the gap;
 * in a fall-back overlap the earlier instant is chosen.
 */
export function fromLocal(year: number, month: number, day: number, hour: number, minute: number, second: number, tz: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = offsetAt(asUtc - 43_200_000, tz);
  const after = offsetAt(asUtc + 43_200_000, tz);
  const valid = [before, after].map((o) => asUtc - o).filter((t) => asUtc - offsetAt(t, tz) === t);
  return valid.length > 0 ? Math.min(...valid) : asUtc - before;
}

const ABSOLUTE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^(?:([a-z]+)\s+)?(\d{1,2}):(\d{2})$/i;

/** Parses an hour:minute pair (`09:00`, `17:30`). */
export function parseHourMinute(text: string): Result<{ hour: number; minute: number }, string> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return err(say('timeOfDayBad', { text }).message);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return err(say('timeOfDayRange', { text }).message);
  return ok({ hour, minute });
}

/** Parses a day name or its first three letters; returns 0 for Sunday. */
export function parseWeekday(text: string): number | undefined {
  const t = text.toLowerCase();
  const i = WEEKDAYS.findIndex((d) => d === t || (t.length >= 3 && d.startsWith(t)));
  return i < 0 ? undefined : i;
}

/**
 * Resolves a scenario time to an Instant. Absolute and local date-times ignore `now`; a bare `HH:MM` is the next
 * such local time at or after `now`, and `saturday 11:00` the next Saturday at 11:00 at or after `now`.
 */
export function resolveTime(text: string, tz: string, now?: Instant): Result<Instant, string> {
  const s = text.trim();
  const a = ABSOLUTE.exec(s);
  if (a) {
    const [, y, mo, d, h = '00', mi = '00', se = '00', frac, zone] = a;
    const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), sec = Number(se);
    if (month < 1 || month > 12) return err(say('timeMonth', { text, month }).message);
    const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > dim) return err(say('timeDay', { text, month: `${y}-${mo}`, days: dim }).message);
    if (hour > 23 || minute > 59 || sec > 59) return err(say('timeRange', { text }).message);
    const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
    if (zone !== undefined) {
      const z = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
      return ok(fromMillis(Date.UTC(year, month - 1, day, hour, minute, sec, ms) - z));
    }
    return ok(fromMillis(fromLocal(year, month, day, hour, minute, sec, tz) + ms));
  }
  const c = CLOCK.exec(s);
  if (c) {
    const hm = parseHourMinute(`${c[2]}:${c[3]}`);
    if (!hm.ok) return err(hm.error);
    let weekday: number | undefined;
    if (c[1] !== undefined) {
      weekday = parseWeekday(c[1]);
      if (weekday === undefined) return err(say('timeWeekday', { text, day: c[1] }).message);
    }
    if (now === undefined) return err(say('timeNeedsClock', { text }).message);
    return ok(nextLocal(now, tz, hm.value.hour, hm.value.minute, weekday === undefined ? undefined : [weekday]));
  }
  return err(say('timeBad', { text }).message);
}

/** The first local `hour:minute` at or after `from` on one of `weekdays` (any day when undefined). */
export function nextLocal(from: Instant, tz: string, hour: number, minute: number, weekdays?: readonly number[]): Instant {
  const start = toMillis(from);
  const l = toLocal(start, tz);
  for (let i = 0; i < 8; i++) {
    const date = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    if (weekdays !== undefined && !weekdays.includes(date.getUTCDay())) continue;
    const t = fromLocal(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, 0, tz);
    if (t >= start) return fromMillis(t);
  }
  throw new Error(`nextLocal: no ${hour}:${minute} within 8 days of ${from}`);
}

/** Formats an Instant for people in `tz`: `Mon 2026-03-02 09:00` (seconds only when non-zero). */
export function formatLocal(t: Instant, tz: string): string {
  const l = toLocal(toMillis(t), tz);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${SHORT_DAYS[l.weekday]} ${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}${l.second ? `:${p(l.second)}` : ''}`;
}
