/** The replay's state between steps, and the one way the clock moves: forward, firing scheduled operations it passes. */
import type { Account, Instant } from '../model/types.js';
import { applyOperation } from '../model/apply.js';
import { toMillis } from '../model/time.js';
import { formatLocal } from './clock.js';
import { describeCall, resolveCall } from './resolve-call.js';
import type { ScheduledEvent } from './replay-types.js';
import { firingsBetween } from './schedule.js';
import type { Scenario, ScheduleEntry } from './types.js';

/** Where the replay is. */
export interface ReplayState {
  readonly account: Account;
  readonly now: Instant;
  /** `ROLE/SESSION` → the session id the model gave it. */
  readonly sessions: ReadonlyMap<string, string>;
  /** The schedule in force: the file's, plus entries `schedule` steps added. */
  readonly schedule: readonly ScheduleEntry[];
}

/** The scenario facts steps need. */
export interface ReplayContext {
  readonly scenario: Scenario;
  readonly explain: boolean;
  /** Appends a scheduled event to the output. */
  readonly emit: (e: ScheduledEvent) => void;
}

/**
 * Moves the clock to `to`, applying every scheduled operation whose time lies in (now, to], in time order (entries
 * firing at the same instant run in the order the file lists them). Failures are reported, never fatal.
 */
export function advanceTo(state: ReplayState, to: Instant, ctx: ReplayContext): ReplayState {
  if (toMillis(to) <= toMillis(state.now)) return state;
  const { scenario } = ctx;
  const firings: { t: number; time: Instant; entry: number }[] = [];
  state.schedule.forEach((e, entry) => {
    for (const time of firingsBetween(e.every, scenario.timezone, state.now, to)) {
      if (e.from !== undefined && time < e.from) continue;
      if (e.until !== undefined && time > e.until) continue;
      firings.push({ t: toMillis(time), time, entry });
    }
  });
  firings.sort((a, b) => a.t - b.t || a.entry - b.entry);
  let account = state.account;
  for (const f of firings) {
    const e = state.schedule[f.entry]!;
    for (const op of e.ops) {
      const call = resolveCall(account, op);
      const r = applyOperation(account, call, f.time);
      if (r.ok) account = r.value;
      ctx.emit({
        type: 'scheduled', time: f.time, local: formatLocal(f.time, scenario.timezone), every: e.text, title: describeCall(op),
        ok: r.ok, result: r.ok ? 'done' : `${r.error.code}: ${r.error.message}`, line: e.line,
      });
    }
  }
  return { ...state, account, now: to };
}
