/** `assume-role`: sts:AssumeRole; a granted session is remembered as ROLE/SESSION for later steps' `as`. */
import { assumeRole } from '../../model/assume-role.js';
import { callPrincipal, DEFAULT_SOURCE_IP } from './caller.js';
import { decisionReason } from '../../explain/decision-reason.js';
import { requestEvent } from './request.js';
import type { StepHandler } from './event.js';

/** Runs an assume-role step. */
export const runAssumeRole: StepHandler<'assume-role'> = (step, state, ctx) => {
  const s = step.spec;
  const from = s.from ?? DEFAULT_SOURCE_IP;
  const out = assumeRole(state.account, {
    principal: callPrincipal(state.account, s, state.sessions),
    roleName: s.role, sessionName: s.session ?? s.as, at: state.now, sourceIp: from,
    ...(s.durationMs !== undefined ? { durationSeconds: Math.round(s.durationMs / 1000) } : {}),
    ...(s.policy !== undefined ? { policy: s.policy } : {}),
    ...(s.policies !== undefined ? { policyArns: s.policies } : {}),
    ...(s.mfa !== undefined ? { mfa: s.mfa } : {}),
  });
  const key = `${s.role}/${s.session ?? s.as}`;
  const sessions = out.session !== null ? new Map([...state.sessions, [key, out.session.id]]) : state.sessions;
  const next = { ...state, account: out.account, sessions };
  const result = out.validationError !== null
    ? `refused: ${out.validationError}`
    : out.rejection !== null
      ? `${out.decision.effect}: credential refused (${out.rejection.code})`
      : `${decisionReason(out.decision, 'sts:AssumeRole')}${out.session !== null ? `; session ${key} until ${out.session.expires}` : ''}`;
  return {
    state: next,
    event: requestEvent(step, next, ctx, `${s.as} assumes role ${s.role} as session ${s.session ?? s.as} from ${from}`, result, out.decision, step.expect, out.rejection?.code, out.session !== null ? { session: key, expires: out.session.expires } : {}),
  };
};
