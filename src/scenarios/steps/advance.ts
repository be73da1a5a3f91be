/** `advance: 3d`: moves the clock forward, firing the scheduled operations it passes. */
import { advanceTo } from '../replay-state.js';
import { formatDuration } from '../duration.js';
import { stepEvent, type StepHandler } from './event.js';

/** Runs an advance step. */
export const runAdvance: StepHandler<'advance'> = (step, state, ctx) => {
  const next = advanceTo(state, step.time, ctx);
  return { state: next, event: stepEvent(step, next, ctx, { title: `advance ${step.text}`, result: `clock ${formatDuration(step.ms)} later`, data: { from: state.now, to: next.now } }) };
};
