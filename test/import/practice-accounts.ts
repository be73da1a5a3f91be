/**
 * Two model accounts for the export → import → audit tests, written as plain data: one breaking every best practice
 * (each line says which), and the same organisation with each violation fixed.
 */
import { List, Map as IMap } from 'immutable';
import { awsManagedPolicy } from '../../src/model/aws-managed.js';
import { emptyAccount } from '../../src/model/empty-account.js';
import type { Account, CloudTrailEvent, Instant, PasswordPolicy, User } from '../../src/model/types.js';
import { ROOT } from '../../src/model/types.js';

export const ID = '444455556666';
export const NOW: Instant = '2026-06-01T00:00:00Z';
const LONG_AGO: Instant = '2025-01-01T00:00:00Z';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const STRONG: PasswordPolicy = { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false };
const PASSWORD = { length: 20, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false };
const login = (at: Instant = LONG_AGO) => ({ created: at, passwordLastChanged: at, passwordResetRequired: false, password: PASSWORD });
const hw = (name: string) => [{ serial: `arn:aws:iam::${ID}:u2f/${name}`, kind: 'hardware' as const, enabled: LONG_AGO }];

let n = 0;
function user(name: string, extra: Partial<User> = {}): User {
  n++;
  return { name, path: '/', arn: `arn:aws:iam::${ID}:user/${name}`, id: `AIDA${String(n).padStart(17, '0')}`, created: LONG_AGO, attachedPolicies: [], inlinePolicies: {}, tags: {}, loginProfile: null, mfa: [], accessKeys: [], groups: [], boundary: null, ...extra };
}
const group = (name: string, policies: readonly string[]) => ({ name, path: '/', arn: `arn:aws:iam::${ID}:group/${name}`, id: `AGPA${name.toUpperCase().padEnd(17, 'X')}`, created: LONG_AGO, attachedPolicies: policies, inlinePolicies: {} });

let e = 0;
function event(who: string, at: Instant, name: string, source: string, o: { key?: string; ip?: string; mfa?: boolean } = {}): CloudTrailEvent {
  e++;
  const root = who === ROOT;
  return {
    eventVersion: '1.08', eventID: `00000000-0000-4000-8000-${String(e).padStart(12, '0')}`, eventTime: at, eventSource: source, eventName: name,
    eventType: name === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall', awsRegion: 'us-east-1', sourceIPAddress: o.ip ?? '203.0.113.10', userAgent: o.key ? 'aws-cli/2.15' : 'Mozilla/5.0',
    userIdentity: root
      ? { type: 'Root', principalId: ID, arn: `arn:aws:iam::${ID}:root`, accountId: ID, ...(o.key ? { accessKeyId: o.key } : {}) }
      : { type: 'IAMUser', principalId: `AIDA${who}`, arn: `arn:aws:iam::${ID}:user/${who}`, accountId: ID, userName: who, ...(o.key ? { accessKeyId: o.key } : {}) },
    ...(name === 'ConsoleLogin' ? { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: o.mfa ? 'Yes' : 'No' } } : {}),
    recipientAccountId: ID,
  };
}

function base(): Account {
  return emptyAccount(ID, LONG_AGO);
}

/** Every practice broken at least once (practice numbers from the AWS IAM best-practices list). */
export function violatingAccount(): Account {
  const a = base();
  const s3ReadDoc = awsManagedPolicy(S3_READ)!.document;
  const users = [
    // P3 generic name; P5 a policy attached to the user; P9 console without MFA; P11 key older than 90 days.
    user('admin', { attachedPolicies: [ADMIN], loginProfile: login(), accessKeys: [{ id: 'AKIAADMIN00000000001', status: 'Active', created: LONG_AGO }] }),
    // P11: password unused since October, two active keys, one never used.
    user('carol', { groups: ['admins'], loginProfile: login(), mfa: hw('carol'), accessKeys: [{ id: 'AKIACAROL00000000001', status: 'Active', created: '2026-04-01T00:00:00Z' }, { id: 'AKIACAROL00000000002', status: 'Active', created: LONG_AGO }] }),
    // P12: a contractor with broad access and no IP or date condition.
    user('dave', { groups: ['devs'], tags: { employment: 'contractor' } }),
    // P7: more than three principals hold permissions-management access (admin, carol, erin, frank).
    user('erin', { groups: ['admins'] }),
    user('frank', { groups: ['admins'] }),
  ];
  return {
    ...a,
    // P2: root without MFA and with an active access key; P1: root used for everyday work (events below).
    root: { ...a.root, accessKeys: [{ id: 'AKIAROOT000000000001', status: 'Active', created: LONG_AGO }] },
    users: Object.fromEntries(users.map((u) => [u.name, u])),
    groups: { admins: group('admins', [ADMIN]), devs: group('devs', ['arn:aws:iam::aws:policy/PowerUserAccess']) },
    // P4: a customer policy copying AmazonS3ReadOnlyAccess; P7: never reviewed.
    policies: {
      [`arn:aws:iam::${ID}:policy/s3-read`]: { arn: `arn:aws:iam::${ID}:policy/s3-read`, name: 's3-read', path: '/', id: 'ANPAS3READ0000000001', created: LONG_AGO, versions: [{ id: 'v1', document: s3ReadDoc, created: LONG_AGO }], defaultVersion: 'v1' },
    },
    roles: {
      reader: { name: 'reader', path: '/', arn: `arn:aws:iam::${ID}:role/reader`, id: 'AROAREADER0000000001', created: LONG_AGO, attachedPolicies: [`arn:aws:iam::${ID}:policy/s3-read`], inlinePolicies: {}, tags: {}, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ID}:root` }, Action: 'sts:AssumeRole' }] }, maxSessionDuration: 3600, boundary: null },
    },
    // P10: an instance with no instance profile.
    instances: { 'i-0abc': { id: 'i-0abc', region: 'us-east-1', launched: LONG_AGO, instanceProfile: null, applications: [], tags: {} } },
    // P8: no password policy.
    passwordPolicy: null,
    // P13: the only trail is single-region, unvalidated and stopped.
    trails: { main: { name: 'main', homeRegion: 'us-east-1', isMultiRegionTrail: false, logFileValidationEnabled: false, isLogging: false, s3BucketName: 'trail-logs' } },
    usage: {
      accessKeys: IMap({ AKIAADMIN00000000001: { date: '2026-05-30T10:00:00Z', service: 'iam', region: 'us-east-1' }, AKIACAROL00000000001: { date: '2026-05-29T10:00:00Z', service: 's3', region: 'us-east-1' }, AKIAROOT000000000001: { date: '2026-05-28T10:00:00Z', service: 's3', region: 'us-east-1' } }),
      passwords: IMap({ [ROOT]: '2026-05-27T10:00:00Z', admin: '2026-05-30T09:00:00Z', carol: '2025-10-01T09:00:00Z' }),
      roles: IMap(),
      // P6: erin holds AdministratorAccess and used only S3 this year.
      services: IMap({ [`arn:aws:iam::${ID}:user/erin`]: IMap({ s3: { ServiceNamespace: 's3', LastAuthenticated: '2026-05-20T00:00:00Z', LastAuthenticatedEntity: `arn:aws:iam::${ID}:user/erin`, LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1 } }) }),
    },
    activity: List([
      event(ROOT, '2026-05-27T10:00:00Z', 'ConsoleLogin', 'signin.amazonaws.com'),
      event(ROOT, '2026-05-27T10:05:00Z', 'CreateBucket', 's3.amazonaws.com'),
      event(ROOT, '2026-05-28T10:00:00Z', 'ListBuckets', 's3.amazonaws.com', { key: 'AKIAROOT000000000001' }),
      event('admin', '2026-05-30T09:00:00Z', 'ConsoleLogin', 'signin.amazonaws.com'),
      event('admin', '2026-05-30T10:00:00Z', 'ListUsers', 'iam.amazonaws.com', { key: 'AKIAADMIN00000000001' }),
      event('carol', '2026-05-29T10:00:00Z', 'ListBuckets', 's3.amazonaws.com', { key: 'AKIACAROL00000000001' }),
    ]),
  };
}

/** The same organisation with every violation fixed. */
export function fixedAccount(): Account {
  const a = base();
  const users = [
    user('alice', { groups: ['admins'], loginProfile: login('2026-04-01T00:00:00Z'), mfa: hw('alice') }),
    user('bob', { groups: ['readers'], loginProfile: login('2026-04-01T00:00:00Z'), mfa: hw('bob'), accessKeys: [{ id: 'AKIABOB0000000000001', status: 'Active', created: '2026-04-01T00:00:00Z' }] }),
  ];
  return {
    ...a,
    root: { ...a.root, mfa: hw('root-account-mfa-device') },
    users: Object.fromEntries(users.map((u) => [u.name, u])),
    groups: { admins: group('admins', [ADMIN]), readers: group('readers', [S3_READ]) },
    roles: {
      web: { name: 'web', path: '/', arn: `arn:aws:iam::${ID}:role/web`, id: 'AROAWEB0000000000001', created: LONG_AGO, attachedPolicies: [S3_READ], inlinePolicies: {}, tags: {}, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, maxSessionDuration: 3600, boundary: null },
    },
    instanceProfiles: { web: { name: 'web', arn: `arn:aws:iam::${ID}:instance-profile/web`, id: 'AIPAWEB0000000000001', created: LONG_AGO, roles: ['web'] } },
    instances: { 'i-0abc': { id: 'i-0abc', region: 'us-east-1', launched: LONG_AGO, instanceProfile: 'web', applications: [], tags: {} } },
    passwordPolicy: STRONG,
    trails: { main: { name: 'main', homeRegion: 'us-east-1', isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: true, s3BucketName: 'trail-logs' } },
    usage: {
      accessKeys: IMap({ AKIABOB0000000000001: { date: '2026-05-30T10:00:00Z', service: 's3', region: 'us-east-1' } }),
      passwords: IMap({ alice: '2026-05-30T09:00:00Z', bob: '2026-05-29T09:00:00Z' }),
      roles: IMap({ web: { date: '2026-05-30T00:00:00Z', region: 'us-east-1' } }),
      services: IMap([`arn:aws:iam::${ID}:user/bob`, `arn:aws:iam::${ID}:role/web`].map((arn) => [arn, IMap(['s3', 's3-object-lambda'].map((ns) => [ns, { ServiceNamespace: ns, LastAuthenticated: '2026-05-30T10:00:00Z', LastAuthenticatedEntity: arn, LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1 }]))])),
    },
    activity: List([
      event('alice', '2026-05-30T09:00:00Z', 'ConsoleLogin', 'signin.amazonaws.com', { mfa: true }),
      event('bob', '2026-05-29T09:00:00Z', 'ConsoleLogin', 'signin.amazonaws.com', { mfa: true }),
      event('bob', '2026-05-30T10:00:00Z', 'ListBuckets', 's3.amazonaws.com', { key: 'AKIABOB0000000000001' }),
    ]),
  };
}
