/**
 * Messy accounts with known violations, for the shared check properties: users with old, unused or doubled keys,
 * console passwords without MFA or unused, weak and common passwords, generic names, admin and full-IAM grants
 * through groups, direct attachments and inline policies; root keys and missing or virtual-only root MFA; weak or
 * missing password policies; root activity, shared logins from many IPs and overlapping console sessions.
 * Built from plain data with fc.record/map (no filter), every instant a whole number of days before NOW.
 */
import fc from 'fast-check';
import { List, Map as IMap } from 'immutable';
import { emptyAccount } from '../../src/model/empty-account.js';
import type { AccessKey, Account, CloudTrailEvent, Group, PasswordPolicy, User } from '../../src/model/types.js';
import { ROOT } from '../../src/model/types.js';

export const ARB_ACCOUNT_ID = '210987654321';
/** The instant every generated account is audited at. */
export const ARB_NOW = '2026-06-01T00:00:00Z';
const DAY = 86_400_000;
const ago = (days: number, minutes = 0): string => new Date(Date.parse(ARB_NOW) - days * DAY + minutes * 60_000).toISOString().replace('.000Z', 'Z');

const NAMES = ['alice', 'bob', 'carol', 'dan', 'admin', 'team', 'shared-ops', 'test1', 'erin', 'frank'] as const;
const MANAGED = ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/IAMFullAccess', 'arn:aws:iam::aws:policy/AmazonS3FullAccess'];
const GROUPS: Record<string, readonly string[]> = {
  devs: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  admins: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  storage: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'],
};
const INLINE = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::data/*' },
    { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
  ],
};

const keySpec = fc.record({ createdDaysAgo: fc.integer({ min: 1, max: 400 }), active: fc.boolean(), usedDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) });
const passwordSpec = fc.record({
  length: fc.integer({ min: 6, max: 24 }),
  upper: fc.boolean(), lower: fc.boolean(), numbers: fc.boolean(), symbols: fc.boolean(), common: fc.boolean(), dictionary: fc.boolean(),
});
const userSpec = fc.record({
  createdDaysAgo: fc.integer({ min: 1, max: 500 }),
  login: fc.option(fc.record({ createdDaysAgo: fc.integer({ min: 1, max: 400 }), usedDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), password: passwordSpec, reset: fc.boolean() }), { nil: undefined }),
  mfa: fc.constantFrom('none', 'virtual', 'hardware'),
  keys: fc.array(keySpec, { maxLength: 2 }),
  groups: fc.subarray(Object.keys(GROUPS)),
  managed: fc.subarray(MANAGED, { maxLength: 2 }),
  inline: fc.boolean(),
  /** Activity: console logins from this many distinct IPs over the last month, some overlapping. */
  ips: fc.integer({ min: 0, max: 7 }),
  overlap: fc.boolean(),
});
const policySpec = fc.option(
  fc.record({
    MinimumPasswordLength: fc.integer({ min: 6, max: 20 }),
    RequireSymbols: fc.boolean(), RequireNumbers: fc.boolean(), RequireUppercaseCharacters: fc.boolean(), RequireLowercaseCharacters: fc.boolean(),
    AllowUsersToChangePassword: fc.boolean(),
    MaxPasswordAge: fc.option(fc.integer({ min: 30, max: 365 }), { nil: undefined }),
    PasswordReusePrevention: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    HardExpiry: fc.boolean(),
  }),
  { nil: null },
);

/** The generated description, kept so failures print readably. */
export const accountSpec = fc.record({
  users: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), userSpec), { maxLength: 6, selector: ([n]) => n }),
  rootKeys: fc.array(keySpec, { maxLength: 2 }),
  rootMfa: fc.constantFrom('none', 'virtual', 'hardware'),
  passwordPolicy: policySpec,
  rootEvents: fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('RunInstances', 'CreateUser', 'ListBuckets', 'EnableMFADevice', 'ConsoleLogin')), { maxLength: 4 }),
});

export type AccountSpec = typeof accountSpec extends fc.Arbitrary<infer T> ? T : never;

let eventSeq = 0;
function ev(who: string, at: string, name: string, ip: string, accessKeyId?: string): CloudTrailEvent {
  eventSeq++;
  const source = name === 'ConsoleLogin' ? 'signin.amazonaws.com' : name === 'RunInstances' ? 'ec2.amazonaws.com' : name === 'ListBuckets' ? 's3.amazonaws.com' : 'iam.amazonaws.com';
  return {
    eventVersion: '1.08', eventID: `e-${eventSeq}`, eventTime: at, eventSource: source, eventName: name,
    eventType: name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall', awsRegion: 'us-east-1', sourceIPAddress: ip, userAgent: `agent-${ip}`,
    userIdentity: who === ROOT
      ? { type: 'Root', principalId: ARB_ACCOUNT_ID, arn: `arn:aws:iam::${ARB_ACCOUNT_ID}:root`, accountId: ARB_ACCOUNT_ID }
      : { type: 'IAMUser', principalId: 'AIDA', arn: `arn:aws:iam::${ARB_ACCOUNT_ID}:user/${who}`, accountId: ARB_ACCOUNT_ID, userName: who, ...(accessKeyId ? { accessKeyId } : {}) },
    ...(name === 'ConsoleLogin' ? { responseElements: { ConsoleLogin: 'Success' } } : {}),
    recipientAccountId: ARB_ACCOUNT_ID,
  };
}

/** Builds the account a spec describes. */
export function buildAccount(spec: AccountSpec): Account {
  const base = emptyAccount(ARB_ACCOUNT_ID, ago(600));
  const keyUse: [string, { date: string }][] = [];
  const pwUse: [string, string][] = [];
  const events: CloudTrailEvent[] = [];
  let k = 0;
  const mkKeys = (owner: string, specs: AccountSpec['rootKeys']): AccessKey[] =>
    specs.map((s) => {
      k++;
      const id = `AKIA${owner.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(10, 'X').slice(0, 10)}${String(k).padStart(6, '0')}`;
      if (s.usedDaysAgo !== undefined) keyUse.push([id, { date: ago(Math.min(s.usedDaysAgo, s.createdDaysAgo)) }]);
      return { id, status: s.active ? 'Active' : 'Inactive', created: ago(s.createdDaysAgo) };
    });
  const users: Record<string, User> = {};
  for (const [i, [name, s]] of spec.users.entries()) {
    const keys = mkKeys(name, s.keys);
    if (s.login?.usedDaysAgo !== undefined) pwUse.push([name, ago(Math.min(s.login.usedDaysAgo, s.login.createdDaysAgo))]);
    users[name] = {
      name, path: '/', arn: `arn:aws:iam::${ARB_ACCOUNT_ID}:user/${name}`, id: `AIDA${String(i).padStart(17, '0')}`, created: ago(Math.max(s.createdDaysAgo, s.login?.createdDaysAgo ?? 0, ...s.keys.map((x) => x.createdDaysAgo))),
      attachedPolicies: s.managed, inlinePolicies: s.inline ? { app: INLINE } : {}, tags: {}, groups: s.groups, boundary: null,
      loginProfile: s.login === undefined ? null : { created: ago(s.login.createdDaysAgo), passwordLastChanged: ago(s.login.createdDaysAgo), passwordResetRequired: s.login.reset, password: s.login.password },
      mfa: s.mfa === 'none' ? [] : [{ serial: `arn:aws:iam::${ARB_ACCOUNT_ID}:mfa/${name}`, kind: s.mfa, enabled: ago(s.createdDaysAgo) }],
      accessKeys: keys,
    };
    if (s.login !== undefined) {
      for (let j = 0; j < s.ips; j++) {
        const day = 1 + j * 3;
        events.push(ev(name, ago(day), 'ConsoleLogin', `203.0.113.${10 + j}`));
        if (s.overlap && j > 0) events.push(ev(name, ago(day, 20), 'ConsoleLogin', `203.0.113.${10 + j - 1}`));
        events.push(ev(name, ago(day, 40), 'ListBuckets', `203.0.113.${10 + j}`));
      }
    }
    for (const key of keys) if (key.status === 'Active' && s.ips > 2) for (let j = 0; j < s.ips; j++) events.push(ev(name, ago(2 + j), 'ListBuckets', `198.51.100.${j + 1}`, key.id));
  }
  for (const [d, n] of spec.rootEvents) events.push(ev(ROOT, ago(d), n, '192.0.2.1'));
  events.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  const groups: Record<string, Group> = Object.fromEntries(
    Object.entries(GROUPS).map(([g, pols]) => [g, { name: g, path: '/', arn: `arn:aws:iam::${ARB_ACCOUNT_ID}:group/${g}`, id: `AGPA${g.toUpperCase().padEnd(17, 'X')}`, created: ago(600), attachedPolicies: pols, inlinePolicies: {} }]),
  );
  const pp = spec.passwordPolicy;
  const passwordPolicy: PasswordPolicy | null = pp === null ? null : {
    MinimumPasswordLength: pp.MinimumPasswordLength, RequireSymbols: pp.RequireSymbols, RequireNumbers: pp.RequireNumbers,
    RequireUppercaseCharacters: pp.RequireUppercaseCharacters, RequireLowercaseCharacters: pp.RequireLowercaseCharacters,
    AllowUsersToChangePassword: pp.AllowUsersToChangePassword, ExpirePasswords: pp.MaxPasswordAge !== undefined,
    ...(pp.MaxPasswordAge !== undefined ? { MaxPasswordAge: pp.MaxPasswordAge } : {}),
    ...(pp.PasswordReusePrevention !== undefined ? { PasswordReusePrevention: pp.PasswordReusePrevention } : {}),
    HardExpiry: pp.HardExpiry,
  };
  return {
    ...base,
    root: { ...base.root, accessKeys: mkKeys('root', spec.rootKeys), mfa: spec.rootMfa === 'none' ? [] : [{ serial: `arn:aws:iam::${ARB_ACCOUNT_ID}:mfa/root`, kind: spec.rootMfa, enabled: ago(500) }] },
    users, groups, passwordPolicy,
    usage: { ...base.usage, accessKeys: IMap(keyUse), passwords: IMap(pwUse) },
    activity: List(events),
    seq: 1000,
  };
}

/** Messy accounts. */
export const messyAccount: fc.Arbitrary<Account> = accountSpec.map(buildAccount);
