/**
 * CloudTrail records for requests, sign-ins and role assumptions, with AWS's own field names
 * (CloudTrail userIdentity element; ConsoleLogin events). Event ids are derived from `account.seq`, so replaying the
 * same calls gives the same log.
 */
import type { Decision, PolicyKind } from '../evaluator/types.js';
import { boundedMemo } from '../bounded-memo.js';
import { NO_ALLOW_TEXT, POLICY_TYPE_TEXT } from '../explain/policy-kind-text.js';
import { serviceOf } from './action-catalog.js';
import { assumedRoleArn, requestedRegion, type Caller, type Call } from './request-context.js';
import type { Account, CloudTrailEvent, Instant, Role, RoleSession, User } from './types.js';

/** The CloudTrail record format version iamsim writes. */
export const EVENT_VERSION = '1.09';

/**
 * Small caches for what every event repeats: the id prefix per account, the source and name per action and the
 * resources list per ARN.
 * A million-event log then shares them instead of holding a copy (or a concatenation tree) in each event. Cleared
 * when large, so arbitrary actions from property tests never grow them without bound.
 */
const idPrefixes = boundedMemo<string>(4096);
const actionParts = boundedMemo<{ readonly source: string; readonly name: string }>(4096);
const resourceLists = boundedMemo<NonNullable<CloudTrailEvent['resources']>>(4096);

/** A deterministic UUID-shaped event id for (account, seq). */
export function eventId(accountId: string, seq: number): string {
  const prefix = idPrefixes.get(accountId, () => {
    const a = accountId.padStart(12, '0').slice(-12);
    return `${a.slice(0, 8)}-${a.slice(8, 12)}-4000-8000-`;
  });
  // join, not +, gives one flat string rather than a two-part concatenation kept alive by the log.
  return [prefix, seq.toString(16).padStart(12, '0').slice(-12)].join('');
}

/** The `resources` element for one ARN, shared (frozen) by every event on that resource. */
const resourcesOf = (arn: string): CloudTrailEvent['resources'] => resourceLists.get(arn, () => Object.freeze([Object.freeze({ ARN: arn })]));

const partsOf = (action: string): { readonly source: string; readonly name: string } =>
  actionParts.get(action, () => ({ source: `${serviceOf(action)}.amazonaws.com`, name: action.slice(action.indexOf(':') + 1) }));

/** `s3:GetObject` → `s3.amazonaws.com`. */
export const eventSourceOf = (action: string): string => partsOf(action).source;

/** The API name part of an action: `s3:GetObject` → `GetObject`. */
export const eventNameOf = (action: string): string => partsOf(action).name;

/** The region CloudTrail records for a call: us-east-1 for global services (IAM, Organizations, …), else the call's. */
export const eventRegion = requestedRegion;

/** The `userIdentity` of a user signing with a long-term key, or in a console session. */
export function userIdentityOfUser(account: Account, user: User, accessKeyId: string | null, console: { mfa: boolean; since: Instant } | null): CloudTrailEvent['userIdentity'] {
  return {
    type: 'IAMUser',
    principalId: user.id,
    arn: user.arn,
    accountId: account.id,
    userName: user.name,
    ...(accessKeyId !== null ? { accessKeyId } : {}),
    ...(console !== null ? { sessionContext: { attributes: { mfaAuthenticated: console.mfa ? 'true' : 'false', creationDate: console.since } } } : {}),
  };
}

/** The `userIdentity` of the root user. */
export function userIdentityOfRoot(account: Account, accessKeyId: string | null, console: { mfa: boolean; since: Instant } | null): CloudTrailEvent['userIdentity'] {
  return {
    type: 'Root',
    principalId: account.id,
    arn: account.root.arn,
    accountId: account.id,
    ...(accessKeyId !== null ? { accessKeyId } : {}),
    ...(console !== null ? { sessionContext: { attributes: { mfaAuthenticated: console.mfa ? 'true' : 'false', creationDate: console.since } } } : {}),
  };
}

/** The `userIdentity` of a role session, with its session issuer (the role). */
export function userIdentityOfSession(account: Account, session: RoleSession, role: Role, instanceId: string | null): CloudTrailEvent['userIdentity'] {
  return {
    type: 'AssumedRole',
    principalId: `${role.id}:${instanceId ?? session.sessionName}`,
    arn: assumedRoleArn(account, role.name, session.sessionName),
    accountId: account.id,
    accessKeyId: session.accessKeyId,
    sessionContext: {
      attributes: { mfaAuthenticated: session.mfaAuthenticated ? 'true' : 'false', creationDate: session.issued },
      sessionIssuer: { type: 'Role', principalId: role.id, arn: role.arn, accountId: account.id, userName: role.name },
    },
  };
}

/** userIdentity records are shared between events of the same credential (they are frozen and never change). */
const identities = new WeakMap<object, Map<string, CloudTrailEvent['userIdentity']>>();

function cachedIdentity(owner: object, key: string, make: () => CloudTrailEvent['userIdentity']): CloudTrailEvent['userIdentity'] {
  let m = identities.get(owner);
  if (m === undefined) {
    m = new Map();
    identities.set(owner, m);
  }
  let id = m.get(key);
  if (id === undefined) {
    id = Object.freeze(make());
    m.set(key, id);
  }
  return id;
}

/** The `userIdentity` of a resolved caller (one shared, frozen record per credential and sign-in). */
export function userIdentityOf(account: Account, caller: Caller): CloudTrailEvent['userIdentity'] {
  switch (caller.kind) {
    case 'user': {
      const c = caller;
      const key = c.via === 'console' ? `c|${c.mfa ? 1 : 0}|${c.signedInAt}|${account.id}` : `k|${c.accessKeyId ?? ''}|${account.id}`;
      return cachedIdentity(c.user, key, () => userIdentityOfUser(account, c.user, c.accessKeyId, c.via === 'console' ? { mfa: c.mfa, since: c.signedInAt } : null));
    }
    case 'root': {
      const c = caller;
      const key = c.via === 'console' ? `c|${c.mfa ? 1 : 0}|${c.signedInAt}|${account.id}` : `k|${c.accessKeyId ?? ''}|${account.id}`;
      return cachedIdentity(account.root, key, () => userIdentityOfRoot(account, c.accessKeyId, c.via === 'console' ? { mfa: c.mfa, since: c.signedInAt } : null));
    }
    case 'session': {
      const c = caller;
      return cachedIdentity(c.session, `${c.role.id}|${c.instanceId ?? ''}|${account.id}`, () => userIdentityOfSession(account, c.session, c.role, c.instanceId));
    }
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/**
 * AWS's AccessDenied text: "User: ARN is not authorized to perform: ACTION on resource: RES because no
 * identity-based policy allows the ACTION action" / "with an explicit deny in a service control policy"
 * [IAM troubleshoot_access-denied.html]. Role trust denials carry no reason, as in AWS.
 */
export function denialMessage(callerArn: string, action: string, resource: string, decision: Decision): string {
  const head = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  const by = decision.decidedBy;
  if (by === null || by === 'root') return `${head} because no identity-based policy allows the ${action} action`;
  if (by === 'trust') return head;
  return decision.effect === 'ExplicitDeny' ? `${head} with an explicit deny in ${POLICY_TYPE_TEXT[by]}` : `${head} because ${NO_ALLOW_TEXT[by]} allows the ${action} action`;
}

/** The error code a denied call logs: EC2 says Client.UnauthorizedOperation, the rest AccessDenied. */
export const deniedErrorCode = (action: string): string => (serviceOf(action) === 'ec2' ? 'Client.UnauthorizedOperation' : 'AccessDenied');

/** Default user agents by credential. */
export function defaultUserAgent(caller: Caller | null): string {
  if (caller === null) return 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64';
  if (caller.kind === 'session') return caller.instanceId !== null ? 'aws-sdk-java/2.21.0 Linux/6.1 (ec2)' : 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64';
  return caller.via === 'console' ? 'AWS Internal' : 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64';
}

/** Builds the AwsApiCall record for a call; `error` is set when AWS refused or denied it. */
export function apiCallEvent(
  account: Account,
  seq: number,
  identity: CloudTrailEvent['userIdentity'],
  call: Call,
  userAgent: string,
  error: { readonly code: string; readonly message: string } | null,
): CloudTrailEvent {
  const ev: CloudTrailEvent = {
    eventVersion: EVENT_VERSION,
    eventID: eventId(account.id, seq),
    eventTime: call.at,
    eventSource: eventSourceOf(call.action),
    eventName: eventNameOf(call.action),
    eventType: 'AwsApiCall',
    awsRegion: eventRegion(call.action, call.region),
    sourceIPAddress: call.sourceIp,
    userAgent: call.userAgent ?? userAgent,
    userIdentity: identity,
    requestParameters: null,
    responseElements: null,
    ...(error !== null ? { errorCode: error.code, errorMessage: error.message } : {}),
    ...(call.resource !== '*' ? { resources: resourcesOf(call.resource) } : {}),
    recipientAccountId: account.id,
    iamsimResource: call.resource,
  };
  return ev;
}
