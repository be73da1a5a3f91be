/**
 * Random accounts for model tests: a random list of operation calls over small name pools, applied one by one
 * (calls that IAM would reject are skipped), plus random last-used data and activity.
 */
import fc from 'fast-check';
import { List, Map as IMap } from 'immutable';
import { applyOperation } from '../../src/model/apply.js';
import type { OperationCall } from '../../src/checks/types.js';
import type { Account, CloudTrailEvent } from '../../src/model/types.js';
import { base, EC2_TRUST, op, S3_READ, T0 } from './helpers.js';

const user = fc.constantFrom('alice', 'bob', 'carol');
const group = fc.constantFrom('devs', 'ops');
const role = fc.constantFrom('app', 'ci');
const policy = fc.constantFrom('p1', 'p2');
const arn = (p: string): string => `arn:aws:iam::123456789012:policy/${p}`;
const RO = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

/** One random call over the pools. */
export const callArb: fc.Arbitrary<OperationCall> = fc.oneof(
  user.map((u) => op('CreateUser', { UserName: u, Tags: { team: u } })),
  group.map((g) => op('CreateGroup', { GroupName: g })),
  role.map((r) => op('CreateRole', { RoleName: r, AssumeRolePolicyDocument: EC2_TRUST, Description: `role ${r}` })),
  policy.map((p) => op('CreatePolicy', { PolicyName: p, PolicyDocument: S3_READ })),
  user.map((u) => op('CreateAccessKey', { UserName: u })),
  user.map((u) => op('CreateLoginProfile', { UserName: u, Password: 'Winter2024!' })),
  user.map((u) => op('EnableMFADevice', { UserName: u, SerialNumber: `arn:aws:iam::123456789012:mfa/${u}` })),
  fc.tuple(user, group).map(([u, g]) => op('AddUserToGroup', { UserName: u, GroupName: g })),
  fc.tuple(user, fc.oneof(policy.map(arn), fc.constant(RO))).map(([u, p]) => op('AttachUserPolicy', { UserName: u, PolicyArn: p })),
  fc.tuple(role, policy).map(([r, p]) => op('AttachRolePolicy', { RoleName: r, PolicyArn: arn(p) })),
  fc.tuple(user, fc.constantFrom('a', 'b')).map(([u, n]) => op('PutUserPolicy', { UserName: u, PolicyName: n, PolicyDocument: S3_READ })),
  policy.map((p) => op('CreatePolicyVersion', { PolicyArn: arn(p), PolicyDocument: { ...S3_READ, Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }, SetAsDefault: true })),
  fc.constant(op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 8, MaxPasswordAge: 90 })),
  fc.constant(op('CreateRootAccessKey', {})),
  fc.constant(op('PlaceAccountInOrganization', { OrganizationalUnits: [{ Name: 'Prod' }] })),
  fc.constant(op('CreateTrail', { Name: 'main', S3BucketName: 'trail-logs' })),
  fc.constant(op('PutResourcePolicy', { ResourceArn: 'arn:aws:s3:::b', Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] } })),
  fc.constant(op('CreateInstanceProfile', { InstanceProfileName: 'web' })),
  fc.constant(op('RunInstances', { Applications: [{ Name: 'api' }] })),
  fc.constant(op('RegisterPerson', { PersonId: 'p1', Name: 'Ann' })),
);

/** Applies calls one by one, skipping rejected ones. */
export function applyLoosely(calls: readonly OperationCall[], start: Account = base()): Account {
  let a = start;
  calls.forEach((c, i) => {
    const r = applyOperation(a, c, new Date(Date.parse(T0) + i * 3_600_000).toISOString().replace('.000Z', 'Z'));
    if (r.ok) a = r.value;
  });
  return a;
}

const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 1000, max: Date.parse('2026-12-31T00:00:00Z') / 1000 }).map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'));

const eventArb: fc.Arbitrary<CloudTrailEvent> = fc.record({ t: instant, n: fc.constantFrom('GetObject', 'ListBuckets', 'ConsoleLogin'), i: fc.nat(1_000_000) }).map(({ t, n, i }) => ({
  eventVersion: '1.08',
  eventID: `ev-${i}`,
  eventTime: t,
  eventSource: n === 'ConsoleLogin' ? 'signin.amazonaws.com' : 's3.amazonaws.com',
  eventName: n,
  eventType: n === 'ConsoleLogin' ? 'AwsConsoleSignIn' : 'AwsApiCall',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.7',
  userAgent: 'aws-cli/2',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userName: 'alice' },
  requestParameters: n === 'GetObject' ? { bucketName: 'b', key: 'k' } : null,
  ...(n === 'ConsoleLogin' ? { additionalEventData: { MFAUsed: 'No' } } : {}),
  recipientAccountId: '123456789012',
}));

/** A random account, including last-used data and activity. */
export const accountArb: fc.Arbitrary<Account> = fc
  .record({
    calls: fc.array(callArb, { maxLength: 40 }),
    keyUse: fc.array(fc.tuple(fc.constantFrom('AKIAAAAAAAAAAAAAAAAA', 'AKIABBBBBBBBBBBBBBBB'), instant, fc.option(fc.constantFrom('s3', 'iam'), { nil: undefined })), { maxLength: 3 }),
    pw: fc.array(fc.tuple(fc.constantFrom('alice', '<root_account>'), instant), { maxLength: 2 }),
    svc: fc.array(fc.tuple(fc.constantFrom('arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:role/app'), fc.constantFrom('s3', 'ec2'), instant), { maxLength: 3 }),
    events: fc.array(eventArb, { maxLength: 5 }),
  })
  .map(({ calls, keyUse, pw, svc, events }) => {
    const a = applyLoosely(calls);
    let services = IMap<string, IMap<string, import('../../src/model/types.js').ServiceLastAccessed>>();
    for (const [p, ns, t] of svc) {
      services = services.setIn([p, ns], { ServiceNamespace: ns, LastAuthenticated: t, LastAuthenticatedEntity: p, LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1, TrackedActionsLastAccessed: { [`${ns}:Get`]: t } });
    }
    return {
      ...a,
      usage: {
        accessKeys: IMap(keyUse.map(([k, t, s]) => [k, { date: t, ...(s !== undefined ? { service: s, region: 'us-east-1' } : {}) }] as const)),
        passwords: IMap(pw),
        roles: IMap([['app', { date: T0, service: 'ec2', region: 'us-east-1' }]]),
        services,
      },
      activity: List(events),
    };
  });
