/**
 * Recurring operations at local times on chosen weekdays: iamsim's schedule layer. It is NOT AWS semantics:
 * IAM conditions cannot express "weekdays 09:00-17:30" (see aws-iam-semantics.md §5), so real accounts run a
 * scheduler that attaches and detaches access; a scenario's `schedule:` models that scheduler.
 */
import { err, ok, type Result } from '../result.js';
import { say } from './messages.js';
import type { Instant } from '../model/types.js';
import { fromMillis, toMillis } from '../model/time.js';
import { fromLocal, parseHourMinute, parseWeekday, toLocal, WEEKDAYS } from './clock.js';

/** When a schedule entry fires: local hour and minute on a set of weekdays (0 = Sunday). */
export interface Recurrence {
  readonly weekdays: readonly number[];
  readonly hour: number;
  readonly minute: number;
}

const GROUPS: Readonly<Record<string, readonly number[]>> = {
  day: [0, 1, 2, 3, 4, 5, 6], days: [0, 1, 2, 3, 4, 5, 6], daily: [0, 1, 2, 3, 4, 5, 6],
  weekday: [1, 2, 3, 4, 5], weekdays: [1, 2, 3, 4, 5],
  weekend: [0, 6], weekends: [0, 6],
};

/** Parses `every:` text such as `weekdays 09:00` or `mon,wed-fri 17:30`. */
export function parseRecurrence(text: string): Result<Recurrence, string> {
  const words = text.trim().split(/\s+/);
  const time = words.pop() ?? '';
  const hm = parseHourMinute(time);
  if (!hm.ok) return err(say('scheduleTime', { text, detail: hm.error }).message);
  const days = words.join('').toLowerCase().replace(/^every/, '');
  if (days === '') return err(say('scheduleNoDays', { text }).message);
  const set = new Set<number>();
  for (const part of days.split(',')) {
    const group = GROUPS[part];
    if (group !== undefined) {
      group.forEach((d) => set.add(d));
      continue;
    }
    const [a, b, ...rest] = part.split('-');
    const from = a === undefined ? undefined : parseWeekday(a);
    if (from === undefined || rest.length > 0) return err(say('scheduleDay', { text, part, groups: Object.keys(GROUPS).join(', ') }).message);
    if (b === undefined) {
      set.add(from);
      continue;
    }
    const to = parseWeekday(b);
    if (to === undefined) return err(say('scheduleWeekday', { text, day: b }).message);
    for (let d = from; ; d = (d + 1) % 7) {
      set.add(d);
      if (d === to) break;
    }
  }
  return ok({ weekdays: [...set].sort(), hour: hm.value.hour, minute: hm.value.minute });
}

/** Describes a recurrence for people: `Mon-Fri 09:00`. */
export function describeRecurrence(r: Recurrence): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const names = r.weekdays.map((d) => (WEEKDAYS[d] ?? '').slice(0, 3).replace(/^./, (c) => c.toUpperCase()));
  const days = r.weekdays.join() === '1,2,3,4,5' ? 'Mon-Fri' : r.weekdays.length === 7 ? 'daily' : names.join(',');
  return `${days} ${p(r.hour)}:${p(r.minute)}`;
}

/**
 * Every firing of `r` in the half-open interval (from, to], in time order, as Instants. The clock "passes" a
 * firing when it moves from before it to at or after it.
 */
export function firingsBetween(r: Recurrence, tz: string, from: Instant, to: Instant): Instant[] {
  const a = toMillis(from);
  const b = toMillis(to);
  if (b <= a || r.weekdays.length === 0) return [];
  const out: Instant[] = [];
  const l = toLocal(a, tz);
  const e = toLocal(b, tz);
  const last = Date.UTC(e.year, e.month - 1, e.day);
  for (let i = 0; ; i++) {
    const date = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    if (date.getTime() > last) break;
    if (!r.weekdays.includes(date.getUTCDay())) continue;
    const t = localMillis(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), r.hour, r.minute, tz);
    if (t > a && t <= b) out.push(fromMillis(t));
  }
  return out;
}

const localCache = new Map<string, number>();

/** fromLocal, memoised: schedules ask for the same local times over and over, and Intl is slow. */
function localMillis(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const key = `${tz} ${year}-${month}-${day} ${hour}:${minute}`;
  let t = localCache.get(key);
  if (t === undefined) {
    if (localCache.size > 100_000) localCache.clear();
    t = fromLocal(year, month, day, hour, minute, 0, tz);
    localCache.set(key, t);
  }
  return t;
}
