/**
 * Trace events: what the evaluator looked at. Built only when `trace: true` was asked for; rendering them as text
 * belongs to the CLI. Combine messages live in one table, keyed by id, with `{{placeholders}}`.
 */
import type { ConditionTrace, StatementRef, TraceEvent } from './types.js';

/** The decision-flow steps a combine event can report (sheet §1.1). */
export type TraceStep = 'explicit-deny' | 'rcp' | 'scp' | 'resource' | 'identity' | 'boundary' | 'session' | 'root' | 'cross-account' | 'principal-kind' | 'decision';

/** The English of every combine event. */
export const COMBINE_MESSAGES = {
  'deny-matched': 'Explicit Deny in a {{kind}} policy: {{statements}}.',
  'deny-none': 'No Deny statement matched.',
  'gate-none': 'No {{kind}}s apply to this request.',
  'gate-missing': '{{kind}} level {{level}} (0 = organization root) has no matching Allow, so the request is implicitly denied.',
  'gate-ok': 'Every {{kind}} level from the organization root to the account has a matching Allow.',
  'resource-none': 'No resource-based policy applies.',
  'resource-no-allow': 'The resource-based policy has no Allow that matches this caller.',
  'resource-must-allow': 'The resource-based policy (a role trust policy or KMS key policy) must itself allow, and it does not.',
  'resource-exact': 'The resource-based policy names the caller itself (its own ARN, "*", or its service): in the same account that allows the request without identity, boundary or session policies.',
  'resource-role': 'The resource-based policy names the caller\'s {{what}}: it counts like an identity-based Allow, still limited by a permissions boundary and session policies.',
  'resource-account': 'The resource-based policy names only the caller\'s account, which delegates to the account: an identity-based Allow is still needed.',
  'cross-account': 'Cross-account request (principal account {{from}}, resource account {{to}}): the resource side and the principal side must both allow.',
  'cross-account-resource-ok': 'The resource side allows: the resource-based policy names the caller or its account.',
  'cross-account-resource-missing': 'Cross-account access needs the resource-based policy to allow the caller or its account, and it does not.',
  'principal-no-identity': '{{kind}} callers have no identity-based policies: only the resource-based policy can allow.',
  'identity-allow': 'An identity-based policy allows: {{statements}}.',
  'identity-none': 'No identity-based policy allows the request, and nothing else grants it: implicit deny.',
  'identity-by-resource': 'No identity-based Allow, but the resource-based policy\'s grant to the caller\'s role or user stands in for it.',
  'boundary-none': 'No permissions boundary is set.',
  'boundary-allow': 'The permissions boundary allows: {{statements}}.',
  'boundary-missing': 'The permissions boundary does not allow the request.',
  'session-none': 'No session policy was passed: a role session keeps its role\'s permissions.',
  'session-federated': 'A federated-user session without a session policy has no permissions of its own.',
  'session-allow': 'A session policy allows: {{statements}}.',
  'session-missing': 'The session policies do not allow the request.',
  'root-allow': 'The root user has full access in its own account: identity, boundary and session policies do not apply to it.',
  'root-cross-account': 'The root user is allowed on its side; the resource side allows too.',
  'allow': 'Allowed: every policy type that applies allows the request.',
} as const;

/** A combine message id. */
export type CombineMessageId = keyof typeof COMBINE_MESSAGES;

/** A synthetic statement that stands for the root user's implicit full access (it has no policy). Its index is -1. */
export const ROOT_USER_REF: StatementRef = Object.freeze({ policyId: 'root-user', policyKind: 'identity', index: -1 });

/** Formats statement refs for messages: `policy#index (Sid)`. */
export function describeRefs(refs: readonly StatementRef[]): string {
  return refs.map((r) => `${r.policyId}#${r.index}${r.sid !== undefined ? ` (${r.sid})` : ''}`).join(', ');
}

/** Builds a combine event from a message id and its data. */
export function combineEvent(
  step: TraceStep,
  outcome: 'allow' | 'deny' | 'pass' | 'not-applicable',
  id: CombineMessageId,
  data: Readonly<Record<string, string | number>> = {},
): TraceEvent {
  const message = COMBINE_MESSAGES[id].replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
  return { kind: 'combine', step, outcome, message };
}

/** Builds a statement event. */
export function statementEvent(
  ref: StatementRef,
  effect: 'Allow' | 'Deny',
  parts: {
    readonly actionMatched: boolean;
    readonly resourceMatched: boolean;
    readonly principalMatched: boolean | null;
    readonly conditionsMatched: boolean | null;
    readonly conditions: readonly ConditionTrace[];
  },
): Extract<TraceEvent, { kind: 'statement' }> {
  const matched = parts.actionMatched && parts.resourceMatched && parts.principalMatched !== false && parts.conditionsMatched !== false;
  return { kind: 'statement', ref, effect, ...parts, matched };
}
