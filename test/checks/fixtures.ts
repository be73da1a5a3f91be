/** Small builders for hand-written check cases: plain account data, no operations, so each case says exactly what it holds. */
import { List, Map as IMap } from 'immutable';
import { emptyAccount } from '../../src/model/empty-account.js';
import type { AccessKey, Account, CloudTrailEvent, Group, Instant, LoginProfile, MfaDevice, PasswordPolicy, User } from '../../src/model/types.js';
import { ROOT } from '../../src/model/types.js';

export const ACCOUNT_ID = '111122223333';
export const NOW: Instant = '2026-06-01T00:00:00Z';
export const LONG_AGO: Instant = '2025-01-01T00:00:00Z';
export const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** `days` before NOW. */
export const daysAgo = (days: number, from: Instant = NOW): Instant => new Date(Date.parse(from) - days * 86_400_000).toISOString().replace('.000Z', 'Z');

export const strongPassword = { length: 20, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false };

export function loginProfile(extra: Partial<LoginProfile> = {}): LoginProfile {
  return { created: LONG_AGO, passwordLastChanged: LONG_AGO, passwordResetRequired: false, password: strongPassword, ...extra };
}

export const key = (id: string, created: Instant = LONG_AGO, status: AccessKey['status'] = 'Active'): AccessKey => ({ id, status, created });

export const mfa = (name: string, kind: MfaDevice['kind'] = 'virtual'): MfaDevice => ({ serial: `arn:aws:iam::${ACCOUNT_ID}:mfa/${name}`, kind, enabled: LONG_AGO });

let seq = 0;
export function user(name: string, extra: Partial<User> = {}): User {
  seq++;
  return {
    name, path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`, id: `AIDA${String(seq).padStart(17, '0')}`, created: LONG_AGO,
    attachedPolicies: [], inlinePolicies: {}, tags: {}, loginProfile: null, mfa: [], accessKeys: [], groups: [], boundary: null, ...extra,
  };
}

export function group(name: string, extra: Partial<Group> = {}): Group {
  return { name, path: '/', arn: `arn:aws:iam::${ACCOUNT_ID}:group/${name}`, id: `AGPA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`, created: LONG_AGO, attachedPolicies: [], inlinePolicies: {}, ...extra };
}

export const STRONG_POLICY: PasswordPolicy = {
  MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false,
};

/** Account-building options. */
export interface Spec {
  readonly users?: readonly User[];
  readonly groups?: readonly Group[];
  readonly root?: Partial<Account['root']>;
  readonly passwordPolicy?: PasswordPolicy | null;
  /** Access key id → last used. */
  readonly keyUse?: Readonly<Record<string, Instant>>;
  /** User name (or ROOT) → password last used. */
  readonly passwordUse?: Readonly<Record<string, Instant>>;
  readonly events?: readonly CloudTrailEvent[];
  readonly extra?: Partial<Account>;
}

/** An account: by default root has a hardware MFA device and a strong password policy is set, so only what a case adds is wrong. */
export function account(spec: Spec = {}): Account {
  const a = emptyAccount(ACCOUNT_ID, LONG_AGO);
  return {
    ...a,
    root: { ...a.root, mfa: [mfa('root-account-mfa-device', 'hardware')], ...spec.root },
    users: Object.fromEntries((spec.users ?? []).map((u) => [u.name, u])),
    groups: Object.fromEntries((spec.groups ?? []).map((g) => [g.name, g])),
    passwordPolicy: spec.passwordPolicy === undefined ? STRONG_POLICY : spec.passwordPolicy,
    usage: {
      ...a.usage,
      accessKeys: IMap(Object.entries(spec.keyUse ?? {}).map(([k, d]) => [k, { date: d, service: 's3', region: 'us-east-1' }])),
      passwords: IMap(Object.entries(spec.passwordUse ?? {})),
    },
    activity: List(spec.events ?? []),
    ...spec.extra,
  };
}

let ev = 0;
/** A CloudTrail event by a user (console unless `accessKeyId` is an AKIA key), or by root with `who: ROOT`. */
export function event(who: string, at: Instant, o: { name?: string; source?: string; ip?: string; agent?: string; accessKeyId?: string; type?: CloudTrailEvent['eventType'] } = {}): CloudTrailEvent {
  ev++;
  const root = who === ROOT;
  const name = o.name ?? 'ListBuckets';
  return {
    eventVersion: '1.08',
    eventID: `00000000-0000-4000-8000-${String(ev).padStart(12, '0')}`,
    eventTime: at,
    eventSource: o.source ?? (name === 'ConsoleLogin' ? 'signin.amazonaws.com' : 's3.amazonaws.com'),
    eventName: name,
    eventType: o.type ?? (name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall'),
    awsRegion: 'us-east-1',
    sourceIPAddress: o.ip ?? '198.51.100.1',
    userAgent: o.agent ?? 'aws-cli/2.15.0',
    userIdentity: root
      ? { type: 'Root', principalId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root`, accountId: ACCOUNT_ID, ...(o.accessKeyId ? { accessKeyId: o.accessKeyId } : {}) }
      : { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::${ACCOUNT_ID}:user/${who}`, accountId: ACCOUNT_ID, userName: who, ...(o.accessKeyId ? { accessKeyId: o.accessKeyId } : {}) },
    ...(name === 'ConsoleLogin' ? { responseElements: { ConsoleLogin: 'Success' } } : {}),
    recipientAccountId: ACCOUNT_ID,
  };
}

export { ROOT };
