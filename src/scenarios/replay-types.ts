/** What a replay returns: every step and every scheduled operation, in clock order, with expectations judged. */
import type { Decision } from '../evaluator/types.js';
import type { Account, Instant } from '../model/types.js';
import type { StepKind } from './types.js';

/** One expectation and whether it held. */
export interface Expectation {
  /** What was expected of: `effect`, `decidedBy`, `sid`, `findings`, `user priya groups`, … */
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  readonly met: boolean;
}

/** `pass` and `fail` judge expectations; `info` has none; `error` means the step could not run as written. */
export type StepStatus = 'pass' | 'fail' | 'info';

/** One step as it ran. */
export interface StepEvent {
  readonly type: 'step';
  readonly index: number;
  readonly line: number;
  readonly kind: StepKind;
  readonly time: Instant;
  /** The time in the scenario's time zone, e.g. `Mon 2026-03-02 10:15`. */
  readonly local: string;
  /** What the step does, in one line. */
  readonly title: string;
  /** What happened, in one line. */
  readonly result: string;
  /** More lines: findings, changes, failed assertions. */
  readonly details: readonly string[];
  readonly expectations: readonly Expectation[];
  readonly status: StepStatus;
  /** Kind-specific data for machines. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The decision with its trace, for `--explain` renderers; never serialised. */
  readonly decision?: Decision;
}

/** A scheduled operation that fired as the clock passed its time. */
export interface ScheduledEvent {
  readonly type: 'scheduled';
  readonly time: Instant;
  readonly local: string;
  /** The schedule entry as written, e.g. `weekdays 09:00`. */
  readonly every: string;
  readonly title: string;
  readonly ok: boolean;
  readonly result: string;
  readonly line: number;
}

/** Any event of a replay. */
export type ReplayEvent = StepEvent | ScheduledEvent;

/** Counts over the whole replay. */
export interface ReplaySummary {
  readonly steps: number;
  readonly scheduled: number;
  readonly expectations: number;
  readonly met: number;
  readonly failed: number;
  /** Scheduled operations that failed (shown, never fatal). */
  readonly scheduleErrors: number;
  readonly ok: boolean;
}

/** The whole replay. */
export interface ReplayResult {
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly file: string;
    readonly start: Instant;
    readonly end: Instant;
    readonly timezone: string;
    readonly seed: string;
  };
  readonly events: readonly ReplayEvent[];
  readonly summary: ReplaySummary;
  /** The account at the end (not serialised). */
  readonly account: Account;
}

/** Options for replay(). */
export interface ReplayOptions {
  /** Ask the evaluator for traces, for `--explain`. */
  readonly explain?: boolean;
}
