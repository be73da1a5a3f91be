import { describe, expect, it } from 'vitest';
import { authzRequest, buildContext, isRejection, resolveCaller, resourceAccountOf, resourcePolicyArn, type Call, type CallPrincipal } from '../../src/model/request-context.js';
import type { ContextValue } from '../../src/evaluator/types.js';
import { ACCOUNT_ID, fixture, NOW, orgFixture } from './request-fixture.js';

const BUCKET_OBJ = 'arn:aws:s3:::data-bucket/reports/q1.csv';

function contextFor(principal: CallPrincipal, over: Partial<Call> = {}, account = fixture()): Record<string, ContextValue> {
  const call: Call = { principal, action: 's3:GetObject', resource: BUCKET_OBJ, sourceIp: '203.0.113.5', at: NOW, ...over };
  const caller = resolveCaller(account, principal, NOW);
  if (isRejection(caller)) throw new Error(caller.detail);
  return buildContext(account, caller, call);
}

const ABSENT = Symbol('absent');
type Row = readonly [string, CallPrincipal, Readonly<Record<string, string | readonly string[] | typeof ABSENT>>];

const table: readonly Row[] = [
  ['IAM user, long-term access key', { kind: 'user', user: 'alice', via: 'access-key' }, {
    'aws:username': 'alice',
    'aws:userid': 'AIDAALICEXXXXXXXXXXX',
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:user/alice`,
    'aws:PrincipalType': 'User',
    'aws:MultiFactorAuthPresent': ABSENT,
    'aws:MultiFactorAuthAge': ABSENT,
    'aws:TokenIssueTime': ABSENT,
    'aws:PrincipalTag/team': 'blue',
  }],
  ['IAM user, console with MFA', { kind: 'user', user: 'alice', via: 'console', mfa: true, signedInAt: '2025-06-01T11:30:00Z' }, {
    'aws:username': 'alice',
    'aws:PrincipalType': 'User',
    'aws:MultiFactorAuthPresent': 'true',
    'aws:MultiFactorAuthAge': '1800',
    'aws:TokenIssueTime': '2025-06-01T11:30:00Z',
  }],
  ['IAM user, console without MFA', { kind: 'user', user: 'carol', via: 'console' }, {
    'aws:username': 'carol',
    'aws:MultiFactorAuthPresent': 'false',
    'aws:MultiFactorAuthAge': ABSENT,
    'aws:TokenIssueTime': NOW,
    'aws:PrincipalTag/team': ABSENT,
  }],
  ['IAM user claiming MFA without a device gets none', { kind: 'user', user: 'carol', via: 'console', mfa: true }, {
    'aws:MultiFactorAuthPresent': 'false',
    'aws:MultiFactorAuthAge': ABSENT,
  }],
  ['root, console', { kind: 'root', via: 'console' }, {
    'aws:username': ABSENT,
    'aws:userid': ACCOUNT_ID,
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:root`,
    'aws:PrincipalType': 'Account',
    'aws:MultiFactorAuthPresent': 'false',
    'aws:TokenIssueTime': NOW,
  }],
  ['role session from AssumeRole with MFA and session tags', { kind: 'session', sessionId: 'sess-admin' }, {
    'aws:username': ABSENT,
    'aws:userid': 'AROAADMINROLEXXXXXXX:alice-admin',
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:role/admin-role`,
    'aws:PrincipalType': 'AssumedRole',
    'aws:MultiFactorAuthPresent': 'true',
    'aws:MultiFactorAuthAge': '3600',
    'aws:TokenIssueTime': '2025-06-01T11:00:00Z',
    'aws:PrincipalTag/project': 'apollo',
    'aws:PrincipalTag/tier': 'admin',
    'ec2:SourceInstanceARN': ABSENT,
  }],
  ['EC2 instance role', { kind: 'instance', instanceId: 'i-0abc' }, {
    'aws:username': ABSENT,
    'aws:userid': 'AROAAPPROLEXXXXXXXXX:i-0abc',
    'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT_ID}:role/app-role`,
    'aws:PrincipalType': 'AssumedRole',
    'aws:MultiFactorAuthPresent': 'false',
    'aws:TokenIssueTime': NOW,
    'ec2:SourceInstanceARN': `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/i-0abc`,
  }],
  ['application on an instance using a user access key', { kind: 'instance', instanceId: 'i-0abc', application: 'legacy' }, {
    'aws:username': 'bob',
    'aws:PrincipalType': 'User',
    'aws:MultiFactorAuthPresent': ABSENT,
  }],
];

describe('request context per principal and credential', () => {
  it.each(table)('%s', (_name, principal, expected) => {
    const ctx = contextFor(principal);
    for (const [k, v] of Object.entries(expected)) {
      if (v === ABSENT) expect(ctx, k).not.toHaveProperty([k]);
      else expect(ctx[k], k).toEqual(v);
    }
  });

  it.each(table)('%s: the always-present keys are there', (_name, principal) => {
    const ctx = contextFor(principal);
    expect(ctx['aws:CurrentTime']).toBe(NOW);
    expect(ctx['aws:EpochTime']).toBe(String(Date.parse(NOW) / 1000));
    expect(ctx['aws:SourceIp']).toBe('203.0.113.5');
    expect(ctx['aws:SecureTransport']).toBe('true');
    expect(ctx['aws:RequestedRegion']).toBe('us-east-1');
    expect(ctx['aws:ViaAWSService']).toBe('false');
    expect(ctx['aws:PrincipalAccount']).toBe(ACCOUNT_ID);
    expect(typeof ctx['aws:userid']).toBe('string');
    expect(ctx['aws:PrincipalOrgID']).toBeUndefined();
  });
});

describe('request context: resource, region, transport, organization, extras', () => {
  it('S3 object requests carry the bucket tags as aws:ResourceTag/*', () => {
    const ctx = contextFor({ kind: 'user', user: 'bob', via: 'access-key' });
    expect(ctx['aws:ResourceTag/env']).toBe('prod');
    expect(ctx['aws:ResourceTag/owner']).toBe('data-team');
    expect(ctx['aws:ResourceAccount']).toBe(ACCOUNT_ID);
  });

  it('IAM roles and EC2 instances expose their tags as resource tags; untagged resources add none', () => {
    const role = contextFor({ kind: 'user', user: 'bob', via: 'access-key' }, { action: 'iam:GetRole', resource: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role` });
    expect(role['aws:ResourceTag/project']).toBe('zeus');
    const inst = contextFor({ kind: 'user', user: 'bob', via: 'access-key' }, { action: 'ec2:StopInstances', resource: `arn:aws:ec2:eu-west-1:${ACCOUNT_ID}:instance/i-0abc` });
    expect(inst['aws:ResourceTag/env']).toBe('prod');
    const none = contextFor({ kind: 'user', user: 'bob', via: 'access-key' }, { resource: 'arn:aws:s3:::other/x' });
    expect(Object.keys(none).some((k) => k.startsWith('aws:ResourceTag/'))).toBe(false);
  });

  it('region, secure transport and extra context are taken from the call; extras override', () => {
    const ctx = contextFor({ kind: 'user', user: 'bob', via: 'access-key' }, {
      region: 'eu-central-1', secureTransport: false, extraContext: { 's3:prefix': 'reports/', 'aws:SourceIp': '198.51.100.1' },
    });
    expect(ctx['aws:RequestedRegion']).toBe('eu-central-1');
    expect(ctx['aws:SecureTransport']).toBe('false');
    expect(ctx['s3:prefix']).toBe('reports/');
    expect(ctx['aws:SourceIp']).toBe('198.51.100.1');
  });

  it('global services request us-east-1 whatever region the caller names', () => {
    const p: CallPrincipal = { kind: 'user', user: 'bob', via: 'access-key' };
    expect(contextFor(p, { action: 'iam:ListUsers', resource: '*', region: 'eu-west-1' })['aws:RequestedRegion']).toBe('us-east-1');
    expect(contextFor(p, { action: 'ec2:DescribeInstances', resource: '*', region: 'eu-west-1' })['aws:RequestedRegion']).toBe('eu-west-1');
  });

  it('in an organization: PrincipalOrgID and PrincipalOrgPaths', () => {
    const ctx = contextFor({ kind: 'user', user: 'bob', via: 'access-key' }, {}, orgFixture());
    expect(ctx['aws:PrincipalOrgID']).toBe('o-abcdef1234');
    expect(ctx['aws:PrincipalOrgPaths']).toEqual(['o-abcdef1234/r-ab12/ou-ab12-11111111/']);
  });

  it('the evaluator principal: role sessions carry the session ARN and the role ARN', () => {
    const a = fixture();
    const call: Call = { principal: { kind: 'session', sessionId: 'sess-admin' }, action: 's3:GetObject', resource: BUCKET_OBJ, sourceIp: '203.0.113.5', at: NOW };
    const caller = resolveCaller(a, call.principal, NOW);
    if (isRejection(caller)) throw new Error('rejected');
    const req = authzRequest(a, caller, call);
    expect(req.principal).toEqual({
      kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/admin-role/alice-admin`, accountId: ACCOUNT_ID, roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role`,
    });
    expect(req.resourceAccount).toBe(ACCOUNT_ID);
  });

  it('resourceAccountOf: explicit, the ARN account field, else this account', () => {
    const a = fixture();
    expect(resourceAccountOf(a, 'arn:aws:sqs:us-east-1:444455556666:q')).toBe('444455556666');
    expect(resourceAccountOf(a, 'arn:aws:s3:::bucket/key')).toBe(ACCOUNT_ID);
    expect(resourceAccountOf(a, 'arn:aws:s3:::bucket', '444455556666')).toBe('444455556666');
    expect(resourceAccountOf(a, 'arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(ACCOUNT_ID);
    expect(resourceAccountOf(a, 'arn:aws:iam::444455556666:role/x')).toBe('444455556666');
    expect(resourceAccountOf(a, '*')).toBe(ACCOUNT_ID);
    expect(resourceAccountOf(a, 'arn:aws:ec2:us-east-1:444455556666')).toBe('444455556666');
  });

  it('resourcePolicyArn maps S3 objects to their bucket and leaves other ARNs alone', () => {
    expect(resourcePolicyArn('arn:aws:s3:::b/k/x')).toBe('arn:aws:s3:::b');
    expect(resourcePolicyArn('arn:aws:s3:::b')).toBe('arn:aws:s3:::b');
    expect(resourcePolicyArn('arn:aws:sqs:us-east-1:1:q')).toBe('arn:aws:sqs:us-east-1:1:q');
  });
});

describe('credentials AWS refuses before evaluating policies', () => {
  const cases: readonly [string, CallPrincipal, string][] = [
    ['inactive key', { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAALICE00000000002' }, 'inactive-access-key'],
    ['unknown key', { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIANOPE000000000000' }, 'unknown-access-key'],
    ["another user's key", { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIABOB0000000000001' }, 'unknown-access-key'],
    ['user without a login profile on the console', { kind: 'user', user: 'bob', via: 'console' }, 'no-login-profile'],
    ['unknown user', { kind: 'user', user: 'mallory', via: 'console' }, 'unknown-user'],
    ['user without keys', { kind: 'user', user: 'carol', via: 'access-key' }, 'no-access-key'],
    ['root without keys', { kind: 'root', via: 'access-key' }, 'no-access-key'],
    ['unknown session', { kind: 'session', sessionId: 'nope' }, 'unknown-session'],
    ['unknown instance', { kind: 'instance', instanceId: 'i-nope' }, 'unknown-instance'],
    ['unknown application', { kind: 'instance', instanceId: 'i-0abc', application: 'nope' }, 'unknown-application'],
  ];
  it.each(cases)('%s', (_n, principal, code) => {
    const r = resolveCaller(fixture(), principal, NOW);
    expect(isRejection(r) ? r.code : 'accepted').toBe(code);
  });

  it('an expired session is refused', () => {
    const r = resolveCaller(fixture(), { kind: 'session', sessionId: 'sess-admin' }, '2025-06-01T13:00:00Z');
    expect(isRejection(r) ? r.code : 'accepted').toBe('expired-session');
  });
});
