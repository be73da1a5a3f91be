/** `sign-in`: a console sign-in (ConsoleLogin event, password last used), judged against `expect: success | failure`. */
import { signIn } from '../../model/sign-in.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';
import { DEFAULT_SOURCE_IP } from './caller.js';

/** Runs a sign-in step. */
export const runSignIn: StepHandler<'sign-in'> = (step, state, ctx) => {
  const s = step.spec;
  const from = s.from ?? DEFAULT_SOURCE_IP;
  const out = signIn(state.account, { ...(s.as === 'root' ? { root: true as const } : { user: s.as }), sourceIp: from, at: state.now, mfa: s.mfa ?? true });
  const next = { ...state, account: out.account };
  const actual = out.ok ? 'success' : 'failure';
  return {
    state: next,
    event: stepEvent(step, next, ctx, {
      title: `${s.as} signs in to the console from ${from}${s.mfa === false ? ' without MFA' : ''}`,
      result: out.ok ? `success${out.event.additionalEventData?.['MFAUsed'] === 'Yes' ? ' with MFA' : ''}` : `failure (${out.failure ?? 'unknown'})`,
      expectations: step.expect !== undefined ? [expectEqual('outcome', step.expect, actual)] : [],
      data: { outcome: actual, ...(out.failure !== null ? { failure: out.failure } : {}), mfaUsed: out.event.additionalEventData?.['MFAUsed'] === 'Yes' },
    }),
  };
};
