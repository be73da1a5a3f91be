/**
 * The story page's timeline layout, computed as data: the days along the virtual clock (days with steps, the days
 * between them when the gap is under a week so weekends show, longer gaps folded into one column), each with its
 * marks placed by local time of day in lanes that never overlap, its weekend flag and its scheduled window (the span
 * from the first to the last scheduled operation of that day, e.g. 09:00–17:30 for a workday group membership).
 */
import type { ReplayResult, StepEvent } from '../scenarios/replay-types.js';

/** Pixel widths of the day columns. */
export const DAY_WIDTH = { key: 240, fill: 64, gap: 56 } as const;
/** Vertical room for one lane of marks. */
export const LANE_HEIGHT = 28;
const MARK_ROOM = 24;

/** Step kinds that get a mark on the timeline (narration and clock moves are not actions). */
export const MARKED_KINDS: ReadonlySet<string> = new Set(['request', 'assume-role', 'sign-in', 'check', 'remediate', 'assert', 'operation', 'activity']);

/** A mark: one step placed on its day. */
export interface Mark {
  readonly step: StepEvent;
  /** Minutes since local midnight. */
  readonly minute: number;
  readonly lane: number;
}

/** One column of the timeline. */
export type TimelineDay =
  | {
      readonly kind: 'key' | 'fill';
      /** `2026-03-02` */
      readonly date: string;
      /** `Mon` */
      readonly weekday: string;
      readonly weekend: boolean;
      readonly marks: readonly Mark[];
      /** Scheduled operations' times (minutes) that day, distinct, ascending. */
      readonly scheduled: readonly number[];
      readonly scheduledTitles: readonly string[];
      readonly scheduleFailed: boolean;
    }
  | { readonly kind: 'gap'; readonly from: string; readonly to: string; readonly days: number; readonly scheduledCount: number };

/** The whole layout. */
export interface Timeline {
  readonly days: readonly TimelineDay[];
  readonly lanes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_MS = 86_400_000;
const dateOf = (local: string): string => local.slice(4, 14);
const minuteOf = (local: string): number => {
  const m = /(\d{2}):(\d{2})$/.exec(local);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};
const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dateAt = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Lays out a replay's events along the virtual clock. */
export function layoutTimeline(r: ReplayResult): Timeline {
  const steps = new Map<string, StepEvent[]>();
  const sched = new Map<string, { minutes: Set<number>; titles: Set<string>; failed: boolean; count: number }>();
  for (const e of r.events) {
    const d = dateOf(e.local);
    if (e.type === 'step') {
      if (MARKED_KINDS.has(e.kind) || e.status === 'fail') steps.set(d, [...(steps.get(d) ?? []), e]);
      else if (!steps.has(d)) steps.set(d, []);
    } else {
      const s = sched.get(d) ?? { minutes: new Set<number>(), titles: new Set<string>(), failed: false, count: 0 };
      s.count += 1;
      s.minutes.add(minuteOf(e.local));
      s.titles.add(`${e.local.slice(15)} ${e.title}`);
      if (!e.ok) s.failed = true;
      sched.set(d, s);
    }
  }
  const keys = [...steps.keys()].sort();
  const days: TimelineDay[] = [];
  let lanes = 1;
  const dayColumn = (date: string, kind: 'key' | 'fill'): TimelineDay => {
    const wd = WEEKDAYS[new Date(ms(date)).getUTCDay()] ?? '';
    const width = DAY_WIDTH[kind];
    const laneEnds: number[] = [];
    const marks: Mark[] = [];
    for (const step of steps.get(date) ?? []) {
      const minute = minuteOf(step.local);
      const x = (minute / 1440) * width;
      let lane = laneEnds.findIndex((end) => end <= x);
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(0);
      }
      laneEnds[lane] = x + MARK_ROOM;
      marks.push({ step, minute, lane });
    }
    lanes = Math.max(lanes, laneEnds.length);
    const s = sched.get(date);
    return { kind, date, weekday: wd, weekend: wd === 'Sat' || wd === 'Sun', marks, scheduled: s ? [...s.minutes].sort((a, b) => a - b) : [], scheduledTitles: s ? [...s.titles] : [], scheduleFailed: s?.failed ?? false };
  };
  keys.forEach((date, i) => {
    days.push(dayColumn(date, 'key'));
    const next = keys[i + 1];
    if (next === undefined) return;
    const between = Math.round((ms(next) - ms(date)) / DAY_MS) - 1;
    if (between <= 0) return;
    if (between <= 6) {
      for (let k = 1; k <= between; k++) days.push(dayColumn(dateAt(ms(date) + k * DAY_MS), 'fill'));
      return;
    }
    let scheduledCount = 0;
    for (let k = 1; k <= between; k++) scheduledCount += sched.get(dateAt(ms(date) + k * DAY_MS))?.count ?? 0;
    days.push({ kind: 'gap', from: dateAt(ms(date) + DAY_MS), to: dateAt(ms(next) - DAY_MS), days: between, scheduledCount });
  });
  return { days, lanes };
}
