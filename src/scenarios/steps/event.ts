/** Shared by the step handlers: the handler signature and how a step's event is assembled. */
import type { Decision } from '../../evaluator/types.js';
import { formatLocal } from '../clock.js';
import type { ReplayContext, ReplayState } from '../replay-state.js';
import type { Expectation, StepEvent } from '../replay-types.js';
import type { Step, StepKind } from '../types.js';

/** The step of one kind. */
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** Runs one step: the new state and what to show. Pure apart from `ctx.emit` for scheduled operations. */
export type StepHandler<K extends StepKind> = (step: StepOf<K>, state: ReplayState, ctx: ReplayContext) => { readonly state: ReplayState; readonly event: StepEvent };

/** Builds a step's event; the status follows from the expectations. */
export function stepEvent(
  step: Step,
  state: ReplayState,
  ctx: ReplayContext,
  e: { title: string; result: string; details?: readonly string[]; expectations?: readonly Expectation[]; data?: Readonly<Record<string, unknown>>; decision?: Decision },
): StepEvent {
  const expectations = e.expectations ?? [];
  return {
    type: 'step', index: step.index, line: step.line, kind: step.kind, time: state.now, local: formatLocal(state.now, ctx.scenario.timezone),
    title: e.title, result: e.result, details: e.details ?? [], expectations,
    status: expectations.length === 0 ? 'info' : expectations.every((x) => x.met) ? 'pass' : 'fail',
    data: e.data ?? {},
    ...(e.decision !== undefined ? { decision: e.decision } : {}),
  };
}

/** An expectation comparing two texts. */
export const expectEqual = (what: string, expected: string, actual: string): Expectation => ({ what, expected, actual, met: expected === actual });
