/**
 * The reference decision flow (sheet §1): explicit deny anywhere, RCP levels, SCP levels, the resource-policy rules
 * of §1.2, identity, boundary, session, the root user and the cross-account rule. Written for clarity, not speed.
 */
import type { AuthzRequest, Effect, PolicyKind } from '../../src/evaluator/types.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import { refContext } from './context.js';
import { evaluateStatement, statementsOf, variablesEnabled, type PrincipalGrant, type StatementEnv, type StatementOutcome } from './statement.js';

/** The reference answer: the effect and which policy type decided. */
export interface ReferenceDecision {
  readonly effect: Effect;
  readonly decidedBy: PolicyKind | 'root' | null;
}

/** The account that owns the resource: explicit, else the ARN's account field, else the caller's account. */
export function resourceAccountOf(request: AuthzRequest): string {
  if (request.resourceAccount !== undefined) return request.resourceAccount;
  const parts = request.resource.split(':');
  const fromArn = parts.length >= 6 ? parts[4]! : '';
  return fromArn !== '' ? fromArn : request.principal.accountId;
}

/** Session policies as a list (a single document or an array). */
function sessionDocs(set: RawPolicySet): unknown[] {
  if (set.session === undefined) return [];
  return Array.isArray(set.session) ? [...(set.session as unknown[])] : [set.session];
}

/** Evaluates a full request against a raw policy set and returns the effect with the deciding policy type. */
export function referenceDecide(request: AuthzRequest, set: RawPolicySet): ReferenceDecision {
  const p = request.principal;
  const ctx = refContext(request);
  const iamPrincipal = p.kind === 'root' || p.kind === 'user' || p.kind === 'role-session' || p.kind === 'federated-user';
  const isSession = p.kind === 'role-session' || p.kind === 'federated-user';
  const hasBoundary = set.boundary !== undefined && set.boundary !== null && p.kind !== 'root';
  const outcomes = (doc: unknown, kind: PolicyKind): StatementOutcome[] => {
    const env: StatementEnv = { kind, principal: p, action: request.action, resource: request.resource, ctx, variables: variablesEnabled(doc), hasBoundary };
    return statementsOf(doc).map((st) => evaluateStatement(st, env));
  };
  const allows = (list: readonly StatementOutcome[]): boolean => list.some((o) => o.matched && o.effect === 'Allow');
  const denies = (list: readonly StatementOutcome[]): boolean => list.some((o) => o.matched && o.effect === 'Deny');

  // Which policies apply to this caller (sheet §1.1, §1.3): root and non-IAM callers have no identity side.
  const identity = iamPrincipal && p.kind !== 'root' ? (set.identity ?? []).flatMap((d) => outcomes(d, 'identity')) : [];
  const boundary = hasBoundary && iamPrincipal ? outcomes(set.boundary, 'boundary') : null;
  const session = isSession && sessionDocs(set).length > 0 ? sessionDocs(set).flatMap((d) => outcomes(d, 'session')) : null;
  const resource = set.resource !== undefined && set.resource !== null ? outcomes(set.resource, 'resource') : null;
  const scpApplies = iamPrincipal && p.serviceLinkedRole !== true && (set.scp ?? []).length > 0;
  const scpLevels = scpApplies ? (set.scp ?? []).map((level) => level.flatMap((d) => outcomes(d, 'scp'))) : [];
  const rcpLevels = (set.rcp ?? []).map((level) => level.flatMap((d) => outcomes(d, 'rcp')));

  // 1. An explicit deny anywhere wins.
  const denyingKinds: [PolicyKind, StatementOutcome[] | null][] = [
    ['rcp', rcpLevels.flat()], ['scp', scpLevels.flat()], ['resource', resource], ['identity', identity], ['boundary', boundary], ['session', session],
  ];
  for (const [kind, list] of denyingKinds) if (list !== null && denies(list)) return { effect: 'ExplicitDeny', decidedBy: kind };

  // 2, 3. Every RCP level, then every SCP level, must allow.
  if (rcpLevels.some((level) => !allows(level))) return { effect: 'ImplicitDeny', decidedBy: 'rcp' };
  if (scpLevels.some((level) => !allows(level))) return { effect: 'ImplicitDeny', decidedBy: 'scp' };

  // 4. The resource policy: the strongest way a matching Allow names the caller.
  const rank = (g: PrincipalGrant | null): number => (g === 'exact' ? 3 : g === 'role' ? 2 : g === 'account' ? 1 : 0);
  const grant = (resource ?? []).filter((o) => o.matched && o.effect === 'Allow').reduce<PrincipalGrant | null>((best, o) => (rank(o.grant) > rank(best) ? o.grant : best), null);
  if (set.resourceMustAllow === true && grant === null) return { effect: 'ImplicitDeny', decidedBy: 'resource' };
  const crossAccount = !iamPrincipal || p.accountId !== resourceAccountOf(request);

  if (!iamPrincipal) {
    // Service principals and anonymous callers have no identity side: only the resource policy can grant.
    return grant === 'exact' ? { effect: 'Allow', decidedBy: 'resource' } : { effect: 'ImplicitDeny', decidedBy: null };
  }
  if (crossAccount) {
    // Both sides must allow; the resource side accepts any naming, including the account (sheet §1.1 cross-account).
    if (grant === null) return { effect: 'ImplicitDeny', decidedBy: p.kind === 'root' || allows(identity) ? 'resource' : null };
    if (p.kind === 'root') return { effect: 'Allow', decidedBy: 'root' };
    return principalSide(allows(identity), false, boundary, session, p.kind === 'federated-user', allows);
  }
  if (p.kind === 'root') return { effect: 'Allow', decidedBy: 'root' };
  if (grant === 'exact') return { effect: 'Allow', decidedBy: 'resource' };
  return principalSide(allows(identity), grant === 'role', boundary, session, p.kind === 'federated-user', allows);
}

/**
 * Steps 5–7: an identity Allow (or a resource policy naming the role or the session's owner), then the boundary, then
 * the session policy or its absence. decidedBy follows the Decision contract: null when nothing granted at all, the
 * failing gate otherwise; an Allow is the identity policy's, or the resource policy's when only it granted.
 */
function principalSide(
  identityAllows: boolean,
  roleGrant: boolean,
  boundary: readonly StatementOutcome[] | null,
  session: readonly StatementOutcome[] | null,
  federatedUser: boolean,
  allows: (list: readonly StatementOutcome[]) => boolean,
): ReferenceDecision {
  if (!identityAllows && !roleGrant) return { effect: 'ImplicitDeny', decidedBy: null };
  if (boundary !== null && !allows(boundary)) return { effect: 'ImplicitDeny', decidedBy: 'boundary' };
  if (session !== null && !allows(session)) return { effect: 'ImplicitDeny', decidedBy: 'session' };
  // A federated-user session without a session policy has no permissions of its own (sheet §1.1 step 7).
  if (session === null && federatedUser) return { effect: 'ImplicitDeny', decidedBy: 'session' };
  return { effect: 'Allow', decidedBy: identityAllows ? 'identity' : 'resource' };
}

/** The reference evaluator: the effect AWS would return for the request under the raw policy set. */
export function referenceEvaluate(request: AuthzRequest, set: RawPolicySet): Effect {
  return referenceDecide(request, set).effect;
}
