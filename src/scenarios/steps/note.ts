/** `note`: narration for the audience; changes nothing. */
import { stepEvent, type StepHandler } from './event.js';

/** Runs a note step. */
export const runNote: StepHandler<'note'> = (step, state, ctx) => ({ state, event: stepEvent(step, state, ctx, { title: 'note', result: step.text, data: { text: step.text } }) });
