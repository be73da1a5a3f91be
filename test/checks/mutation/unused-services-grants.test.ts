/** unused-services: how granted actions are grouped and ordered, which contexts count, role principals, and the exact data of reports. */
import { Map as IMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import check, { grantedActions } from '../../../src/checks/rules/unused-services.js';
import type { Account, ServiceLastAccessed } from '../../../src/model/types.js';
import { account, doc, event, role, user, withActivity } from '../universe-fixtures.js';
import { findings, messages } from '../rules-b/render.js';

const NOW = '2026-06-01T00:00:00Z';
const rec = (ns: string, at: string, tracked?: Record<string, string>): ServiceLastAccessed => ({
  ServiceNamespace: ns, LastAuthenticated: at, LastAuthenticatedEntity: 'x', LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1,
  ...(tracked ? { TrackedActionsLastAccessed: tracked } : {}),
});
const withAdvisor = (a: Account, arn: string, records: ServiceLastAccessed[]): Account => ({
  ...a, usage: { ...a.usage, services: a.usage.services.set(arn, IMap(records.map((r) => [r.ServiceNamespace, r] as const))) },
});
const granted = (a: Account, name: string) => [...grantedActions(a, { kind: 'user', name })];

describe('grantedActions grouping and order', () => {
  it('services come in the order of their first action: s3-object-lambda:… sorts before s3:…', () => {
    const a = account({ users: [user('u1', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3-object-lambda:GetObject'], Resource: '*' }) } })] });
    expect(granted(a, 'u1')).toEqual([['s3-object-lambda', ['s3-object-lambda:GetObject']], ['s3', ['s3:GetObject']]]);
  });
  it('actions of one service from different classes are gathered under it, services sorted whatever the statement order', () => {
    const a = account({ users: [user('u2', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' },
    ) } })] });
    expect(granted(a, 'u2')).toEqual([['ec2', ['ec2:DescribeInstances']], ['s3', ['s3:GetObject', 's3:PutObject']], ['sqs', ['sqs:SendMessage']]]);
  });
  it('actions of one service are sorted across classes', () => {
    const a = account({ users: [user('u4', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::a/*' },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::a' },
    ) } })] });
    expect(granted(a, 'u4')).toEqual([['s3', ['s3:GetObject', 's3:ListBucket', 's3:PutObject']]]);
  });
  it('only the universe contexts count: an action allowed only without an always-present key is not granted', () => {
    const a = account({ users: [user('u3', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: { Null: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    ) } })] });
    expect(granted(a, 'u3')).toEqual([['s3', ['s3:GetObject']]]);
  });
});

describe('unused-services report data', () => {
  it('exactly eight unused services are all listed, with no "more"', () => {
    const eight = doc({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:DescribeInstances', 'iam:GetUser', 'sqs:SendMessage', 'sns:Publish', 'kms:Decrypt', 'lambda:InvokeFunction', 'dynamodb:GetItem'], Resource: '*' });
    expect(messages(check, account({ users: [user('alice', { inlinePolicies: { p: eight } })] }), NOW)).toEqual([
      'user alice may use 8 service(s) it has not used in 90 days: dynamodb, ec2, iam, kms, lambda, s3, sns, sqs',
    ]);
  });
  it('unused services are listed by name: s3 before s3-object-lambda', () => {
    const a = account({ users: [user('alice', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3-object-lambda:GetObject'], Resource: '*' }) } })] });
    expect(findings(check, a, NOW).map((f) => f.data)).toEqual([{ kind: 'user', name: 'alice', days: 90, count: 2, services: 's3, s3-object-lambda' }]);
  });
  it('unused tracked actions of several services come in one sorted list', () => {
    const arn = 'arn:aws:iam::111122223333:user/alice';
    const p = doc({ Effect: 'Allow', Action: ['sqs:SendMessage', 's3:PutObject', 's3:GetObject'], Resource: '*' });
    const a = withAdvisor(account({ users: [user('alice', { inlinePolicies: { p } })] }), arn, [rec('sqs', '2026-05-01T00:00:00Z', {}), rec('s3', '2026-05-01T00:00:00Z', {})]);
    expect(findings(check, a, NOW).map((f) => [f.messageId, f.data])).toEqual([['unusedActions', { kind: 'user', name: 'alice', days: 90, count: 3, actions: 's3:GetObject, s3:PutObject, sqs:SendMessage' }]]);
  });
  it('a role is looked up in Access Advisor by its ARN and reported on itself', () => {
    const arn = 'arn:aws:iam::111122223333:role/etl';
    const base = account({ roles: [role('etl', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:SendMessage'], Resource: '*' }) } })] });
    const f = findings(check, withAdvisor(base, arn, [rec('s3', '2026-05-01T00:00:00Z')]), NOW);
    expect(f.map((x) => [x.message, x.resource])).toEqual([['role etl may use 1 service(s) it has not used in 90 days: sqs', { kind: 'role', arn, name: 'etl' }]]);
    expect(findings(check, withAdvisor(base, arn, [rec('s3', '2026-05-01T00:00:00Z'), rec('sqs', '2026-05-01T00:00:00Z')]), NOW)).toEqual([]);
  });
  it('the replacement names every policy it replaces, comma-separated', () => {
    const a = withActivity(
      account({ users: [user('alice', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), q: doc({ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }) } })] }),
      [event('2026-05-20T10:00:00Z', 'GetObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' })],
    );
    const f = findings(check, a, NOW);
    expect(f.map((x) => x.data['services'])).toEqual(['ec2, s3']);
    expect(f[0]?.suggestions?.map((s) => s.message)).toEqual([expect.stringMatching(/^Replace inline p, inline q with least-privilege-from-activity \(1 statement\(s\) from 1 logged request\(s\)\);/)]);
  });
});
