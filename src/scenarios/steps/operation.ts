/** A model operation as a step (`AttachUserPolicy: { user: bob, policy: ReadOnlyAccess }`), with `expect: ok` or an IAM error code. */
import { applyOperation } from '../../model/apply.js';
import { describeCall, resolveCall } from '../resolve-call.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';

/** Runs an operation step. A failure is a result, judged against `expect` (default: ok). */
export const runOperation: StepHandler<'operation'> = (step, state, ctx) => {
  const call = resolveCall(state.account, step.call);
  const r = applyOperation(state.account, call, state.now);
  const next = r.ok ? { ...state, account: r.value } : state;
  const actual = r.ok ? 'ok' : r.error.code;
  return {
    state: next,
    event: stepEvent(step, next, ctx, {
      title: describeCall(step.call),
      result: r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`,
      expectations: [expectEqual('outcome', step.expect ?? 'ok', actual)],
      data: { op: call.op, input: call.input, outcome: actual, ...(r.ok ? {} : { error: { code: r.error.code, message: r.error.message } }) },
    }),
  };
};
