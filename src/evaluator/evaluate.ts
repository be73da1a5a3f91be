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
  RequestContext,
  RequestPrincipal,
  StatementRef,
  TraceEvent,
} from './types.js';
import { matchAnyAction, prepareAction, type PreparedAction } from './match/action.js';
import { matchAnyResource, prepareResource, type PreparedResource } from './match/resource.js';
import { notPrincipalApplies, principalGrant, type PrincipalGrant } from './match/principal.js';
import { evaluateConditionBlock } from './conditions/index.js';
import { buildRequestContext } from './context.js';
import { combineEvent, describeRefs, ROOT_USER_REF, statementEvent, type TraceStep } from './trace.js';

/** Per-request state: prepared action and resource, the lazily built context, the trace and errors when any. */
interface RequestState {
  readonly principal: RequestPrincipal;
  readonly action: PreparedAction;
  readonly resource: PreparedResource;
  readonly rawContext: AuthzRequest['context'];
  ctx: RequestContext | null;
  readonly getCtx: () => RequestContext;
  /** The caller has a permissions boundary: NotPrincipal + Deny then always applies (sheet §2.3 surprise). */
  readonly hasBoundary: boolean;
  readonly trace: TraceEvent[] | null;
  errors: EvalError[] | null;
}

/** Matching statements of one policy category, found in one pass. Arrays are allocated only when something matches. */
interface Tally {
  denies: StatementRef[] | null;
  allows: StatementRef[] | null;
  /** For resource policies: the strongest grant of a matching Allow, and the refs per grant. */
  grant: PrincipalGrant;
  exactAllows: StatementRef[] | null;
  roleAllows: StatementRef[] | null;
}

const NO_REFS: readonly StatementRef[] = Object.freeze([]);
const NO_ERRORS: readonly EvalError[] = Object.freeze([]);
const NO_TRACE: readonly TraceEvent[] = Object.freeze([]);
const NO_POLICIES: readonly CompiledPolicy[] = Object.freeze([]);
const RANK: Readonly<Record<PrincipalGrant, number>> = { none: 0, account: 1, role: 2, owner: 2, exact: 3 };

function newTally(): Tally {
  return { denies: null, allows: null, grant: 'none', exactAllows: null, roleAllows: null };
}

function push(list: StatementRef[] | null, ref: StatementRef): StatementRef[] {
  if (list === null) return [ref];
  list.push(ref);
  return list;
}

/** Fast path: how the statement matches (its principal grant; 'exact' when it has no Principal), or 'none'. */
function matchStatement(st: CompiledStatement, s: RequestState): PrincipalGrant {
  if (matchAnyAction(st.actions, s.action) === st.notAction) return 'none';
  if (st.resources !== null && matchAnyResource(st.resources, s.resource, s.getCtx) === st.notResource) return 'none';
  let grant: PrincipalGrant = 'exact';
  if (st.principals !== null) {
    if (st.notPrincipal) {
      if (!(s.hasBoundary && st.effect === 'Deny') && !notPrincipalApplies(st.principals, s.principal)) return 'none';
    } else {
      grant = principalGrant(st.principals, s.principal);
      if (grant === 'none') return 'none';
    }
  }
  if (st.condition !== null && !evaluateConditionBlock(st.condition, s.getCtx(), null)) return 'none';
  return grant;
}

/** Traced path: evaluates every part (for --explain), records a statement event, returns the same as matchStatement. */
function matchStatementTraced(st: CompiledStatement, s: RequestState, trace: TraceEvent[]): PrincipalGrant {
  const actionMatched = matchAnyAction(st.actions, s.action) !== st.notAction;
  const resourceMatched = st.resources === null || matchAnyResource(st.resources, s.resource, s.getCtx) !== st.notResource;
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
  if (st.condition !== null) conditionsMatched = evaluateConditionBlock(st.condition, s.getCtx(), conditions);
  const event = statementEvent(st.ref, st.effect, { actionMatched, resourceMatched, principalMatched, conditionsMatched, conditions });
  trace.push(event);
  return event.kind === 'statement' && event.matched ? grant : 'none';
}

/** Evaluates every statement of the policies into the tally. A statement that throws is skipped and reported. */
function tallyPolicies(policies: readonly CompiledPolicy[], s: RequestState, t: Tally): void {
  for (let p = 0; p < policies.length; p++) {
    const statements = policies[p]!.statements;
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
        t.denies = push(t.denies, st.ref);
        continue;
      }
      t.allows = push(t.allows, st.ref);
      if (RANK[grant] > RANK[t.grant]) t.grant = grant;
      if (grant === 'exact') t.exactAllows = push(t.exactAllows, st.ref);
      else if (grant === 'role' || grant === 'owner') t.roleAllows = push(t.roleAllows, st.ref);
    }
  }
}

/** Tallies each level of an SCP/RCP hierarchy; returns the first level without an Allow, or -1. */
function tallyLevels(levels: readonly (readonly CompiledPolicy[])[], s: RequestState, denies: Tally): number {
  let missing = -1;
  for (let l = 0; l < levels.length; l++) {
    const t = newTally();
    tallyPolicies(levels[l]!, s, t);
    if (t.denies !== null) for (const r of t.denies) denies.denies = push(denies.denies, r);
    if (t.allows === null && missing < 0) missing = l;
  }
  return missing;
}

/** The account that owns the resource: explicit, else the ARN's account field, else the caller's account. */
export function resourceAccountOf(request: AuthzRequest): string {
  if (request.resourceAccount !== undefined) return request.resourceAccount;
  const segs = prepareResource(request.resource).segments;
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

function note(s: RequestState, step: TraceStep, outcome: 'allow' | 'deny' | 'pass' | 'not-applicable', id: Parameters<typeof combineEvent>[2], data?: Readonly<Record<string, string | number>>): void {
  if (s.trace !== null) s.trace.push(combineEvent(step, outcome, id, data));
}

/**
 * Decides one request against the policies that apply to it (sheet §1). `determining` is non-empty exactly when the
 * effect is not ImplicitDeny (invariant WHY): the matching Denies; or the Allows that granted (the identity, resource,
 * boundary and session statements on the path taken); for the root user's implicit full access, ROOT_USER_REF with
 * `decidedBy: 'root'`. An ImplicitDeny names the gate that failed ('rcp', 'scp', 'resource', 'boundary', 'session'),
 * or null when no policy granted at all. Statements that fail to evaluate are skipped and listed in `errors`.
 */
export function evaluate(request: AuthzRequest, policies: PolicySet, opts?: EvaluateOptions): Decision {
  const p = request.principal;
  const iamPrincipal = p.kind === 'root' || p.kind === 'user' || p.kind === 'role-session' || p.kind === 'federated-user';
  const isRoot = p.kind === 'root';
  const isSession = p.kind === 'role-session' || p.kind === 'federated-user';
  const identity = iamPrincipal && !isRoot ? policies.identity : NO_POLICIES;
  const boundary = iamPrincipal && !isRoot ? (policies.boundary ?? null) : null;
  const session = isSession && policies.session !== undefined && policies.session.length > 0 ? policies.session : null;
  const resource = policies.resource ?? null;
  const scp = iamPrincipal && p.serviceLinkedRole !== true && policies.scp !== undefined && policies.scp.length > 0 ? policies.scp : null;
  const rcp = policies.rcp !== undefined && policies.rcp.length > 0 ? policies.rcp : null;

  const s: RequestState = {
    principal: p,
    action: prepareAction(request.action),
    resource: prepareResource(request.resource),
    rawContext: request.context,
    ctx: null,
    getCtx: () => (s.ctx ??= buildRequestContext(request.context)),
    hasBoundary: boundary !== null,
    trace: opts?.trace === true ? [] : null,
    errors: null,
  };

  // One pass over every statement that applies, in the order Deny kinds are reported: rcp, scp, resource, identity, boundary, session.
  const denies: Tally = newTally();
  let firstDeny: PolicyKind | null = null;
  const markDenies = (kind: PolicyKind): void => {
    if (firstDeny === null && denies.denies !== null) firstDeny = kind;
  };
  const rcpMissing = rcp === null ? -1 : tallyLevels(rcp, s, denies);
  markDenies('rcp');
  const scpMissing = scp === null ? -1 : tallyLevels(scp, s, denies);
  markDenies('scp');
  const res = newTally();
  if (resource !== null) tallyPolicies([resource], s, res);
  const id = newTally();
  tallyPolicies(identity, s, id);
  const bnd = newTally();
  if (boundary !== null) tallyPolicies([boundary], s, bnd);
  const ses = newTally();
  if (session !== null) tallyPolicies(session, s, ses);
  for (const [kind, t] of [['resource', res], ['identity', id], ['boundary', bnd], ['session', ses]] as const) {
    if (t.denies !== null) {
      for (const r of t.denies) denies.denies = push(denies.denies, r);
      markDenies(kind);
    }
  }

  // 1. Explicit deny anywhere.
  if (denies.denies !== null) {
    note(s, 'explicit-deny', 'deny', 'deny-matched', { kind: firstDeny ?? 'identity', statements: describeRefs(denies.denies) });
    return decision('ExplicitDeny', firstDeny, denies.denies, s);
  }
  note(s, 'explicit-deny', 'pass', 'deny-none');

  // 2, 3. Every RCP level, then every SCP level, must allow.
  for (const [step, levels, missing] of [['rcp', rcp, rcpMissing], ['scp', scp, scpMissing]] as const) {
    if (levels === null) note(s, step, 'not-applicable', 'gate-none', { kind: step.toUpperCase() });
    else if (missing >= 0) {
      note(s, step, 'deny', 'gate-missing', { kind: step.toUpperCase(), level: missing });
      return decision('ImplicitDeny', step, NO_REFS, s);
    } else note(s, step, 'pass', 'gate-ok', { kind: step.toUpperCase() });
  }

  // 4. The resource-based policy.
  const grant = res.grant;
  if (resource === null) note(s, 'resource', 'not-applicable', 'resource-none');
  if (policies.resourceMustAllow === true && grant === 'none') {
    note(s, 'resource', 'deny', 'resource-must-allow');
    return decision('ImplicitDeny', 'resource', NO_REFS, s);
  }

  if (!iamPrincipal) {
    note(s, 'principal-kind', 'pass', 'principal-no-identity', { kind: p.kind });
    if (grant === 'exact') {
      note(s, 'resource', 'allow', 'resource-exact');
      return decision('Allow', 'resource', res.exactAllows ?? NO_REFS, s);
    }
    if (resource !== null) note(s, 'resource', 'deny', 'resource-no-allow');
    return decision('ImplicitDeny', null, NO_REFS, s);
  }

  const resourceAccount = resourceAccountOf(request);
  if (p.accountId !== resourceAccount) {
    // Cross-account: both sides must allow; the account principal counts as a grant on the resource side.
    note(s, 'cross-account', 'pass', 'cross-account', { from: p.accountId, to: resourceAccount });
    if (grant === 'none') {
      note(s, 'cross-account', 'deny', 'cross-account-resource-missing');
      return decision('ImplicitDeny', 'resource', NO_REFS, s);
    }
    note(s, 'cross-account', 'pass', 'cross-account-resource-ok');
    if (isRoot) {
      note(s, 'root', 'allow', 'root-cross-account');
      return decision('Allow', 'root', concat([ROOT_USER_REF], res.allows), s);
    }
    return principalSide(s, id.allows, null, boundary !== null, bnd.allows, session !== null, ses.allows, p.kind === 'federated-user', res.allows);
  }

  if (isRoot) {
    note(s, 'root', 'allow', 'root-allow');
    return decision('Allow', 'root', policies.resourceMustAllow === true ? concat([ROOT_USER_REF], res.allows) : [ROOT_USER_REF], s);
  }
  if (grant === 'exact') {
    note(s, 'resource', 'allow', 'resource-exact');
    return decision('Allow', 'resource', res.exactAllows ?? NO_REFS, s);
  }
  if (grant === 'role' || grant === 'owner') note(s, 'resource', 'pass', 'resource-role', { what: grant === 'role' ? 'role ARN' : 'IAM user (the owner of the federated session)' });
  else if (grant === 'account') note(s, 'resource', 'pass', 'resource-account');
  else if (resource !== null) note(s, 'resource', 'pass', 'resource-no-allow');
  const mustAllowRefs = policies.resourceMustAllow === true && grant === 'account' ? res.allows : null;
  return principalSide(s, id.allows, res.roleAllows, boundary !== null, bnd.allows, session !== null, ses.allows, p.kind === 'federated-user', mustAllowRefs);
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
  if (identityAllows !== null) note(s, 'identity', 'allow', 'identity-allow', { statements: describeRefs(identityAllows) });
  else if (roleAllows !== null) note(s, 'identity', 'pass', 'identity-by-resource');
  else {
    note(s, 'identity', 'deny', 'identity-none');
    return decision('ImplicitDeny', null, NO_REFS, s);
  }
  if (!hasBoundary) note(s, 'boundary', 'not-applicable', 'boundary-none');
  else if (boundaryAllows === null) {
    note(s, 'boundary', 'deny', 'boundary-missing');
    return decision('ImplicitDeny', 'boundary', NO_REFS, s);
  } else note(s, 'boundary', 'pass', 'boundary-allow', { statements: describeRefs(boundaryAllows) });
  if (hasSession) {
    if (sessionAllows === null) {
      note(s, 'session', 'deny', 'session-missing');
      return decision('ImplicitDeny', 'session', NO_REFS, s);
    }
    note(s, 'session', 'pass', 'session-allow', { statements: describeRefs(sessionAllows) });
  } else if (federatedUser) {
    note(s, 'session', 'deny', 'session-federated');
    return decision('ImplicitDeny', 'session', NO_REFS, s);
  } else note(s, 'session', 'not-applicable', 'session-none');
  note(s, 'identity', 'allow', 'allow');
  const determining = concat(identityAllows, roleAllows, boundaryAllows, sessionAllows, resourceSide);
  return decision('Allow', identityAllows !== null ? 'identity' : 'resource', determining, s);
}
