/**
 * sts:AssumeRole and EC2 instance-role sessions. AssumeRole is an ordinary request whose resource-based policy is the
 * role's trust policy, which must itself allow (resourceMustAllow) [sheet §1.1 step 4]. Passing session tags also
 * needs sts:TagSession, and a source identity sts:SetSourceIdentity [IAM id_session-tags.html, id_credentials_temp_control-access_monitor.html].
 * On Allow the new account holds a RoleSession (MFA carried over from the caller) and the AssumeRole event.
 */
import type { AuthzRequest, ContextValue, Decision, PolicyDocument } from '../evaluator/types.js';
import { evaluate } from '../evaluator/evaluate.js';
import { apiCallEvent, defaultUserAgent, EVENT_VERSION, eventId, userIdentityOf } from './cloudtrail-event.js';
import { compilePolicySet } from './compile-policy-set.js';
import { entityId } from './ids.js';
import { resourcePolicies } from './policies-for.js';
import { commitCall, denialError, evaluateCall, REJECTED, rejectCall, type RequestOutcome } from './request.js';
import { assumedRoleArn, isRejection, resolveCaller, type Call, type Caller, type CallPrincipal } from './request-context.js';
import { addMillis } from './time.js';
import type { Account, CloudTrailEvent, Instant, RoleSession, Tags } from './types.js';

/** An AssumeRole call. */
export interface AssumeRoleInput {
  readonly principal: CallPrincipal;
  readonly roleName: string;
  readonly sessionName: string;
  /** 900 .. the role's maxSessionDuration (3600 at most when a role session assumes a role: role chaining). Default 3600. */
  readonly durationSeconds?: number;
  /** Inline session policy. */
  readonly policy?: PolicyDocument;
  /** Managed session policy ARNs (at most 10). */
  readonly policyArns?: readonly string[];
  /** Session tags (need sts:TagSession). */
  readonly tags?: Tags;
  /** Source identity (needs sts:SetSourceIdentity). */
  readonly sourceIdentity?: string;
  /** The caller passed SerialNumber and TokenCode (long-term key callers); ignored when the user has no MFA device. */
  readonly mfa?: boolean;
  readonly at: Instant;
  readonly sourceIp: string;
  readonly region?: string;
  readonly userAgent?: string;
}

/** The result: a request outcome plus the new session on Allow, or a validation error (then nothing is evaluated). */
export interface AssumeRoleOutcome extends RequestOutcome {
  readonly session: RoleSession | null;
  readonly validationError: string | null;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function validate(input: AssumeRoleInput, caller: Caller, maxSession: number | null): string | null {
  if (!SESSION_NAME.test(input.sessionName)) return `1 validation error detected: Value '${input.sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`;
  const d = input.durationSeconds ?? 3600;
  const chained = caller.kind === 'session';
  const max = chained ? 3600 : maxSession ?? 43200;
  if (!Number.isInteger(d) || d < 900) return `1 validation error detected: Value '${d}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`;
  if (d > max) {
    return chained
      ? `The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.`
      : `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`;
  }
  if ((input.policyArns?.length ?? 0) > 10) return '1 validation error detected: Value at \'policyArns\' failed to satisfy constraint: Member must have length less than or equal to 10';
  if (Object.keys(input.tags ?? {}).length > 50) return '1 validation error detected: Value at \'tags\' failed to satisfy constraint: Member must have length less than or equal to 50';
  return null;
}

/** The MFA facts a new session inherits from its caller. */
function mfaOf(caller: Caller, input: AssumeRoleInput): { mfa: boolean; at?: Instant } {
  switch (caller.kind) {
    case 'user': {
      if (caller.mfa) return { mfa: true, at: caller.signedInAt };
      if (input.mfa === true && caller.user.mfa.length > 0) return { mfa: true, at: input.at };
      return { mfa: false };
    }
    case 'root':
      return caller.mfa ? { mfa: true, at: caller.signedInAt } : { mfa: false };
    case 'session':
      return caller.session.mfaAuthenticated ? { mfa: true, ...(caller.session.mfaAuthTime !== undefined ? { at: caller.session.mfaAuthTime } : {}) } : { mfa: false };
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** Who assumed a session, in RoleSession.assumedBy's terms. */
function assumedByOf(caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return caller.user.name;
    case 'root':
      return 'root';
    case 'session':
      return caller.session.id;
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** AssumeRole by a user (key or console) or a role session (role chaining); root is refused, as in AWS. */
export function assumeRole(account: Account, input: AssumeRoleInput): AssumeRoleOutcome {
  const role = Object.hasOwn(account.roles, input.roleName) ? account.roles[input.roleName] : undefined;
  const roleArn = role?.arn ?? `arn:${account.partition}:iam::${account.id}:role/${input.roleName}`;
  const tags = input.tags ?? {};
  const tagKeys = Object.keys(tags);
  const extra: Record<string, ContextValue> = { 'sts:RoleSessionName': input.sessionName };
  for (const k of tagKeys) extra[`aws:RequestTag/${k}`] = tags[k]!;
  if (tagKeys.length > 0) extra['aws:TagKeys'] = tagKeys;
  if (input.sourceIdentity !== undefined) extra['sts:SourceIdentity'] = input.sourceIdentity;
  const call: Call = {
    principal: input.principal,
    action: 'sts:AssumeRole',
    resource: roleArn,
    sourceIp: input.sourceIp,
    at: input.at,
    ...(input.region !== undefined ? { region: input.region } : {}),
    ...(input.userAgent !== undefined ? { userAgent: input.userAgent } : {}),
    extraContext: extra,
  };
  const resolved = resolveCaller(account, input.principal, input.at);
  if (isRejection(resolved)) return { ...rejectCall(account, call, resolved), session: null, validationError: null };
  const caller = resolved;
  const mfa = mfaOf(caller, input);
  if (caller.kind !== 'session' && caller.via === 'access-key' && mfa.mfa) {
    extra['aws:MultiFactorAuthPresent'] = 'true';
    extra['aws:MultiFactorAuthAge'] = '0';
  }
  const durationSeconds = input.durationSeconds ?? 3600;
  const requestParameters: Record<string, unknown> = {
    roleArn,
    roleSessionName: input.sessionName,
    durationSeconds,
    ...(input.policy !== undefined ? { policy: JSON.stringify(input.policy) } : {}),
    ...(input.policyArns !== undefined ? { policyArns: input.policyArns.map((arn) => ({ arn })) } : {}),
    ...(tagKeys.length > 0 ? { tags: tagKeys.map((k) => ({ key: k, value: tags[k] })) } : {}),
    ...(input.sourceIdentity !== undefined ? { sourceIdentity: input.sourceIdentity } : {}),
  };
  const identity = userIdentityOf(account, caller);
  const agent = defaultUserAgent(caller);

  const invalid = validate(input, caller, role?.maxSessionDuration ?? null);
  if (invalid !== null) {
    const base = apiCallEvent(account, account.seq + 1, identity, call, agent, { code: 'ValidationError', message: invalid });
    const event: CloudTrailEvent = { ...base, requestParameters };
    return { outcome: 'rejected', decision: REJECTED, account: commitCall(account, caller, call, event), event, request: null, rejection: null, skipped: [], session: null, validationError: invalid };
  }

  if (caller.kind === 'root') {
    const event: CloudTrailEvent = { ...apiCallEvent(account, account.seq + 1, identity, call, agent, { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' }), requestParameters };
    return { outcome: 'denied', decision: REJECTED, account: commitCall(account, caller, call, event), event, request: null, rejection: null, skipped: [], session: null, validationError: null };
  }
  const main = evaluateCall(account, caller, call);
  let decision: Decision = main.decision;
  let error = denialError(main, call);
  const extraActions = [...(tagKeys.length > 0 ? ['sts:TagSession'] : []), ...(input.sourceIdentity !== undefined ? ['sts:SetSourceIdentity'] : [])];
  for (const action of extraActions) {
    if (error !== null) break;
    const sub: Call = { ...call, action };
    const e = evaluateCall(account, caller, sub);
    if (e.decision.effect !== 'Allow') {
      decision = e.decision;
      error = denialError(e, sub);
    }
  }
  const seq = account.seq + 1;
  if (error !== null || role === undefined) {
    const base = apiCallEvent(account, seq, identity, call, agent, error ?? { code: 'AccessDenied', message: `User: ${main.request.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}` });
    const event: CloudTrailEvent = { ...base, requestParameters };
    return { outcome: 'denied', decision, account: commitCall(account, caller, call, event), event, request: main.request, rejection: null, skipped: main.skipped, session: null, validationError: null };
  }
  const accessKeyId = entityId('sessionKey', account.id, seq);
  const expires = addMillis(input.at, durationSeconds * 1000);
  const session: RoleSession = {
    id: accessKeyId,
    roleName: role.name,
    sessionName: input.sessionName,
    accessKeyId,
    issued: input.at,
    expires,
    mfaAuthenticated: mfa.mfa,
    ...(mfa.mfa && mfa.at !== undefined ? { mfaAuthTime: mfa.at } : {}),
    policy: input.policy ?? null,
    policyArns: input.policyArns ?? [],
    ...(input.sourceIdentity !== undefined ? { sourceIdentity: input.sourceIdentity } : {}),
    tags,
    assumedBy: assumedByOf(caller),
  };
  const base = apiCallEvent(account, seq, identity, call, agent, null);
  const event: CloudTrailEvent = {
    ...base,
    requestParameters,
    responseElements: {
      credentials: { accessKeyId, sessionToken: '<redacted>', expiration: expires },
      assumedRoleUser: { assumedRoleId: `${role.id}:${input.sessionName}`, arn: assumedRoleArn(account, role.name, input.sessionName) },
    },
    resources: [{ ARN: role.arn, type: 'AWS::IAM::Role' }],
  };
  const committed = commitCall(account, caller, call, event);
  const next: Account = { ...committed, sessions: { ...committed.sessions, [session.id]: session } };
  return { outcome: 'allowed', decision, account: next, event, request: main.request, rejection: null, skipped: main.skipped, session, validationError: null };
}

/** The result of instanceSession(). */
export interface InstanceSessionOutcome {
  readonly ok: boolean;
  /** Why no session was issued: no such instance, no profile/role, or the trust policy does not trust ec2.amazonaws.com. */
  readonly failure: 'unknown-instance' | 'no-instance-role' | 'not-trusted' | null;
  readonly account: Account;
  readonly session: RoleSession | null;
  readonly event: CloudTrailEvent | null;
  readonly decision: Decision | null;
}

/**
 * The EC2 service assumes an instance's role for it (what the instance metadata service hands out): the trust policy
 * must allow the service principal ec2.amazonaws.com. On success a 6-hour RoleSession named after the instance is
 * stored and an AssumeRole event by the AWSService ec2.amazonaws.com is logged.
 */
export function instanceSession(account: Account, instanceId: string, at: Instant): InstanceSessionOutcome {
  const inst = Object.hasOwn(account.instances, instanceId) ? account.instances[instanceId] : undefined;
  if (inst === undefined) return { ok: false, failure: 'unknown-instance', account, session: null, event: null, decision: null };
  const profile = inst.instanceProfile !== null && Object.hasOwn(account.instanceProfiles, inst.instanceProfile) ? account.instanceProfiles[inst.instanceProfile] : undefined;
  const roleName = profile?.roles[0];
  const role = roleName !== undefined && Object.hasOwn(account.roles, roleName) ? account.roles[roleName] : undefined;
  if (role === undefined) return { ok: false, failure: 'no-instance-role', account, session: null, event: null, decision: null };
  const instanceArn = `arn:${account.partition}:ec2:${inst.region}:${account.id}:instance/${inst.id}`;
  const req: AuthzRequest = {
    principal: { kind: 'service', arn: 'ec2.amazonaws.com', accountId: '', service: 'ec2.amazonaws.com' },
    action: 'sts:AssumeRole',
    resource: role.arn,
    resourceAccount: account.id,
    context: {
      'aws:CurrentTime': at,
      'aws:EpochTime': String(Math.floor(Date.parse(at) / 1000)),
      'aws:SecureTransport': 'true',
      'aws:RequestedRegion': inst.region,
      'aws:PrincipalIsAWSService': 'true',
      'aws:PrincipalServiceName': 'ec2.amazonaws.com',
      'aws:SourceAccount': account.id,
      'aws:SourceArn': instanceArn,
      'aws:ViaAWSService': 'false',
      'sts:RoleSessionName': inst.id,
    },
  };
  const r = resourcePolicies(account, { kind: 'role', role }, 'sts:AssumeRole', role.arn);
  const { set } = compilePolicySet({ identity: [], boundary: null, session: null, scp: null, resource: r.resource, resourceMustAllow: true, rcp: null, missing: [] });
  const decision = evaluate(req, set);
  const seq = account.seq + 1;
  const ok = decision.effect === 'Allow';
  const accessKeyId = entityId('sessionKey', account.id, seq);
  const expires = addMillis(at, 6 * 3600_000);
  const event: CloudTrailEvent = {
    eventVersion: EVENT_VERSION,
    eventID: eventId(account.id, seq),
    eventTime: at,
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    eventType: 'AwsApiCall',
    awsRegion: inst.region,
    sourceIPAddress: 'ec2.amazonaws.com',
    userAgent: 'ec2.amazonaws.com',
    userIdentity: { type: 'AWSService', principalId: 'ec2.amazonaws.com', arn: '', accountId: account.id },
    requestParameters: { roleArn: role.arn, roleSessionName: inst.id, durationSeconds: 21600 },
    responseElements: ok ? { credentials: { accessKeyId, sessionToken: '<redacted>', expiration: expires }, assumedRoleUser: { assumedRoleId: `${role.id}:${inst.id}`, arn: assumedRoleArn(account, role.name, inst.id) } } : null,
    ...(ok ? {} : { errorCode: 'AccessDenied', errorMessage: `User: ec2.amazonaws.com is not authorized to perform: sts:AssumeRole on resource: ${role.arn}` }),
    resources: [{ ARN: role.arn, type: 'AWS::IAM::Role' }],
    recipientAccountId: account.id,
    iamsimResource: role.arn,
  };
  const logged: Account = { ...account, seq, activity: account.activity.push(event) };
  if (!ok) return { ok: false, failure: 'not-trusted', account: logged, session: null, event, decision };
  const session: RoleSession = {
    id: accessKeyId,
    roleName: role.name,
    sessionName: inst.id,
    accessKeyId,
    issued: at,
    expires,
    mfaAuthenticated: false,
    policy: null,
    policyArns: [],
    tags: {},
    assumedBy: `ec2:${inst.id}`,
  };
  return { ok: true, failure: null, account: { ...logged, sessions: { ...logged.sessions, [session.id]: session } }, session, event, decision };
}
