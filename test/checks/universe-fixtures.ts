/** Small account builders for part-2 check tests: plain objects in the model's shape, no operations needed. */
import { List } from 'immutable';
import { emptyAccount } from '../../src/model/empty-account.js';
import type { PolicyDocument } from '../../src/evaluator/types.js';
import type { Account, Group, ManagedPolicy, Role, User } from '../../src/model/types.js';

export const ACCOUNT_ID = '111122223333';
export const T0 = '2026-01-01T00:00:00Z';

/** A policy document from statements. */
export const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** A user with defaults. */
export function user(name: string, extra: Partial<User> = {}): User {
  return {
    name, path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`, id: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, created: T0,
    attachedPolicies: [], inlinePolicies: {}, tags: {}, loginProfile: null, mfa: [], accessKeys: [], groups: [], boundary: null, ...extra,
  };
}

/** A group with defaults. */
export function group(name: string, extra: Partial<Group> = {}): Group {
  return { name, path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:group/${name}`, id: `AGPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, created: T0, attachedPolicies: [], inlinePolicies: {}, ...extra };
}

/** A role with defaults (trusted by EC2). */
export function role(name: string, extra: Partial<Role> = {}): Role {
  return {
    name, path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`, id: `AROA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, created: T0,
    attachedPolicies: [], inlinePolicies: {}, tags: {}, maxSessionDuration: 3600, boundary: null,
    trustPolicy: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), ...extra,
  };
}

/** A customer managed policy with one version. */
export function managed(name: string, document: PolicyDocument, extra: Partial<ManagedPolicy> = {}): ManagedPolicy {
  return {
    arn: `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`, name, path: '/', id: `ANPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, created: T0,
    versions: [{ id: 'v1', document, created: T0 }], defaultVersion: 'v1', ...extra,
  };
}

/** An account holding these entities. */
export function account(parts: { users?: User[]; groups?: Group[]; roles?: Role[]; policies?: ManagedPolicy[] } = {}): Account {
  const a = emptyAccount(ACCOUNT_ID, T0);
  return {
    ...a,
    users: Object.fromEntries((parts.users ?? []).map((u) => [u.name, u])),
    groups: Object.fromEntries((parts.groups ?? []).map((g) => [g.name, g])),
    roles: Object.fromEntries((parts.roles ?? []).map((r) => [r.name, r])),
    policies: Object.fromEntries((parts.policies ?? []).map((p) => [p.arn, p])),
  };
}

let eventSeq = 0;
/** A CloudTrail event by an IAM user (or root with `user: null`). */
export function event(at: string, eventName: string, extra: {
  user?: string | null; key?: string; ip?: string; source?: string; error?: string; params?: Record<string, unknown>; mfa?: boolean; resource?: string;
} = {}): import('../../src/model/types.js').CloudTrailEvent {
  const user = extra.user === undefined ? 'alice' : extra.user;
  const signIn = eventName === 'ConsoleLogin';
  return {
    eventVersion: '1.09',
    eventID: `ev-${String(++eventSeq).padStart(6, '0')}`,
    eventTime: at,
    eventSource: extra.source ?? (signIn ? 'signin.amazonaws.com' : 'iam.amazonaws.com'),
    eventName,
    eventType: signIn ? 'AwsConsoleSignIn' : 'AwsApiCall',
    awsRegion: 'us-east-1',
    sourceIPAddress: extra.ip ?? '203.0.113.10',
    userAgent: 'aws-cli/2',
    userIdentity: user === null
      ? { type: 'Root', principalId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root`, accountId: ACCOUNT_ID }
      : { type: 'IAMUser', principalId: 'AIDAX', arn: `arn:aws:iam::${ACCOUNT_ID}:user/${user}`, accountId: ACCOUNT_ID, userName: user, ...(extra.key ? { accessKeyId: extra.key } : {}) },
    requestParameters: extra.params ?? null,
    responseElements: signIn ? { ConsoleLogin: extra.error ? 'Failure' : 'Success' } : null,
    ...(signIn ? { additionalEventData: { MFAUsed: extra.mfa ? 'Yes' : 'No' } } : {}),
    ...(extra.error && !signIn ? { errorCode: extra.error, errorMessage: 'denied' } : {}),
    recipientAccountId: ACCOUNT_ID,
    ...(extra.resource ? { iamsimResource: extra.resource } : {}),
  };
}

/** An account with this activity log (events in the order given). */
export function withActivity(a: import('../../src/model/types.js').Account, events: readonly import('../../src/model/types.js').CloudTrailEvent[]): import('../../src/model/types.js').Account {
  return { ...a, activity: List(events) };
}
