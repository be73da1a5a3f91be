/**
 * The decision flow (sheet §1.1): explicit deny anywhere → RCP levels → SCP levels → resource-based policy (§1.2) →
 * identity → permissions boundary → session policies, with the root user (§1.3) and the cross-account rule. Pure: the
 * request, the compiled policies and the options in, a Decision out. With tracing off it does no trace work at all.
 */
import type {
  AuthzRequest,
  CompiledPolicy,
  CompiledStatement,
  ConditionTrace,
  Decision,
  EvalError,
  EvaluateOptions,
  PolicyKind,
  PolicySet,
  RequestPrincipal,
  StatementRef,
  TraceEvent,
} from './types.js';
import { matchActionList, prepareAction, type PreparedAction } from './match/action.js';
import { matchAnyResource, prepareResource, type ContextSource, type PreparedResource } from './match/resource.js';
import { notPrincipalApplies, principalGrant, type PrincipalGrant } from './match/principal.js';
import { evaluateConditionBlock } from './conditions/index.js';
import { contextView, type ContextReader } from './context.js';
import { combineEvent, describeRefs, ROOT_USER_REF, statementEvent, type CombineMessageId, type TraceStep } from './trace.js';

/**
 * Per-request state: prepared action and resource, the lazily built context, the matches found so far, the trace and
 * errors when any. One object per request; the match fields are filled by scan().
 */
interface RequestState extends ContextSource {
  readonly principal: RequestPrincipal;
  readonly action: PreparedAction;
  readonly resource: PreparedResource;
  readonly rawContext: AuthzRequest['context'];
  ctx: ContextReader | null;
  /** The caller has a permissions boundary: NotPrincipal + Deny then always applies (sheet §2.3 surprise). */
  readonly hasBoundary: boolean;
  readonly trace: TraceEvent[] | null;
  errors: EvalError[] | null;
  /** Every matching Deny, and the kind of the first one in reporting order (rcp, scp, resource, identity, boundary, session). */
  denies: StatementRef[] | null;
  firstDeny: PolicyKind | null;
  /** The resource policy: the strongest grant of a matching Allow, and the refs of the exact and role/owner grants. */
  grant: PrincipalGrant;
  exactAllows: StatementRef[] | null;
  roleAllows: StatementRef[] | null;
}

const NO_REFS: readonly StatementRef[] = Object.freeze([]);
const NO_ERRORS: readonly EvalError[] = Object.freeze([]);
const NO_TRACE: readonly TraceEvent[] = Object.freeze([]);
const NO_POLICIES: readonly CompiledPolicy[] = Object.freeze([]);
const RANK: Readonly<Record<PrincipalGrant, number>> = { none: 0, account: 1, role: 2, owner: 2, exact: 3 };

/** The context of a RequestState, built on first use (shared method: no closure per request). */
function stateContext(this: RequestState): ContextReader {
  return (this.ctx ??= contextView(this.rawContext));
}

function push(list: StatementRef[] | null, ref: StatementRef): StatementRef[] {
  if (list === null) return [ref];
  list.push(ref);
  return list;
}

/** Fast path: how the statement matches (its principal grant; 'exact' when it has no Principal), or 'none'. */
function matchStatement(st: CompiledStatement, s: RequestState): PrincipalGrant {
  if (matchActionList(st.actions, st.actionIndex, s.action) === st.notAction) return 'none';
  if (st.resources !== null && matchAnyResource(st.resources, s.resource, s) === st.notResource) return 'none';
  let grant: PrincipalGrant = 'exact';
  if (st.principals !== null) {
    if (st.notPrincipal) {
      if (!(s.hasBoundary && st.effect === 'Deny') && !notPrincipalApplies(st.principals, s.principal)) return 'none';
    } else {
      grant = principalGrant(st.principals, s.principal);
      if (grant === 'none') return 'none';
    }
  }
  if (st.condition !== null && !evaluateConditionBlock(st.condition, s.context(), null)) return 'none';
  return grant;
}

/** Traced path: evaluates every part (for --explain), records a statement event, returns the same as matchStatement. */
function matchStatementTraced(st: CompiledStatement, s: RequestState, trace: TraceEvent[]): PrincipalGrant {
  const actionMatched = matchActionList(st.actions, st.actionIndex, s.action) !== st.notAction;
  const resourceMatched = st.resources === null || matchAnyResource(st.resources, s.resource, s) !== st.notResource;
  let grant: PrincipalGrant = 'exact';
  let principalMatched: boolean | null = null;
  if (st.principals !== null) {
    if (st.notPrincipal) {
      principalMatched = (s.hasBoundary && st.effect === 'Deny') || notPrincipalApplies(st.principals, s.principal);
    } else {
      grant = principalGrant(st.principals, s.principal);
      principalMatched = grant !== 'none';
    }
  }
  let conditionsMatched: boolean | null = null;
  const conditions: ConditionTrace[] = [];
  if (st.condition !== null) conditionsMatched = evaluateConditionBlock(st.condition, s.context(), conditions);
  const event = statementEvent(st.ref, st.effect, { actionMatched, resourceMatched, principalMatched, conditionsMatched, conditions });
  trace.push(event);
  return event.matched ? grant : 'none';
}

/**
 * Evaluates every statement of the policies once. Denies go to `s.denies`; the matching Allows are returned (null when
 * none); for the resource policy the grants are recorded in `s`. A statement that throws is skipped and reported.
 */
function scan(policies: readonly CompiledPolicy[], kind: PolicyKind, s: RequestState): StatementRef[] | null {
  let allows: StatementRef[] | null = null;
  const service = s.action.service;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p]!;
    // Without a trace only the statements that can match the action's service are visited; a trace shows them all.
    // Stryker disable next-line ConditionalExpression: skipping the service index visits every statement and decides the same (the opposite mutant, which the trace tests kill, shares the line).
    const index = s.trace === null ? policy.index : undefined;
    // Stryker disable next-line ConditionalExpression: without the index, or with index.other for an action without a service (byService has no null key), the decision is the same; the opposite mutants are killed.
    const statements = index === undefined ? policy.statements : service === null ? index.other : (index.byService.get(service) ?? index.other);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      let grant: PrincipalGrant;
      try {
        grant = s.trace === null ? matchStatement(st, s) : matchStatementTraced(st, s, s.trace);
      } catch (e) {
        (s.errors ??= []).push({ code: 'statement-failed', message: `Statement skipped: ${e instanceof Error ? e.message : String(e)}`, statement: st.ref });
        continue;
      }
      if (grant === 'none') continue;
      if (st.effect === 'Deny') {
        s.denies = push(s.denies, st.ref);
        if (s.firstDeny === null) s.firstDeny = kind;
        continue;
      }
      allows = push(allows, st.ref);
      if (kind === 'resource') {
        // Stryker disable next-line EqualityOperator: the only equal-rank grants are 'role' and 'owner', which never occur in one request (role sessions vs federated users).
        if (RANK[grant] > RANK[s.grant]) s.grant = grant;
        if (grant === 'exact') s.exactAllows = push(s.exactAllows, st.ref);
        else if (grant === 'role' || grant === 'owner') s.roleAllows = push(s.roleAllows, st.ref);
      }
    }
  }
  return allows;
}

/** Scans each level of an SCP/RCP hierarchy; returns the first level (0 = organization root) without an Allow, or -1. */
function scanLevels(levels: readonly (readonly CompiledPolicy[])[], kind: PolicyKind, s: RequestState): number {
  let missing = -1;
  for (let l = 0; l < levels.length; l++) {
    if (scan(levels[l]!, kind, s) === null && missing < 0) missing = l;
  }
  return missing;
}

/** Why a request (from untyped JSON, say) cannot be evaluated, or null when it is well-formed. */
function requestProblem(request: AuthzRequest): string | null {
  if (request === null || typeof request !== 'object') return 'The request must be an object.';
  const p = request.principal as RequestPrincipal | undefined;
  if (p === null || typeof p !== 'object') return 'The request has no principal.';
  if (typeof p.arn !== 'string' || typeof p.accountId !== 'string') return 'The principal needs an arn and an accountId (strings).';
  if (typeof request.action !== 'string') return 'The request action must be a string such as "s3:GetObject".';
  if (typeof request.resource !== 'string') return 'The request resource must be an ARN or "*".';
  if (request.context === null || typeof request.context !== 'object') return 'The request context must be an object of strings or string arrays.';
  return null;
}

/** The account that owns the resource: explicit, else the ARN's account field, else the caller's account. */
export function resourceAccountOf(request: AuthzRequest, prepared?: PreparedResource): string {
  if (request.resourceAccount !== undefined) return request.resourceAccount;
  const segs = (prepared ?? prepareResource(request.resource)).segments;
  const fromArn = segs === null ? '' : segs[4]!;
  return fromArn !== '' ? fromArn : request.principal.accountId;
}

function decision(
  effect: Decision['effect'],
  decidedBy: Decision['decidedBy'],
  determining: readonly StatementRef[],
  s: RequestState,
): Decision {
  return { effect, decidedBy, determining, errors: s.errors ?? NO_ERRORS, trace: s.trace ?? NO_TRACE };
}

function concat(...lists: (readonly StatementRef[] | null)[]): StatementRef[] {
  const out: StatementRef[] = [];
  for (const l of lists) if (l !== null) for (const r of l) out.push(r);
  return out;
}

/** Records a combine event when tracing; `refs`, when given, fill the message's {{statements}} (formatted only when tracing). */
function note(
  s: RequestState,
  step: TraceStep,
  outcome: 'allow' | 'deny' | 'pass' | 'not-applicable',
  id: CombineMessageId,
  data?: Readonly<Record<string, string | number>>,
  refs?: readonly StatementRef[],
): void {
  if (s.trace !== null) s.trace.push(combineEvent(step, outcome, id, refs === undefined ? data : { ...data, statements: describeRefs(refs) }));
}

/**
 * Decides one request against the policies that apply to it (sheet §1). `determining` is non-empty exactly when the
 * effect is not ImplicitDeny (invariant WHY): the matching Denies; or the Allows that granted (the identity, resource,
 * boundary and session statements on the path taken); for the root user's implicit full access, ROOT_USER_REF with
 * `decidedBy: 'root'`. An ImplicitDeny names the gate that failed ('rcp', 'scp', 'resource', 'boundary', 'session'),
 * or null when no policy granted at all. Statements that fail to evaluate are skipped and listed in `errors`.
 * Root and non-IAM callers (services, anonymous) have no identity side; SCPs skip service-linked roles.
 */
export function evaluate(request: AuthzRequest, policies: PolicySet, opts?: EvaluateOptions): Decision {
  const invalid = requestProblem(request);
  if (invalid !== null) {
    return { effect: 'ImplicitDeny', decidedBy: null, determining: NO_REFS, errors: [{ code: 'invalid-request', message: invalid }], trace: NO_TRACE };
  }
  const p = request.principal;
  const kind = p.kind;
  const isRoot = kind === 'root';
  const isSession = kind === 'role-session' || kind === 'federated-user';
  const iamPrincipal = isRoot || isSession || kind === 'user';
  const identity = iamPrincipal && !isRoot ? (policies.identity ?? NO_POLICIES) : NO_POLICIES;
  const boundary = iamPrincipal && !isRoot ? (policies.boundary ?? null) : null;
  const session = isSession && policies.session !== undefined && policies.session.length > 0 ? policies.session : null;
  const resource = policies.resource ?? null;
  const scp = iamPrincipal && p.serviceLinkedRole !== true && policies.scp !== undefined && policies.scp.length > 0 ? policies.scp : null;
  const rcp = policies.rcp !== undefined && policies.rcp.length > 0 ? policies.rcp : null;
  const mustAllow = policies.resourceMustAllow === true;

  const s: RequestState = {
    principal: p,
    action: prepareAction(request.action),
    resource: prepareResource(request.resource),
    rawContext: request.context,
    ctx: null,
    context: stateContext,
    hasBoundary: boundary !== null,
    trace: opts?.trace === true ? [] : null,
    errors: null,
    denies: null,
    firstDeny: null,
    grant: 'none',
    exactAllows: null,
    roleAllows: null,
  };

  // One pass over every statement that applies, in the order Deny kinds are reported.
  // Stryker disable next-line UnaryOperator: rcpMissing is read only when rcp is not null.
  const rcpMissing = rcp === null ? -1 : scanLevels(rcp, 'rcp', s);
  // Stryker disable next-line UnaryOperator: scpMissing is read only when scp is not null.
  const scpMissing = scp === null ? -1 : scanLevels(scp, 'scp', s);
  // A role trust policy is scanned as the resource policy it stands for: its Denies are reported as 'resource' ones.
  const resourceAllows = resource === null ? null : scan([resource], 'resource', s);
  const identityAllows = scan(identity, 'identity', s);
  const boundaryAllows = boundary === null ? null : scan([boundary], 'boundary', s);
  const sessionAllows = session === null ? null : scan(session, 'session', s);

  // 1. Explicit deny anywhere.
  if (s.denies !== null) {
    // firstDeny is set with the first Deny.
    const by = s.firstDeny!;
    note(s, 'explicit-deny', 'deny', 'deny-matched', { kind: by }, s.denies);
    return decision('ExplicitDeny', by, s.denies, s);
  }
  note(s, 'explicit-deny', 'pass', 'deny-none');

  // 2, 3. Every RCP level, then every SCP level, must allow.
  if (rcp === null) note(s, 'rcp', 'not-applicable', 'gate-none', { kind: 'RCP' });
  else if (rcpMissing >= 0) {
    note(s, 'rcp', 'deny', 'gate-missing', { kind: 'RCP', level: rcpMissing });
    return decision('ImplicitDeny', 'rcp', NO_REFS, s);
  } else note(s, 'rcp', 'pass', 'gate-ok', { kind: 'RCP' });
  if (scp === null) note(s, 'scp', 'not-applicable', 'gate-none', { kind: 'SCP' });
  else if (scpMissing >= 0) {
    note(s, 'scp', 'deny', 'gate-missing', { kind: 'SCP', level: scpMissing });
    return decision('ImplicitDeny', 'scp', NO_REFS, s);
  } else note(s, 'scp', 'pass', 'gate-ok', { kind: 'SCP' });

  // 4. The resource-based policy.
  const grant = s.grant;
  if (resource === null) note(s, 'resource', 'not-applicable', 'resource-none');
  if (mustAllow && grant === 'none') {
    note(s, 'resource', 'deny', 'resource-must-allow');
    return decision('ImplicitDeny', 'resource', NO_REFS, s);
  }

  if (!iamPrincipal) {
    note(s, 'principal-kind', 'pass', 'principal-no-identity', { kind });
    if (grant === 'exact') {
      note(s, 'resource', 'allow', 'resource-exact');
      return decision('Allow', 'resource', s.exactAllows ?? NO_REFS, s);
    }
    if (resource !== null) note(s, 'resource', 'deny', 'resource-no-allow');
    return decision('ImplicitDeny', null, NO_REFS, s);
  }

  const resourceAccount = resourceAccountOf(request, s.resource);
  if (p.accountId !== resourceAccount) {
    // Cross-account: both sides must allow; the account principal counts as a grant on the resource side.
    note(s, 'cross-account', 'pass', 'cross-account', { from: p.accountId, to: resourceAccount });
    if (grant === 'none') {
      note(s, 'cross-account', 'deny', 'cross-account-resource-missing');
      return decision('ImplicitDeny', identityAllows !== null || isRoot ? 'resource' : null, NO_REFS, s);
    }
    note(s, 'cross-account', 'pass', 'cross-account-resource-ok');
    if (isRoot) {
      note(s, 'root', 'allow', 'root-cross-account');
      return decision('Allow', 'root', concat([ROOT_USER_REF], resourceAllows), s);
    }
    return principalSide(s, identityAllows, null, boundary !== null, boundaryAllows, session !== null, sessionAllows, kind === 'federated-user', resourceAllows);
  }

  if (isRoot) {
    note(s, 'root', 'allow', 'root-allow');
    return decision('Allow', 'root', mustAllow ? concat([ROOT_USER_REF], resourceAllows) : [ROOT_USER_REF], s);
  }
  if (grant === 'exact') {
    note(s, 'resource', 'allow', 'resource-exact');
    return decision('Allow', 'resource', s.exactAllows ?? NO_REFS, s);
  }
  if (grant === 'role' || grant === 'owner') note(s, 'resource', 'pass', 'resource-role', { what: grant === 'role' ? 'role ARN' : 'IAM user (the owner of the federated session)' });
  else if (grant === 'account') note(s, 'resource', 'pass', 'resource-account');
  else if (resource !== null) note(s, 'resource', 'pass', 'resource-no-allow');
  const mustAllowRefs = mustAllow && grant === 'account' ? resourceAllows : null;
  return principalSide(s, identityAllows, s.roleAllows, boundary !== null, boundaryAllows, session !== null, sessionAllows, kind === 'federated-user', mustAllowRefs);
}

/** Steps 5–7: an identity Allow (or a role/owner grant), then the boundary, then the session policies or their absence. */
function principalSide(
  s: RequestState,
  identityAllows: readonly StatementRef[] | null,
  roleAllows: readonly StatementRef[] | null,
  hasBoundary: boolean,
  boundaryAllows: readonly StatementRef[] | null,
  hasSession: boolean,
  sessionAllows: readonly StatementRef[] | null,
  federatedUser: boolean,
  resourceSide: readonly StatementRef[] | null,
): Decision {
  if (identityAllows !== null) note(s, 'identity', 'allow', 'identity-allow', undefined, identityAllows);
  else if (roleAllows !== null) note(s, 'identity', 'pass', 'identity-by-resource');
  else {
    note(s, 'identity', 'deny', 'identity-none');
    return decision('ImplicitDeny', null, NO_REFS, s);
  }
  if (!hasBoundary) note(s, 'boundary', 'not-applicable', 'boundary-none');
  else if (boundaryAllows === null) {
    note(s, 'boundary', 'deny', 'boundary-missing');
    return decision('ImplicitDeny', 'boundary', NO_REFS, s);
  } else note(s, 'boundary', 'pass', 'boundary-allow', undefined, boundaryAllows);
  if (hasSession) {
    if (sessionAllows === null) {
      note(s, 'session', 'deny', 'session-missing');
      return decision('ImplicitDeny', 'session', NO_REFS, s);
    }
    note(s, 'session', 'pass', 'session-allow', undefined, sessionAllows);
  } else if (federatedUser) {
    note(s, 'session', 'deny', 'session-federated');
    return decision('ImplicitDeny', 'session', NO_REFS, s);
  } else note(s, 'session', 'not-applicable', 'session-none');
  note(s, 'decision', 'allow', 'allow');
  // With no other Allows the identity Allows decided alone (they are not null: without them roleAllows is not null).
  const others = roleAllows ?? boundaryAllows ?? sessionAllows ?? resourceSide;
  // Stryker disable next-line ConditionalExpression: a fast path; concat of the identity Allows alone is an equal copy of them.
  const determining = others === null ? identityAllows! : concat(identityAllows, roleAllows, boundaryAllows, sessionAllows, resourceSide);
  return decision('Allow', identityAllows !== null ? 'identity' : 'resource', determining, s);
}
