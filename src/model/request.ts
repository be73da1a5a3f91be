/**
 * Requests with side effects: "this principal, with this credential, calls this action on this resource, from this
 * IP, at this time". The credential is checked first (unknown or inactive keys, expired sessions and missing console
 * passwords are refused the way AWS refuses them, before any policy is evaluated); then the request context is built,
 * every applicable policy gathered and evaluated, and the new account carries what AWS would have recorded:
 * the CloudTrail event, access-key / password / role last-used, and Access Advisor's service-last-accessed data.
 *
 * Structural sharing: the new account is a shallow copy whose `usage` maps and `activity` list are persistent
 * (immutable.js) updates, so users, groups, roles, policies, resources … are the very same objects (===) as before.
 */
import { Map as IMap } from 'immutable';
import { evaluate } from '../evaluator/evaluate.js';
import type { AuthzRequest, Decision, StatementRef } from '../evaluator/types.js';
import { serviceOf } from './action-catalog.js';
import {
  apiCallEvent, defaultUserAgent, deniedErrorCode, denialMessage, eventRegion, userIdentityOf, userIdentityOfRoot,
  userIdentityOfSession, userIdentityOfUser,
} from './cloudtrail-event.js';
import { policySetFor, type SkippedPolicy } from './compile-policy-set.js';
import { gatherPolicies, type GatheredPolicies } from './policies-for.js';
import { authzRequest, isRejection, REJECTIONS, resolveCaller, type Call, type Caller, type Rejection } from './request-context.js';
import { ROOT, type Account, type CloudTrailEvent, type Instant, type ServiceLastAccessed, type Usage } from './types.js';

/** What happened to a request. */
export type RequestOutcomeKind = 'allowed' | 'denied' | 'rejected';

/** The result of request(): the decision, the new account, and the event it logged (null when AWS logs nothing). */
export interface RequestOutcome {
  readonly outcome: RequestOutcomeKind;
  /** For a rejected credential: ImplicitDeny, decided by nothing (no policy was evaluated). */
  readonly decision: Decision;
  readonly account: Account;
  readonly event: CloudTrailEvent | null;
  /** The request as evaluated (principal and context); null when the credential was rejected. */
  readonly request: AuthzRequest | null;
  readonly rejection: Rejection | null;
  /** Policies that applied but failed to compile (left out of the evaluation). */
  readonly skipped: readonly SkippedPolicy[];
}

/** Options for request(). */
export interface RequestOptions {
  /** Ask the evaluator for a trace. */
  readonly trace?: boolean;
}

/** The decision reported for a credential AWS refuses before evaluating any policy. */
export const REJECTED: Decision = Object.freeze({ effect: 'ImplicitDeny', decidedBy: null, determining: [], errors: [], trace: [] });

/** Services whose actions Access Advisor tracks one by one (TrackedActionsLastAccessed). */
const TRACKED_ACTION_SERVICES: ReadonlySet<string> = new Set(['s3', 'iam', 'ec2', 'lambda']);

/** Appends one event, taking the next sequence number. */
function withEvent(account: Account, event: CloudTrailEvent, usage: Usage = account.usage): Account {
  return { ...account, seq: account.seq + 1, activity: account.activity.push(event), usage };
}

function rejectionIdentity(account: Account, r: Rejection): CloudTrailEvent['userIdentity'] | null {
  const c = r.claimed;
  if (c === undefined) return null;
  if (c.user !== undefined) return userIdentityOfUser(account, c.user, c.accessKeyId ?? null, null);
  if (c.root === true) return userIdentityOfRoot(account, c.accessKeyId ?? null, null);
  if (c.session !== undefined && c.role !== undefined) return userIdentityOfSession(account, c.session, c.role, null);
  return null;
}

function rejected(account: Account, call: Call, r: Rejection): RequestOutcome {
  const info = REJECTIONS[r.code];
  const identity = info.logged ? rejectionIdentity(account, r) : null;
  if (identity === null) return { outcome: 'rejected', decision: REJECTED, account, event: null, request: null, rejection: r, skipped: [] };
  const event = apiCallEvent(account, account.seq + 1, identity, call, defaultUserAgent(null), { code: info.errorCode, message: info.errorMessage });
  return { outcome: 'rejected', decision: REJECTED, account: withEvent(account, event), event, request: null, rejection: r, skipped: [] };
}

/** Action-level last access: the action's time moves forward only. */
function trackAction(prev: Readonly<Record<string, Instant>> | undefined, actionName: string, at: Instant): Readonly<Record<string, Instant>> {
  const was = prev?.[actionName];
  if (prev !== undefined && was !== undefined && was >= at) return prev;
  return { ...(prev ?? {}), [actionName]: at };
}

/** One Access Advisor record, touched at `at` by `entity`; `firstForEntity` counts a new authenticated entity (groups). */
function touchRecord(
  prev: ServiceLastAccessed | undefined,
  service: string,
  at: Instant,
  entity: string,
  region: string,
  actionName: string,
  countAsNew: boolean,
): ServiceLastAccessed {
  const isTracked = TRACKED_ACTION_SERVICES.has(service);
  if (prev !== undefined && prev.LastAuthenticated > at) {
    const tracked = isTracked ? { TrackedActionsLastAccessed: trackAction(prev.TrackedActionsLastAccessed, actionName, at) } : {};
    return { ...prev, ...tracked, TotalAuthenticatedEntities: prev.TotalAuthenticatedEntities + (countAsNew ? 1 : 0) };
  }
  const total = (prev?.TotalAuthenticatedEntities ?? 0) + (countAsNew || prev === undefined ? 1 : 0);
  // Two literals rather than a spread of an optional part: the same fields in the same order, without the copy.
  return isTracked
    ? {
        ServiceNamespace: service,
        LastAuthenticated: at,
        LastAuthenticatedEntity: entity,
        LastAuthenticatedRegion: region,
        TotalAuthenticatedEntities: total,
        TrackedActionsLastAccessed: trackAction(prev?.TrackedActionsLastAccessed, actionName, at),
      }
    : { ServiceNamespace: service, LastAuthenticated: at, LastAuthenticatedEntity: entity, LastAuthenticatedRegion: region, TotalAuthenticatedEntities: total };
}

/**
 * The usage updates a request leaves: key last used (long-term keys only), password last used (a console request
 * implies a sign-in at `signedInAt`), role last used, and Access Advisor for the user (and its groups) or the role.
 * Access Advisor records every authenticated attempt, denied ones included [IAM GenerateServiceLastAccessedDetails:
 * "includes all attempts to access an AWS API, not just the successful ones"].
 */
export function recordUsage(account: Account, caller: Caller, call: Call): Usage {
  const usage = account.usage;
  const service = serviceOf(call.action);
  const region = eventRegion(call.action, call.region);
  const at = call.at;
  const actionName = call.action.slice(call.action.indexOf(':') + 1);
  let { accessKeys, passwords, roles, services } = usage;
  switch (caller.kind) {
    case 'user': {
      if (caller.accessKeyId !== null) accessKeys = accessKeys.set(caller.accessKeyId, { date: at, service, region });
      if (caller.via === 'console') {
        const prev = passwords.get(caller.user.name);
        if (prev === undefined || prev < caller.signedInAt) passwords = passwords.set(caller.user.name, caller.signedInAt);
      }
      const userArn = caller.user.arn;
      const own = services.get(userArn);
      const firstForUser = own?.get(service) === undefined;
      const groups = caller.user.groups;
      if (groups.length === 0) {
        services = touch(services, own, userArn, service, at, userArn, region, actionName, false);
        break;
      }
      // The user and its groups in one batch: the outer map's shared path is copied once, not once per entity.
      services = services.withMutations((m) => {
        touch(m, own, userArn, service, at, userArn, region, actionName, false);
        for (const g of groups) {
          const group = Object.hasOwn(account.groups, g) ? account.groups[g] : undefined;
          if (group !== undefined) touch(m, m.get(group.arn), group.arn, service, at, userArn, region, actionName, firstForUser);
        }
      });
      break;
    }
    case 'root': {
      if (caller.accessKeyId !== null) accessKeys = accessKeys.set(caller.accessKeyId, { date: at, service, region });
      if (caller.via === 'console') {
        const prev = passwords.get(ROOT);
        if (prev === undefined || prev < caller.signedInAt) passwords = passwords.set(ROOT, caller.signedInAt);
      }
      break;
    }
    case 'session': {
      const prev = roles.get(caller.role.name);
      if (prev === undefined || prev.date <= at) {
        if (prev === undefined || prev.date !== at || prev.region !== region) roles = roles.set(caller.role.name, { date: at, region });
      }
      services = touch(services, services.get(caller.role.arn), caller.role.arn, service, at, caller.role.arn, region, actionName, false);
      break;
    }
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
  return accessKeys === usage.accessKeys && passwords === usage.passwords && roles === usage.roles && services === usage.services
    ? usage
    : { accessKeys, passwords, roles, services };
}

type ServiceUsage = Usage['services'];

/**
 * Touches the Access Advisor record of `service` for the principal `arn` (whose per-service map is `perPrincipal`,
 * already looked up), in `services` or, inside withMutations, in place. Returns the updated map.
 */
function touch(
  services: ServiceUsage, perPrincipal: ReturnType<ServiceUsage['get']>, arn: string, service: string, at: Instant, entity: string,
  region: string, actionName: string, countAsNew: boolean,
): ServiceUsage {
  const prev = perPrincipal?.get(service);
  const next = touchRecord(prev, service, at, entity, region, actionName, countAsNew);
  return services.set(arn, (perPrincipal ?? IMap<string, ServiceLastAccessed>()).set(service, next));
}

/** Gathers the policies for a resolved caller and a call (exported for queries and benchmarks). */
export function policiesForCall(account: Account, caller: Caller, call: Call): GatheredPolicies {
  return gatherPolicies(account, caller, call.action, call.resource, call.resourceAccount);
}

/** A call evaluated for a resolved caller: the request, the compiled policies' skips and the decision. */
export interface EvaluatedCall {
  readonly request: AuthzRequest;
  readonly decision: Decision;
  readonly skipped: readonly SkippedPolicy[];
}

/** The statement reference reported for actions that need no permission. */
export const NO_PERMISSION_REQUIRED_REF: StatementRef = Object.freeze({ policyId: 'aws:no-permission-required', policyKind: 'identity', index: -1 });

/**
 * Actions AWS authorizes without consulting any policy: "No permissions are required to perform this operation …
 * you can still perform this operation" even with an explicit deny [STS API reference, GetCallerIdentity].
 */
const NO_PERMISSION_REQUIRED: ReadonlySet<string> = new Set(['sts:getcalleridentity']);

/** Evaluates a call for an already resolved caller, without side effects. */
export function evaluateCall(account: Account, caller: Caller, call: Call, opts: RequestOptions = {}): EvaluatedCall {
  const req = authzRequest(account, caller, call);
  if (NO_PERMISSION_REQUIRED.has(call.action.toLowerCase())) {
    const decision: Decision = { effect: 'Allow', decidedBy: null, determining: [NO_PERMISSION_REQUIRED_REF], errors: [], trace: [] };
    return { request: req, decision, skipped: [] };
  }
  const { set, skipped } = policySetFor(account, caller, call.action, call.resource, call.resourceAccount);
  return { request: req, decision: evaluate(req, set, { trace: opts.trace === true }), skipped };
}

/** The error a denied call logs (AccessDenied and AWS's message), or null when it was allowed. */
export function denialError(e: EvaluatedCall, call: Call): { readonly code: string; readonly message: string } | null {
  return e.decision.effect === 'Allow'
    ? null
    : { code: deniedErrorCode(call.action), message: denialMessage(e.request.principal.arn, call.action, call.resource, e.decision) };
}

/** Logs an event (taking the next sequence number) and records the caller's usage: the side effects of one call. */
export function commitCall(account: Account, caller: Caller, call: Call, event: CloudTrailEvent): Account {
  return withEvent(account, event, recordUsage(account, caller, call));
}

/** Refuses a call whose credential AWS does not accept, logging it where AWS would (exported for assume-role). */
export const rejectCall = rejected;

/**
 * Makes one call against the account and returns the decision with the new account. Pure: the input account is
 * untouched, and the output shares every configuration record with it.
 */
export function request(account: Account, call: Call, opts: RequestOptions = {}): RequestOutcome {
  const resolved = resolveCaller(account, call.principal, call.at);
  if (isRejection(resolved)) return rejected(account, call, resolved);
  const e = evaluateCall(account, resolved, call, opts);
  const event = apiCallEvent(account, account.seq + 1, userIdentityOf(account, resolved), call, defaultUserAgent(resolved), denialError(e, call));
  const outcome = e.decision.effect === 'Allow' ? 'allowed' : 'denied';
  return { outcome, decision: e.decision, account: commitCall(account, resolved, call, event), event, request: e.request, rejection: null, skipped: e.skipped };
}
