/** A Decision as plain JSON for `--format json` and batch output: effect, decidedBy, determining, errors, and optionally the trace. */
import type { Decision } from '../../evaluator/types.js';

/** Options for decisionToJson. */
export interface DecisionJsonOptions {
  readonly trace?: boolean;
}

/** The JSON form of a decision (StatementRefs are already plain data). */
export function decisionToJson(decision: Decision, opts: DecisionJsonOptions = {}): Record<string, unknown> {
  return {
    effect: decision.effect,
    decidedBy: decision.decidedBy,
    determining: decision.determining.map((r) => ({ policyId: r.policyId, policyKind: r.policyKind, index: r.index, ...(r.sid !== undefined ? { sid: r.sid } : {}) })),
    ...(decision.errors.length > 0 ? { errors: decision.errors.map((e) => ({ code: e.code, message: e.message })) } : {}),
    ...(opts.trace === true ? { trace: decision.trace } : {}),
  };
}
