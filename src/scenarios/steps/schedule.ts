/** `schedule`: adds a recurring operation from this step on; it fires as later clock moves pass its times. */
import { describeCall } from '../resolve-call.js';
import { describeRecurrence } from '../schedule.js';
import { stepEvent, type StepHandler } from './event.js';

/** Runs a schedule step: the entry starts now (or at its own `from`, if later). */
export const runSchedule: StepHandler<'schedule'> = (step, state, ctx) => {
  const e = step.entry;
  const from = e.from !== undefined && e.from > state.now ? e.from : state.now;
  const next = { ...state, schedule: [...state.schedule, { ...e, from }] };
  const what = e.ops.map(describeCall).join('; ');
  return {
    state: next,
    event: stepEvent(step, next, ctx, {
      title: `schedule ${e.text}: ${what}`,
      result: `every ${describeRecurrence(e.every)} ${ctx.scenario.timezone}${e.until !== undefined ? ` until ${e.until}` : ''}`,
      data: { every: e.text, operations: e.ops.map((o) => o.op), from, ...(e.until !== undefined ? { until: e.until } : {}) },
    }),
  };
};
