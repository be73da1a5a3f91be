/**
 * Replays a loaded scenario on its virtual clock: each step in order, scheduled operations as the clock passes
 * them, every expectation judged. Deterministic: the same scenario gives the same result; the wall clock is never read.
 */
import { formatLocal } from './clock.js';
import type { ReplayContext, ReplayState } from './replay-state.js';
import type { ReplayEvent, ReplayOptions, ReplayResult, StepEvent } from './replay-types.js';
import { runActivity } from './steps/activity.js';
import { runAdvance } from './steps/advance.js';
import { runAssert } from './steps/assert.js';
import { runAssumeRole } from './steps/assume-role.js';
import { runAt } from './steps/at.js';
import { runCheck } from './steps/check.js';
import { runNote } from './steps/note.js';
import { runOperation } from './steps/operation.js';
import { runRemediate } from './steps/remediate.js';
import { runRequest } from './steps/request.js';
import { runSchedule } from './steps/schedule.js';
import { runSignIn } from './steps/sign-in.js';
import { advanceTo } from './replay-state.js';
import type { Scenario, Step } from './types.js';

function runStep(step: Step, state: ReplayState, ctx: ReplayContext): { state: ReplayState; event: StepEvent } {
  switch (step.kind) {
    case 'note': return runNote(step, state, ctx);
    case 'advance': return runAdvance(step, state, ctx);
    case 'at': return runAt(step, state, ctx);
    case 'schedule': return runSchedule(step, state, ctx);
    case 'operation': return runOperation(step, state, ctx);
    case 'request': return runRequest(step, state, ctx);
    case 'sign-in': return runSignIn(step, state, ctx);
    case 'assume-role': return runAssumeRole(step, state, ctx);
    case 'activity': return runActivity(step, state, ctx);
    case 'check': return runCheck(step, state, ctx);
    case 'remediate': return runRemediate(step, state, ctx);
    case 'assert': return runAssert(step, state, ctx);
    default: {
      const never: never = step;
      throw new Error(`unhandled step ${JSON.stringify(never)}`);
    }
  }
}

/** Replays a scenario. */
export function replay(scenario: Scenario, opts: ReplayOptions = {}): ReplayResult {
  const events: ReplayEvent[] = [];
  const ctx: ReplayContext = { scenario, explain: opts.explain ?? false, emit: (e) => events.push(e) };
  let state: ReplayState = { account: scenario.account, now: scenario.start, sessions: new Map(), schedule: scenario.schedule };
  for (const step of scenario.steps) {
    if (step.kind !== 'advance' && step.kind !== 'at') state = advanceTo(state, step.time, ctx);
    const r = runStep(step, state, ctx);
    state = r.state;
    events.push(r.event);
  }
  const steps = events.filter((e): e is StepEvent => e.type === 'step');
  const expectations = steps.flatMap((s) => s.expectations);
  const met = expectations.filter((x) => x.met).length;
  return {
    scenario: {
      name: scenario.name, description: scenario.description, file: scenario.file, start: scenario.start, end: state.now,
      timezone: scenario.timezone, seed: scenario.seed,
    },
    events,
    summary: {
      steps: steps.length,
      scheduled: events.length - steps.length,
      expectations: expectations.length,
      met,
      failed: expectations.length - met,
      scheduleErrors: events.filter((e) => e.type === 'scheduled' && !e.ok).length,
      ok: met === expectations.length,
    },
    account: state.account,
  };
}

/** The start of the replay in the scenario's time zone, for headers. */
export const localStart = (s: Scenario): string => formatLocal(s.start, s.timezone);
