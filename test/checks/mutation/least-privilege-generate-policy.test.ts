/**
 * generateLeastPrivilege on hand-built policy sets and logged requests: which requests are covered, kept elsewhere
 * or not allowed now, how statements are grouped (by resource and by the allowing statement's Condition, compared
 * by content), and their order.
 */
import { describe, expect, it } from 'vitest';
import { generateLeastPrivilege } from '../../../src/checks/least-privilege/generate-policy.js';
import type { LoggedRequest } from '../../../src/checks/least-privilege/logged-requests.js';
import type { RawPolicySet } from '../../../src/evaluator/policy-set.js';
import { ACCOUNT_ID, doc, event } from '../universe-fixtures.js';

const U = `arn:aws:iam::${ACCOUNT_ID}:user/u`;
const E = event('2026-03-05T10:00:00Z', 'GetObject', { user: 'u' });
const req = (action: string, resource: string, context: Record<string, string> = {}): LoggedRequest => ({
  event: E,
  request: { principal: { kind: 'user', arn: U, accountId: ACCOUNT_ID }, action, resource, context: { 'aws:RequestedRegion': 'us-east-1', ...context } },
});
const A = 'arn:aws:s3:::bucket/a';
const B = 'arn:aws:s3:::bucket/b';
const C = 'arn:aws:s3:::bucket/c';
const S3_ALL = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const gen = (set: RawPolicySet, replaced: number[], logged: LoggedRequest[]) => generateLeastPrivilege(set, new Set(replaced), logged);

describe('generateLeastPrivilege', () => {
  it('one statement per resource, resources sorted, actions sorted and deduplicated', () => {
    const logged = [req('s3:PutObject', C), req('s3:GetObject', A), req('s3:PutObject', B), req('s3:GetObject', C), req('s3:DeleteObject', C), req('s3:GetObject', C)];
    const g = gen({ identity: [S3_ALL] }, [0], logged);
    expect(g.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: A },
        { Sid: 'Used2', Effect: 'Allow', Action: ['s3:PutObject'], Resource: B },
        { Sid: 'Used3', Effect: 'Allow', Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], Resource: C },
      ],
    });
    expect(g.covered).toEqual(logged);
    expect(g.keptElsewhere).toEqual([]);
    expect(g.notAllowedNow).toEqual([]);
  });

  it('no requests: an empty policy and three empty lists', () => {
    expect(gen({ identity: [S3_ALL] }, [0], [])).toEqual({ document: { Version: '2012-10-17', Statement: [] }, covered: [], keptElsewhere: [], notAllowedNow: [] });
    expect(gen({}, [], [req('s3:GetObject', A)])).toEqual({ document: { Version: '2012-10-17', Statement: [] }, covered: [], keptElsewhere: [], notAllowedNow: [req('s3:GetObject', A)] });
  });

  it('sorts out requests not allowed now and those a kept policy allows, also when a replaced one allows them too', () => {
    const set: RawPolicySet = { identity: [doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }), S3_ALL, doc({ Effect: 'Allow', Action: ['s3:GetObject', 'sns:Publish'], Resource: '*' })] };
    const get = req('s3:GetObject', A);
    const put = req('s3:PutObject', A);
    const send = req('sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:q');
    const publish = req('sns:Publish', 'arn:aws:sns:us-east-1:111122223333:t');
    const denied = req('ec2:RunInstances', '*');
    const g = gen(set, [1], [get, put, send, publish, denied]);
    expect(g.covered).toEqual([put]);
    expect(g.keptElsewhere).toEqual([get, send, publish]);
    expect(g.notAllowedNow).toEqual([denied]);
    expect(g.document['Statement']).toEqual([{ Sid: 'Used1', Effect: 'Allow', Action: ['s3:PutObject'], Resource: A }]);
  });

  it('a request a resource policy alone allows is kept elsewhere; a boundary that also allows does not stop coverage', () => {
    const resourcePolicy = doc({ Effect: 'Allow', Principal: { AWS: U }, Action: 's3:GetObject', Resource: A });
    const g = gen({ identity: [doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })], resource: resourcePolicy }, [0], [req('s3:GetObject', A)]);
    expect(g.keptElsewhere).toEqual([req('s3:GetObject', A)]);
    expect(g.covered).toEqual([]);
    const b = gen({ identity: [S3_ALL], boundary: S3_ALL }, [0], [req('s3:GetObject', A)]);
    expect(b.covered).toEqual([req('s3:GetObject', A)]);
    expect(b.keptElsewhere).toEqual([]);
  });

  it('reads the replaced policy\'s index from the statement reference (policy 1 of 2)', () => {
    const set: RawPolicySet = { identity: [doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }), S3_ALL] };
    const g = gen(set, [1], [req('s3:GetObject', A)]);
    expect(g.covered).toEqual([req('s3:GetObject', A)]);
    expect(g.keptElsewhere).toEqual([]);
  });

  it('carries the Condition of the allowing statement; statements with and without a Condition stay apart', () => {
    const set: RawPolicySet = { identity: [doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
    )] };
    const g = gen(set, [0], [req('s3:PutObject', A), req('s3:GetObject', A)]);
    expect(g.document['Statement']).toEqual([
      { Sid: 'Used1', Effect: 'Allow', Action: ['s3:PutObject'], Resource: A, Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      { Sid: 'Used2', Effect: 'Allow', Action: ['s3:GetObject'], Resource: A },
    ]);
  });

  it('Conditions equal up to key order share a statement; different values do not', () => {
    const c1 = { StringEquals: { 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'true' } };
    const c2 = { StringEquals: { 'aws:SecureTransport': 'true', 'aws:RequestedRegion': 'us-east-1' } };
    const c3 = { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } };
    const c4 = { StringEquals: { 'aws:RequestedRegion': ['us-east-1'] } };
    const set: RawPolicySet = { identity: [doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: c1 },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: c2 },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: c3 },
      { Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*', Condition: c4 },
    )] };
    const ctx = { 'aws:SecureTransport': 'true' };
    const g = gen(set, [0], [req('s3:GetObject', A, ctx), req('s3:PutObject', A, ctx), req('s3:ListBucket', A, { 'aws:RequestedRegion': 'eu-west-1' }), req('s3:DeleteObject', A)]);
    expect(g.document['Statement']).toEqual([
      { Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: A, Condition: c1 },
      { Sid: 'Used2', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: A, Condition: c3 },
      { Sid: 'Used3', Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: A, Condition: c4 },
    ]);
  });

  it('numeric Condition values [1, 2] and [12] are different Conditions', () => {
    const c1 = { NumericLessThanEqualsIfExists: { 'aws:MultiFactorAuthAge': [1, 2] } };
    const c2 = { NumericLessThanEqualsIfExists: { 'aws:MultiFactorAuthAge': [12] } };
    const set: RawPolicySet = { identity: [doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: c1 },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: c2 },
    )] };
    const g = gen(set, [0], [req('s3:GetObject', A), req('s3:PutObject', A)]);
    expect(g.document['Statement']).toEqual([
      { Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: A, Condition: c1 },
      { Sid: 'Used2', Effect: 'Allow', Action: ['s3:PutObject'], Resource: A, Condition: c2 },
    ]);
  });
});
