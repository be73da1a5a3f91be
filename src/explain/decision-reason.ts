/**
 * The one line a person wants first about a decision: the statements that decided it and the conditions that held
 * for them (the time, address or date that let it through or stopped it), or, for an implicit deny,
 * which policy type lacked an allow and the nearest miss, an Allow statement that covers the action, resource and
 * principal but whose condition was false, with the request's values against the policy's. The nearest miss needs
 * the decision's trace; without one the line names only the policy type.
 *
 *   Allow by identity: AcmePartnerDrop/PartnerDrop, since IpAddress aws:SourceIp 203.0.113.20 in 203.0.113.0/24 and …
 *   ImplicitDeny: AcmePartnerDrop/PartnerDrop would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24
 *   ImplicitDeny by boundary: no permissions boundary allows ec2:StopInstances
 */
import type { Decision, PolicyKind, StatementRef, TraceEvent } from '../evaluator/types.js';
import { formatCondition } from './condition-text.js';
import { NO_ALLOW_TEXT } from './policy-kind-text.js';
import { statementName } from './statement-name.js';

type StatementTrace = Extract<TraceEvent, { kind: 'statement' }>;

/** The first Allow statement of `kinds` that covers the request except for a false condition, if the trace has one. */
export function nearestMiss(d: Decision, kinds: readonly PolicyKind[]): StatementTrace | undefined {
  return d.trace.find((t): t is StatementTrace =>
    t.kind === 'statement' && t.effect === 'Allow' && kinds.includes(t.ref.policyKind)
    && t.actionMatched && t.resourceMatched && t.principalMatched !== false && t.conditionsMatched === false);
}

/** The trace of one statement of the decision, if it was traced. */
const traceOf = (d: Decision, r: StatementRef): StatementTrace | undefined =>
  d.trace.find((t): t is StatementTrace => t.kind === 'statement' && t.ref.policyId === r.policyId && t.ref.policyKind === r.policyKind && t.ref.index === r.index);

/** The one-line reason for `d`, a decision on `action`. */
export function decisionReason(d: Decision, action: string): string {
  const by = d.decidedBy;
  if (d.effect === 'Allow' && by === 'root') return 'Allow by root: the root user can do anything no SCP or RCP denies';
  if (d.determining.length > 0) {
    const held = d.determining.flatMap((r) => traceOf(d, r)?.conditions ?? []).map((c) => formatCondition(c, { verdict: false }));
    return `${d.effect} by ${d.decidedBy ?? 'policy'}: ${d.determining.map(statementName).join(', ')}${held.length > 0 ? `, since ${held.join(' and ')}` : ''}`;
  }
  if (d.effect !== 'ImplicitDeny') return d.effect;
  // With no policy type named, the identity and resource-based policies were the ones without an allow.
  // A role's trust policy is the resource-based policy of sts:AssumeRole.
  const kinds: readonly PolicyKind[] = by === null || by === 'root' ? ['identity', 'resource', 'trust'] : by === 'resource' || by === 'trust' ? ['resource', 'trust'] : [by];
  const near = nearestMiss(d, kinds);
  const head = by === null || by === 'root' ? d.effect : `${d.effect} by ${by}`;
  if (near !== undefined) {
    const failed = near.conditions.filter((c) => !c.matched).map((c) => formatCondition(c, { verdict: false }));
    return `${head}: ${statementName(near.ref)} would allow it, but ${failed.join(' and ')}`;
  }
  if (by === null || by === 'root') return `${head}: no statement allows it`;
  return `${head}: ${NO_ALLOW_TEXT[by]} allows ${action}`;
}
