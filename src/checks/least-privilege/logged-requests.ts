/**
 * The requests a principal made, rebuilt from its CloudTrail events: action from eventSource and eventName, the
 * resource iamsim recorded, and the context keys the event shows (source IP, time, region, MFA of sessions).
 * Other context keys a real request carried are not in CloudTrail, so conditions on them cannot be replayed.
 */
import type { AuthzRequest } from '../../evaluator/types.js';
import type { Account, CloudTrailEvent, Instant } from '../../model/types.js';
import type { PrincipalPolicies } from '../universe/principal-policies.js';

/** One logged request: the event, and the authorization request it stands for. */
export interface LoggedRequest {
  readonly event: CloudTrailEvent;
  readonly request: AuthzRequest;
}

/** The IAM action of an event: `s3.amazonaws.com` + `GetObject` → `s3:GetObject`. */
export const actionOfEvent = (e: CloudTrailEvent): string => `${e.eventSource.slice(0, e.eventSource.indexOf('.'))}:${e.eventName}`;

const byActor = new WeakMap<object, ReadonlyMap<string, readonly CloudTrailEvent[]>>();

/** The activity log's API calls by actor ARN (a role's sessions under the role), built once per log. */
export function apiCallsByActor(account: Account): ReadonlyMap<string, readonly CloudTrailEvent[]> {
  const log = account.activity as unknown as object;
  let index = byActor.get(log);
  if (index === undefined) {
    const m = new Map<string, CloudTrailEvent[]>();
    for (const e of account.activity) {
      if (e.eventType !== 'AwsApiCall') continue;
      const arn = e.userIdentity.sessionContext?.sessionIssuer?.arn ?? e.userIdentity.arn;
      const l = m.get(arn);
      if (l) l.push(e); else m.set(arn, [e]);
    }
    index = m;
    byActor.set(log, index);
  }
  return index;
}

/** The principal's API calls (its own, or its sessions' for a role) between `from` and `now` (sign-ins excluded); `allowedOnly` keeps calls without an error. */
export function loggedRequests(account: Account, pp: PrincipalPolicies, from: Instant, now: Instant, allowedOnly = true): LoggedRequest[] {
  const out: LoggedRequest[] = [];
  // Compared as times, not strings: an instant with milliseconds does not sort as text against one without.
  const start = Date.parse(from);
  const end = Date.parse(now);
  for (const e of apiCallsByActor(account).get(pp.arn) ?? []) {
    const t = Date.parse(e.eventTime);
    if (t < start || t > end) continue;
    if (allowedOnly && e.errorCode !== undefined) continue;
    const mfa = e.userIdentity.sessionContext?.attributes.mfaAuthenticated;
    const context: Record<string, string> = {
      ...(pp.fixed as Record<string, string>),
      'aws:CurrentTime': e.eventTime,
      'aws:EpochTime': String(Math.floor(t / 1000)),
      'aws:RequestedRegion': e.awsRegion,
      'aws:SecureTransport': 'true',
      'aws:ViaAWSService': 'false',
      ...(/^[0-9a-fA-F:.]+$/.test(e.sourceIPAddress) ? { 'aws:SourceIp': e.sourceIPAddress } : {}),
      ...(mfa !== undefined ? { 'aws:MultiFactorAuthPresent': mfa } : {}),
    };
    out.push({ event: e, request: { principal: pp.principal, action: actionOfEvent(e), resource: e.iamsimResource ?? e.resources?.[0]?.ARN ?? '*', context } });
  }
  return out;
}
