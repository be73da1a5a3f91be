import { describe, expect, it } from 'vitest';
import { request } from '../../src/model/request.js';
import { gatherPolicies, type GatheredPolicies } from '../../src/model/policies-for.js';
import { isRejection, resolveCaller, type CallPrincipal } from '../../src/model/request-context.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import { referenceEvaluate } from '../reference/index.js';
import type { Account } from '../../src/model/types.js';
import { ACCOUNT_ID, deepFreeze, fixture, NOW, orgFixture } from './request-fixture.js';

/** The gathered documents in the reference evaluator's raw shape. */
function raw(g: GatheredPolicies): RawPolicySet {
  return {
    identity: g.identity.map((p) => p.document),
    ...(g.resource !== null ? { resource: g.resource.document } : {}),
    ...(g.resourceMustAllow ? { resourceMustAllow: true } : {}),
    ...(g.boundary !== null ? { boundary: g.boundary.document } : {}),
    ...(g.session !== null ? { session: g.session.map((p) => p.document) } : {}),
    ...(g.scp !== null ? { scp: g.scp.map((l) => l.map((p) => p.document)) } : {}),
    ...(g.rcp !== null ? { rcp: g.rcp.map((l) => l.map((p) => p.document)) } : {}),
  };
}

const principals: CallPrincipal[] = [
  { kind: 'user', user: 'alice', via: 'access-key' },
  { kind: 'user', user: 'alice', via: 'console', mfa: true },
  { kind: 'user', user: 'bob', via: 'access-key' },
  { kind: 'user', user: 'carol', via: 'console' },
  { kind: 'root', via: 'console' },
  { kind: 'session', sessionId: 'sess-admin' },
  { kind: 'instance', instanceId: 'i-0abc' },
];
const targets: [string, string][] = [
  ['s3:GetObject', 'arn:aws:s3:::data-bucket/a/b'],
  ['s3:PutObject', 'arn:aws:s3:::data-bucket/a/b'],
  ['s3:DeleteBucket', 'arn:aws:s3:::data-bucket'],
  ['iam:CreateUser', `arn:aws:iam::${ACCOUNT_ID}:user/new`],
  ['iam:ListUsers', '*'],
  ['ec2:RunInstances', '*'],
  ['ec2:DescribeInstances', '*'],
  ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT_ID}:role/admin-role`],
  ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT_ID}:role/app-role`],
  ['kms:Decrypt', `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234`],
  ['sqs:SendMessage', 'arn:aws:sqs:us-east-1:444455556666:q'],
];
/** The fixture with a bucket policy (grants to a user ARN and a role ARN, a TLS Deny) and a KMS key policy (delegates to the account). */
function withResourcePolicies(a: Account): Account {
  return deepFreeze({
    ...a,
    resources: {
      ...a.resources,
      'arn:aws:s3:::data-bucket': {
        arn: 'arn:aws:s3:::data-bucket',
        tags: { env: 'prod' },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'AlicePut', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:user/alice` }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::data-bucket/*' },
            { Sid: 'AppRoleDelete', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:role/app-role` }, Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::data-bucket' },
            { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data-bucket', 'arn:aws:s3:::data-bucket/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          ],
        },
      },
      [`arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234`]: {
        arn: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/1234`,
        tags: {},
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'kms:*', Resource: '*' }] },
      },
    },
  });
}

const accounts = [
  fixture(), orgFixture(), orgFixture({ scpDeny: ['iam:*', 'ec2:Run*'] }), orgFixture({ management: true }),
  withResourcePolicies(fixture()), withResourcePolicies(orgFixture()),
];

describe('MATCHES-REFERENCE: request() decides as the reference evaluator does on the gathered policies', () => {
  it.each(accounts.map((a, i) => [i, a] as const))('account variant %i: every principal × target × secure transport', (_i, account) => {
    let checked = 0;
    const seen = new Set<string>();
    for (const principal of principals) {
      for (const [action, resource] of targets) {
        for (const tls of [true, false]) {
          const call = { principal, action, resource, sourceIp: '203.0.113.5', at: NOW, secureTransport: tls };
          const out = request(account, call);
          const caller = resolveCaller(account, principal, NOW);
          if (isRejection(caller)) throw new Error(caller.detail);
          const expected = referenceEvaluate(out.request!, raw(gatherPolicies(account, caller, action, resource)));
          expect(out.decision.effect, `${JSON.stringify(principal)} ${action} ${resource} tls=${tls}`).toBe(expected);
          checked++;
          seen.add(`${out.decision.effect}/${out.decision.decidedBy}`);
        }
      }
    }
    expect(checked).toBe(principals.length * targets.length * 2);
    expect(seen.has('Allow/identity') && seen.has('ImplicitDeny/null')).toBe(true);
    if (account.organization !== null && account.organization.managementAccountId !== ACCOUNT_ID) expect(seen.has('ExplicitDeny/scp')).toBe(true);
    if (account.resources['arn:aws:s3:::data-bucket']?.policy) {
      expect(seen.has('ExplicitDeny/resource')).toBe(true);
      expect(seen.has('Allow/resource')).toBe(true);
    }
  });
});
