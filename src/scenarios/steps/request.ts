/** `request`: a person calls an action on a resource; the decision is judged against `expect`, `decidedBy`, `sid`, `policy`. */
import type { Decision } from '../../evaluator/types.js';
import { request } from '../../model/request.js';
import type { Expectation, StepEvent } from '../replay-types.js';
import type { ReplayContext, ReplayState } from '../replay-state.js';
import type { DecisionExpectation } from '../types.js';
import { decisionReason } from '../../explain/decision-reason.js';
import { policyShortName } from '../../explain/statement-name.js';
import { callerName, callPrincipal, DEFAULT_SOURCE_IP } from './caller.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';

/** Judges a decision against what the step expects. */
export function decisionExpectations(d: Decision, e: DecisionExpectation): Expectation[] {
  const out: Expectation[] = [];
  if (e.effect !== undefined) out.push(expectEqual('effect', e.effect, d.effect));
  if (e.decidedBy !== undefined) out.push(expectEqual('decidedBy', e.decidedBy, d.decidedBy ?? 'none'));
  if (e.sid !== undefined) {
    const sids = d.determining.map((s) => s.sid ?? '');
    out.push({ what: 'sid', expected: e.sid, actual: sids.join(', ') || '(none)', met: sids.includes(e.sid) });
  }
  if (e.policy !== undefined) {
    const names = d.determining.map((s) => policyShortName(s.policyId));
    out.push({ what: 'policy', expected: e.policy, actual: names.join(', ') || '(none)', met: names.includes(e.policy) || d.determining.some((s) => s.policyId === e.policy) });
  }
  return out;
}

/** Runs a request step. */
export const runRequest: StepHandler<'request'> = (step, state, ctx) => {
  const s = step.spec;
  const from = s.from ?? DEFAULT_SOURCE_IP;
  const out = request(state.account, {
    principal: callPrincipal(state.account, s, state.sessions),
    action: s.action, resource: s.resource, sourceIp: from, at: state.now,
    ...(s.region !== undefined ? { region: s.region } : {}),
    ...(s.context !== undefined ? { extraContext: s.context } : {}),
  }, { trace: true }); // the one-line result names the nearest miss, which only the trace knows
  const next = { ...state, account: out.account };
  const result = out.rejection !== null ? `${out.decision.effect}: credential refused before any policy (${out.rejection.code}: ${out.rejection.detail})` : decisionReason(out.decision, s.action);
  return { state: next, event: requestEvent(step, next, ctx, `${callerName(s)}${s.with ? ` (${s.with})` : ''} ${s.action} ${s.resource} from ${from}`, result, out.decision, step.expect, out.rejection?.code) };
};

/** The event of a request-like step (request, assume-role). */
export function requestEvent(step: Parameters<typeof stepEvent>[0], state: ReplayState, ctx: ReplayContext, title: string, result: string, d: Decision, e: DecisionExpectation, rejection?: string, extra: Record<string, unknown> = {}): StepEvent {
  return stepEvent(step, state, ctx, {
    title, result,
    expectations: decisionExpectations(d, e),
    data: {
      effect: d.effect, decidedBy: d.decidedBy ?? 'none',
      determining: d.determining.map((s) => ({ policy: policyShortName(s.policyId), policyId: s.policyId, kind: s.policyKind, ...(s.sid ? { sid: s.sid } : {}), index: s.index })),
      ...(rejection !== undefined ? { rejection } : {}),
      ...extra,
    },
    ...(ctx.explain ? { decision: d } : {}),
  });
}
