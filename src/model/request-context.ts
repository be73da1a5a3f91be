/**
 * Who is calling, with which credential, and the request context AWS builds for the call
 * (aws-iam-semantics.md §4.1 presence table, §4.2 MFA). Pure: the clock is the call's `at`.
 */
import type { AuthzRequest, ContextValue, RequestPrincipal } from '../evaluator/types.js';
import { entityId } from './ids.js';
import { addMillis, toMillis } from './time.js';
import type { AccessKey, Account, Instant, Role, RoleSession, Tags, User } from './types.js';

/** The credential a call is made with, as the caller names it. */
export type CallPrincipal =
  | {
      readonly kind: 'user';
      readonly user: string;
      readonly via: 'console' | 'access-key';
      /** For `via: 'access-key'`: the key that signs the request (default: the user's first active key). */
      readonly accessKeyId?: string;
      /** For `via: 'console'`: whether the console sign-in used MFA (ignored when the user has no MFA device). */
      readonly mfa?: boolean;
      /** For `via: 'console'`: when the console session started (default: `at`). */
      readonly signedInAt?: Instant;
    }
  | {
      readonly kind: 'root';
      readonly via: 'console' | 'access-key';
      readonly accessKeyId?: string;
      readonly mfa?: boolean;
      readonly signedInAt?: Instant;
    }
  | { readonly kind: 'session'; readonly sessionId: string }
  | {
      readonly kind: 'instance';
      readonly instanceId: string;
      /** An application on the instance: it calls with its own credential (the instance role, or a user's key). */
      readonly application?: string;
    };

/** One API call: who, what, on what, from where, when. */
export interface Call {
  readonly principal: CallPrincipal;
  /** `service:Action`, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
  readonly sourceIp: string;
  /** The endpoint region; global services (IAM, STS global endpoint, Organizations) report us-east-1. Default us-east-1. */
  readonly region?: string;
  readonly at: Instant;
  readonly userAgent?: string;
  /** Whether the request came over TLS (`aws:SecureTransport`). Default true. */
  readonly secureTransport?: boolean;
  /** The account that owns the resource when the ARN does not say (S3 buckets). Default: this account. */
  readonly resourceAccount?: string;
  /** More context keys (service-specific ones such as `s3:prefix`, or `aws:RequestTag/…`); they override built ones. */
  readonly extraContext?: Readonly<Record<string, ContextValue>>;
}

/** A caller resolved against the account: the entity, the credential, and its MFA and issue-time facts. */
export type Caller =
  | {
      readonly kind: 'user';
      readonly user: User;
      readonly via: 'console' | 'access-key';
      readonly accessKeyId: string | null;
      readonly mfa: boolean;
      readonly signedInAt: Instant;
    }
  | {
      readonly kind: 'root';
      readonly via: 'console' | 'access-key';
      readonly accessKeyId: string | null;
      readonly mfa: boolean;
      readonly signedInAt: Instant;
    }
  | {
      readonly kind: 'session';
      readonly session: RoleSession;
      readonly role: Role;
      /** Set for an EC2 instance-role session (then `aws:userid` is `role-id:instance-id`). */
      readonly instanceId: string | null;
      /** False when the session was synthesised for an instance and is not in `account.sessions`. */
      readonly stored: boolean;
    };

/** Why AWS refuses a credential before evaluating any policy. */
export type RejectionCode =
  | 'unknown-user'
  | 'unknown-access-key'
  | 'inactive-access-key'
  | 'no-access-key'
  | 'no-login-profile'
  | 'root-no-password'
  | 'unknown-session'
  | 'expired-session'
  | 'unknown-role'
  | 'unknown-instance'
  | 'no-instance-role'
  | 'unknown-application';

/** What AWS answers for each rejection, and whether CloudTrail records it in this account. */
export const REJECTIONS: Readonly<Record<RejectionCode, { readonly errorCode: string; readonly errorMessage: string; readonly logged: boolean }>> = {
  'unknown-user': { errorCode: 'InvalidClientTokenId', errorMessage: 'The security token included in the request is invalid.', logged: false },
  'unknown-access-key': { errorCode: 'InvalidClientTokenId', errorMessage: 'The security token included in the request is invalid.', logged: false },
  'inactive-access-key': { errorCode: 'InvalidClientTokenId', errorMessage: 'The security token included in the request is invalid.', logged: true },
  'no-access-key': { errorCode: 'MissingAuthenticationToken', errorMessage: 'Request is missing Authentication Token', logged: false },
  'no-login-profile': { errorCode: 'AccessDenied', errorMessage: 'Failed authentication', logged: true },
  'root-no-password': { errorCode: 'AccessDenied', errorMessage: 'Failed authentication', logged: true },
  'unknown-session': { errorCode: 'InvalidClientTokenId', errorMessage: 'The security token included in the request is invalid.', logged: false },
  'expired-session': { errorCode: 'ExpiredToken', errorMessage: 'The security token included in the request is expired', logged: true },
  'unknown-role': { errorCode: 'InvalidClientTokenId', errorMessage: 'The security token included in the request is invalid.', logged: false },
  'unknown-instance': { errorCode: 'MissingAuthenticationToken', errorMessage: 'Request is missing Authentication Token', logged: false },
  'no-instance-role': { errorCode: 'MissingAuthenticationToken', errorMessage: 'Request is missing Authentication Token', logged: false },
  'unknown-application': { errorCode: 'MissingAuthenticationToken', errorMessage: 'Request is missing Authentication Token', logged: false },
};

/** A refused credential: the reason, and (for user and root) who it belongs to, so the refusal can be logged. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly detail: string;
  /** The caller the credential claims to be, when known (for the CloudTrail record). */
  readonly claimed?: { readonly user?: User; readonly root?: true; readonly session?: RoleSession; readonly role?: Role; readonly accessKeyId?: string };
}

/** How long EC2 instance-role credentials last (IMDS rotates them well before). */
const INSTANCE_SESSION_MS = 6 * 3600_000;

/** Access key id → owner, built once per `users` record (the record is replaced whenever a user changes). */
const keyIndexes = new WeakMap<object, ReadonlyMap<string, { readonly user: User; readonly key: AccessKey }>>();

function keyIndex(account: Account): ReadonlyMap<string, { readonly user: User; readonly key: AccessKey }> {
  let idx = keyIndexes.get(account.users);
  if (idx === undefined) {
    const m = new Map<string, { user: User; key: AccessKey }>();
    for (const u of Object.values(account.users)) for (const k of u.accessKeys) m.set(k.id, { user: u, key: k });
    idx = m;
    keyIndexes.set(account.users, idx);
  }
  return idx;
}

const own = <T>(rec: Readonly<Record<string, T>>, k: string): T | undefined => (Object.hasOwn(rec, k) ? rec[k] : undefined);

/** The session an EC2 instance's role would hand out at `at`: the stored unexpired one, else a synthesised one. */
export function instanceRoleSession(account: Account, instanceId: string, role: Role, at: Instant): { session: RoleSession; stored: boolean } {
  const assumedBy = `ec2:${instanceId}`;
  for (const s of Object.values(account.sessions)) {
    if (s.assumedBy === assumedBy && s.roleName === role.name && s.issued <= at && at < s.expires) return { session: s, stored: true };
  }
  const session: RoleSession = {
    id: `ec2:${instanceId}:${at}`,
    roleName: role.name,
    sessionName: instanceId,
    accessKeyId: entityId('sessionKey', account.id, toMillis(at) % 2_147_483_647),
    issued: at,
    expires: addMillis(at, INSTANCE_SESSION_MS),
    mfaAuthenticated: false,
    policy: null,
    policyArns: [],
    tags: {},
    assumedBy,
  };
  return { session, stored: false };
}

function resolveUser(
  account: Account,
  p: { user: string; via: 'console' | 'access-key'; accessKeyId?: string; mfa?: boolean; signedInAt?: Instant },
  at: Instant,
): Caller | Rejection {
  const user = own(account.users, p.user);
  if (p.via === 'access-key') {
    if (p.accessKeyId !== undefined) {
      const hit = keyIndex(account).get(p.accessKeyId);
      if (hit === undefined || (user !== undefined && hit.user.name !== user.name)) {
        return { code: 'unknown-access-key', detail: `access key ${p.accessKeyId} does not exist in account ${account.id}` };
      }
      if (hit.key.status !== 'Active') {
        return { code: 'inactive-access-key', detail: `access key ${p.accessKeyId} of user ${hit.user.name} is Inactive`, claimed: { user: hit.user, accessKeyId: hit.key.id } };
      }
      return { kind: 'user', user: hit.user, via: 'access-key', accessKeyId: hit.key.id, mfa: false, signedInAt: at };
    }
    if (user === undefined) return { code: 'unknown-user', detail: `user ${p.user} does not exist` };
    const key = user.accessKeys.find((k) => k.status === 'Active');
    if (key === undefined) return { code: 'no-access-key', detail: `user ${p.user} has no active access key` };
    return { kind: 'user', user, via: 'access-key', accessKeyId: key.id, mfa: false, signedInAt: at };
  }
  if (user === undefined) return { code: 'unknown-user', detail: `user ${p.user} does not exist` };
  if (user.loginProfile === null) return { code: 'no-login-profile', detail: `user ${p.user} has no console password (login profile)`, claimed: { user } };
  return { kind: 'user', user, via: 'console', accessKeyId: null, mfa: (p.mfa ?? false) && user.mfa.length > 0, signedInAt: p.signedInAt ?? at };
}

/**
 * Resolves the caller of a call against the account, or says why AWS would refuse the credential before evaluating
 * any policy: unknown or inactive keys, expired sessions, users without a console password, instances without a role.
 */
export function resolveCaller(account: Account, principal: CallPrincipal, at: Instant): Caller | Rejection {
  switch (principal.kind) {
    case 'user':
      return resolveUser(account, principal, at);
    case 'root': {
      if (principal.via === 'access-key') {
        const key = principal.accessKeyId !== undefined
          ? account.root.accessKeys.find((k) => k.id === principal.accessKeyId)
          : account.root.accessKeys.find((k) => k.status === 'Active');
        if (key === undefined) {
          return principal.accessKeyId !== undefined
            ? { code: 'unknown-access-key', detail: `access key ${principal.accessKeyId} is not a root key of ${account.id}` }
            : { code: 'no-access-key', detail: 'the root user has no active access key' };
        }
        if (key.status !== 'Active') return { code: 'inactive-access-key', detail: `root access key ${key.id} is Inactive`, claimed: { root: true, accessKeyId: key.id } };
        return { kind: 'root', via: 'access-key', accessKeyId: key.id, mfa: false, signedInAt: at };
      }
      if (!account.root.hasPassword) return { code: 'root-no-password', detail: 'the root user has no password', claimed: { root: true } };
      return { kind: 'root', via: 'console', accessKeyId: null, mfa: (principal.mfa ?? false) && account.root.mfa.length > 0, signedInAt: principal.signedInAt ?? at };
    }
    case 'session': {
      const session = own(account.sessions, principal.sessionId);
      if (session === undefined) return { code: 'unknown-session', detail: `session ${principal.sessionId} does not exist` };
      const role = own(account.roles, session.roleName);
      if (role === undefined) return { code: 'unknown-role', detail: `role ${session.roleName} of session ${session.id} no longer exists`, claimed: { session } };
      if (at >= session.expires) return { code: 'expired-session', detail: `session ${session.id} expired at ${session.expires}`, claimed: { session, role } };
      const instanceId = session.assumedBy.startsWith('ec2:') ? session.assumedBy.slice(4) : null;
      return { kind: 'session', session, role, instanceId, stored: true };
    }
    case 'instance': {
      const inst = own(account.instances, principal.instanceId);
      if (inst === undefined) return { code: 'unknown-instance', detail: `instance ${principal.instanceId} does not exist` };
      if (principal.application !== undefined) {
        const app = inst.applications.find((a) => a.name === principal.application);
        if (app === undefined) return { code: 'unknown-application', detail: `no application ${principal.application} on ${inst.id}` };
        if (app.credential.kind === 'access-key') {
          return resolveUser(account, { user: app.credential.user, via: 'access-key', accessKeyId: app.credential.accessKeyId }, at);
        }
      }
      const profile = inst.instanceProfile === null ? undefined : own(account.instanceProfiles, inst.instanceProfile);
      const roleName = profile?.roles[0];
      const role = roleName === undefined ? undefined : own(account.roles, roleName);
      if (role === undefined) return { code: 'no-instance-role', detail: `instance ${inst.id} has no instance profile with a role` };
      const { session, stored } = instanceRoleSession(account, inst.id, role, at);
      return { kind: 'session', session, role, instanceId: inst.id, stored };
    }
    default: {
      const never: never = principal;
      throw new Error(`unknown principal ${JSON.stringify(never)}`);
    }
  }
}

/** True when resolveCaller refused the credential. */
export const isRejection = (x: Caller | Rejection): x is Rejection => 'code' in x;

/** A role session's own ARN: `arn:aws:sts::A:assumed-role/RoleName/SessionName` (the role's path is not part of it). */
export const assumedRoleArn = (account: Account, roleName: string, sessionName: string): string =>
  `arn:${account.partition}:sts::${account.id}:assumed-role/${roleName}/${sessionName}`;

/** The evaluator's view of the caller. */
export function requestPrincipal(account: Account, caller: Caller): RequestPrincipal {
  switch (caller.kind) {
    case 'user':
      return { kind: 'user', arn: caller.user.arn, accountId: account.id };
    case 'root':
      return { kind: 'root', arn: account.root.arn, accountId: account.id };
    case 'session':
      return {
        kind: 'role-session',
        arn: assumedRoleArn(account, caller.role.name, caller.session.sessionName),
        accountId: account.id,
        roleArn: caller.role.arn,
        ...(caller.role.serviceLinked === true ? { serviceLinkedRole: true } : {}),
      };
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** The ARN `aws:PrincipalArn` reports: the user, root, or the ROLE (not the session) [sheet §4.1]. */
export function principalArnOf(account: Account, caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return caller.user.arn;
    case 'root':
      return account.root.arn;
    case 'session':
      return caller.role.arn;
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** `aws:userid` per the sheet's principal table: user id, account id for root, `role-id:session-name` (or `:instance-id`). */
export function userIdOf(account: Account, caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return caller.user.id;
    case 'root':
      return account.id;
    case 'session':
      return `${caller.role.id}:${caller.instanceId ?? caller.session.sessionName}`;
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** The principal's tags: the user's or role's, with session tags overriding role tags of the same key (case-insensitive). */
export function principalTags(caller: Caller): Tags {
  switch (caller.kind) {
    case 'user':
      return caller.user.tags;
    case 'root':
      return {};
    case 'session': {
      const st = caller.session.tags;
      if (Object.keys(st).length === 0) return caller.role.tags;
      const lower = new Set(Object.keys(st).map((k) => k.toLowerCase()));
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(caller.role.tags)) if (!lower.has(k.toLowerCase())) out[k] = v;
      return { ...out, ...st };
    }
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
}

/** For `arn:aws:s3:::bucket/key`, the bucket ARN whose policy and tags apply; any other ARN is returned as is. */
export function resourcePolicyArn(resource: string): string {
  if (resource.startsWith('arn:aws:s3:::')) {
    const slash = resource.indexOf('/', 13);
    return slash < 0 ? resource : resource.slice(0, slash);
  }
  return resource;
}

/** The tags of the targeted resource: from account.resources (S3 objects use the bucket's), IAM users and roles, EC2 instances. */
export function resourceTags(account: Account, resource: string): Tags | undefined {
  const r = own(account.resources, resource) ?? own(account.resources, resourcePolicyArn(resource));
  if (r !== undefined) return r.tags;
  const iam = `arn:${account.partition}:iam::${account.id}:`;
  if (resource.startsWith(iam)) {
    const rest = resource.slice(iam.length);
    const name = rest.slice(rest.lastIndexOf('/') + 1);
    if (rest.startsWith('user/')) {
      const u = own(account.users, name);
      return u?.arn === resource ? u.tags : undefined;
    }
    if (rest.startsWith('role/')) {
      const ro = own(account.roles, name);
      return ro?.arn === resource ? ro.tags : undefined;
    }
    return undefined;
  }
  const m = /^arn:aws:ec2:[^:]*:\d*:instance\/(.+)$/.exec(resource);
  if (m !== null) return own(account.instances, m[1]!)?.tags;
  return undefined;
}

/** The account owning a resource: explicit, else the ARN's account field (the 5th), else this account. */
export function resourceAccountOf(account: Account, resource: string, explicit?: string): string {
  if (explicit !== undefined) return explicit;
  let i = -1;
  for (let n = 0; n < 4; n++) {
    i = resource.indexOf(':', i + 1);
    if (i < 0) return account.id;
  }
  const end = resource.indexOf(':', i + 1);
  const a = end < 0 ? resource.slice(i + 1) : resource.slice(i + 1, end);
  return a === '' || a === 'aws' ? account.id : a;
}

/** Global services answer from us-east-1 whatever endpoint region the caller names [sheet §4.1: IAM = us-east-1]. */
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['iam', 'organizations', 'cloudfront', 'route53', 'signin']);

/** The region a call is made in (`aws:RequestedRegion`, CloudTrail's awsRegion): us-east-1 for global services. */
export function requestedRegion(action: string, region: string | undefined): string {
  const colon = action.indexOf(':');
  const service = (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
  return GLOBAL_SERVICES.has(service) ? 'us-east-1' : region ?? 'us-east-1';
}

/** `aws:PrincipalOrgPaths` value: `o-id/r-root/ou-…/` (the levels above the account). */
function orgPath(account: Account): string | undefined {
  const org = account.organization;
  if (org === null) return undefined;
  const ids = org.levels.filter((l) => l.kind !== 'account').map((l) => l.id);
  return `${org.id}/${ids.join('/')}/`;
}

/**
 * The request context AWS builds for a call by this caller [sheet §4.1]:
 * always CurrentTime, EpochTime, SecureTransport, RequestedRegion, ViaAWSService (false), PrincipalIsAWSService (false),
 * SourceIp, PrincipalArn, PrincipalType, PrincipalAccount, userid, ResourceAccount;
 * username only for IAM users; PrincipalTag/* for the principal's (and session's) tags; ResourceTag/* for the
 * resource's tags; PrincipalOrgID/OrgPaths when in an organization;
 * MultiFactorAuthPresent only for temporary credentials (console, sessions) — ABSENT for long-term access keys [§4.2];
 * MultiFactorAuthAge only with MFA; TokenIssueTime only for temporary credentials; SourceIdentity for sessions that have one;
 * ec2:SourceInstanceARN for EC2 instance-role credentials.
 * `extraContext` is merged last.
 */
export function buildContext(account: Account, caller: Caller, call: Call, resourceAccount = resourceAccountOf(account, call.resource, call.resourceAccount)): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {
    'aws:CurrentTime': call.at,
    'aws:EpochTime': String(Math.floor(toMillis(call.at) / 1000)),
    'aws:SecureTransport': call.secureTransport === false ? 'false' : 'true',
    'aws:RequestedRegion': requestedRegion(call.action, call.region),
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
    'aws:SourceIp': call.sourceIp,
    'aws:PrincipalArn': principalArnOf(account, caller),
    'aws:PrincipalAccount': account.id,
    'aws:userid': userIdOf(account, caller),
    'aws:ResourceAccount': resourceAccount,
  };
  if (account.organization !== null) {
    ctx['aws:PrincipalOrgID'] = account.organization.id;
    const path = orgPath(account);
    if (path !== undefined) ctx['aws:PrincipalOrgPaths'] = [path];
  }
  switch (caller.kind) {
    case 'user':
      ctx['aws:PrincipalType'] = 'User';
      ctx['aws:username'] = caller.user.name;
      break;
    case 'root':
      ctx['aws:PrincipalType'] = 'Account';
      break;
    case 'session': {
      ctx['aws:PrincipalType'] = 'AssumedRole';
      if (caller.session.sourceIdentity !== undefined) ctx['aws:SourceIdentity'] = caller.session.sourceIdentity;
      const inst = caller.instanceId === null ? undefined : own(account.instances, caller.instanceId);
      if (inst !== undefined) ctx['ec2:SourceInstanceARN'] = `arn:${account.partition}:ec2:${inst.region}:${account.id}:instance/${inst.id}`;
      break;
    }
    default: {
      const never: never = caller;
      throw new Error(`unknown caller ${JSON.stringify(never)}`);
    }
  }
  const temporary = caller.kind === 'session' || caller.via === 'console';
  if (temporary) {
    const mfa = caller.kind === 'session' ? caller.session.mfaAuthenticated : caller.mfa;
    const issued = caller.kind === 'session' ? caller.session.issued : caller.signedInAt;
    ctx['aws:MultiFactorAuthPresent'] = mfa ? 'true' : 'false';
    ctx['aws:TokenIssueTime'] = issued;
    if (mfa) {
      const authAt = caller.kind === 'session' ? caller.session.mfaAuthTime ?? caller.session.issued : caller.signedInAt;
      ctx['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((toMillis(call.at) - toMillis(authAt)) / 1000)));
    }
  }
  for (const [k, v] of Object.entries(principalTags(caller))) ctx[`aws:PrincipalTag/${k}`] = v;
  const rt = resourceTags(account, call.resource);
  if (rt !== undefined) for (const [k, v] of Object.entries(rt)) ctx[`aws:ResourceTag/${k}`] = v;
  if (call.extraContext !== undefined) Object.assign(ctx, call.extraContext);
  return ctx;
}

/** The evaluator's request for a resolved caller and a call. */
export function authzRequest(account: Account, caller: Caller, call: Call): AuthzRequest {
  const resourceAccount = resourceAccountOf(account, call.resource, call.resourceAccount);
  return {
    principal: requestPrincipal(account, caller),
    action: call.action,
    resource: call.resource,
    resourceAccount,
    context: buildContext(account, caller, call, resourceAccount),
  };
}
