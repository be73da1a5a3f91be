/** `at: 2026-03-02T09:00` (or `20:00`, `saturday 11:00`): moves the clock to a time, firing what it passes. */
import { advanceTo } from '../replay-state.js';
import { stepEvent, type StepHandler } from './event.js';

/** Runs an at step; the loader resolved the time and made sure it is not in the past. */
export const runAt: StepHandler<'at'> = (step, state, ctx) => {
  const next = advanceTo(state, step.time, ctx);
  return { state: next, event: stepEvent(step, next, ctx, { title: `at ${step.text}`, result: `clock at ${next.now}`, data: { from: state.now, to: next.now } }) };
};
