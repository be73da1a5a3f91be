/** unused-services: the window edges (principal age, service and action last use), how tracked actions are named, which principals count, and the text shown. */
import { Map as IMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import check, { grantedActions } from '../../../src/checks/rules/unused-services.js';
import type { Account, ServiceLastAccessed } from '../../../src/model/types.js';
import { account, doc, event, role, user, withActivity } from '../universe-fixtures.js';
import { findings, messages } from './render.js';

const NOW = '2026-06-01T00:00:00Z';
/** 90 days before NOW: the start of the default window. */
const FROM = '2026-03-03T00:00:00Z';
const JUST_BEFORE = '2026-03-02T23:59:59Z';
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const rec = (ns: string, at: string, tracked?: Record<string, string>): ServiceLastAccessed => ({
  ServiceNamespace: ns, LastAuthenticated: at, LastAuthenticatedEntity: ALICE, LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1,
  ...(tracked ? { TrackedActionsLastAccessed: tracked } : {}),
});
const withAdvisor = (a: Account, arn: string, records: ServiceLastAccessed[]): Account => ({
  ...a, usage: { ...a.usage, services: a.usage.services.set(arn, IMap(records.map((r) => [r.ServiceNamespace, r] as const))) },
});
const s3 = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' });
const s3AndEc2 = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'ec2:DescribeInstances'], Resource: '*' });
const alice = (extra: Parameters<typeof user>[1] = {}) => user('alice', { inlinePolicies: { p: s3AndEc2 }, ...extra });
const ids = (a: Account, o: Record<string, unknown> = {}) => findings(check, a, NOW, o).map((f) => `${f.messageId} ${f.resource.name} ${JSON.stringify(f.data['services'] ?? f.data['actions'])}`);

describe('grantedActions', () => {
  it('groups the allowed real actions by service, services in order, actions sorted', () => {
    const a = account({ users: [alice()] });
    expect([...grantedActions(a, { kind: 'user', name: 'alice' })]).toEqual([['ec2', ['ec2:DescribeInstances']], ['s3', ['s3:GetObject', 's3:PutObject']]]);
  });
  it('a principal with no identity policy, or that does not exist, is granted nothing', () => {
    const a = account({ users: [user('bare')] });
    expect(grantedActions(a, { kind: 'user', name: 'bare' }).size).toBe(0);
    expect(grantedActions(a, { kind: 'user', name: 'nobody' }).size).toBe(0);
  });
  it('an action allowed only under a condition still counts as granted', () => {
    const a = account({ users: [user('c', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) } })] });
    expect([...grantedActions(a, { kind: 'user', name: 'c' })]).toEqual([['sqs', ['sqs:SendMessage']]]);
  });
  it('an action denied everywhere is not granted', () => {
    const a = account({ users: [user('d', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['sqs:SendMessage', 'sns:Publish'], Resource: '*' }, { Effect: 'Deny', Action: 'sns:Publish', Resource: '*' }) } })] });
    expect([...grantedActions(a, { kind: 'user', name: 'd' })]).toEqual([['sqs', ['sqs:SendMessage']]]);
  });
});

describe('unused-services window edges', () => {
  it('a principal created exactly the window ago is judged; one created a second later is not', () => {
    expect(ids(account({ users: [alice({ created: FROM })] }))).toEqual(['unusedServices alice "ec2, s3"']);
    expect(ids(account({ users: [alice({ created: '2026-03-03T00:00:01Z' })] }))).toEqual([]);
  });
  it('a service last used exactly at the window start counts as used; a second earlier does not', () => {
    const base = account({ users: [user('alice', { inlinePolicies: { p: s3 } })] });
    expect(ids(withAdvisor(base, ALICE, [rec('s3', FROM)]))).toEqual([]);
    expect(ids(withAdvisor(base, ALICE, [rec('s3', JUST_BEFORE)]))).toEqual(['unusedServices alice "s3"']);
  });
  it('a granted service missing from Access Advisor data is unused', () => {
    expect(ids(withAdvisor(account({ users: [alice()] }), ALICE, [rec('s3', '2026-05-01T00:00:00Z')]))).toEqual(['unusedServices alice "ec2"']);
  });
  it('a tracked action last used exactly at the window start counts as used; a second earlier does not', () => {
    const base = account({ users: [user('alice', { inlinePolicies: { p: s3 } })] });
    expect(ids(withAdvisor(base, ALICE, [rec('s3', '2026-05-01T00:00:00Z', { GetObject: FROM, PutObject: FROM })]))).toEqual([]);
    expect(ids(withAdvisor(base, ALICE, [rec('s3', '2026-05-01T00:00:00Z', { GetObject: FROM, PutObject: JUST_BEFORE })]))).toEqual(['unusedActions alice "s3:PutObject"']);
  });
  it('tracked actions match by bare or prefixed name, in any case', () => {
    const base = account({ users: [user('alice', { inlinePolicies: { p: s3 } })] });
    expect(ids(withAdvisor(base, ALICE, [rec('s3', '2026-05-01T00:00:00Z', { 's3:getobject': '2026-05-01T00:00:00Z', PUTOBJECT: '2026-05-01T00:00:00Z' })]))).toEqual([]);
  });
  it('a used service without action tracking reports no unused actions', () => {
    expect(ids(withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: s3 } })] }), ALICE, [rec('s3', '2026-05-01T00:00:00Z')]))).toEqual([]);
  });
  it('a service unused for the window is reported as a service, not action by action', () => {
    const a = withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: s3 } })] }), ALICE, [rec('s3', '2026-01-01T00:00:00Z', { GetObject: '2026-01-01T00:00:00Z' })]);
    expect(ids(a)).toEqual(['unusedServices alice "s3"']);
  });
  it('the window length comes from unusedDays', () => {
    const a = withAdvisor(account({ users: [alice({ created: '2026-05-01T00:00:00Z' })] }), ALICE, [rec('s3', '2026-05-20T00:00:00Z'), rec('ec2', '2026-05-20T00:00:00Z')]);
    expect(messages(check, a, NOW, { unusedDays: 10 })).toEqual(['user alice may use 2 service(s) it has not used in 10 days: ec2, s3']);
    expect(messages(check, a, NOW, { unusedDays: 12 })).toEqual([]);
  });
});

describe('unused-services principals and messages', () => {
  it('roles are judged; service-linked roles are not', () => {
    const a = account({ roles: [role('etl', { inlinePolicies: { p: s3 } }), role('AWSServiceRoleForX', { serviceLinked: true, inlinePolicies: { p: s3 } })] });
    expect(messages(check, a, NOW)).toEqual(['role etl may use 1 service(s) it has not used in 90 days: s3']);
  });
  it('lists at most eight services and counts the rest', () => {
    const ten = doc({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:DescribeInstances', 'iam:GetUser', 'sqs:SendMessage', 'sns:Publish', 'kms:Decrypt', 'lambda:InvokeFunction', 'dynamodb:GetItem', 'logs:PutLogEvents', 'cloudwatch:GetMetricData'], Resource: '*' });
    expect(messages(check, account({ users: [user('alice', { inlinePolicies: { p: ten } })] }), NOW)).toEqual([
      'user alice may use 10 service(s) it has not used in 90 days: cloudwatch, dynamodb, ec2, iam, kms, lambda, logs, s3 and 2 more',
    ]);
  });
  it('lists at most eight unused actions and counts the rest', () => {
    const nine = ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketPolicy', 'PutBucketPolicy', 'GetObjectAcl', 'PutObjectAcl', 'GetBucketTagging'];
    const a = withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: nine.map((x) => `s3:${x}`), Resource: '*' }) } })] }), ALICE, [rec('s3', '2026-05-01T00:00:00Z', {})]);
    expect(messages(check, a, NOW)).toEqual([
      'user alice may use 9 tracked action(s) it has not used in 90 days: s3:DeleteObject, s3:GetBucketPolicy, s3:GetBucketTagging, s3:GetObject, s3:GetObjectAcl, s3:ListBucket, s3:PutBucketPolicy, s3:PutObject and 1 more',
    ]);
  });
  it('unused actions alone carry the replacement suggestion, with its proof summary', () => {
    const a = withActivity(
      withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: s3 } })] }), ALICE, [rec('s3', '2026-05-20T10:00:00Z', { GetObject: '2026-05-20T10:00:00Z' })]),
      [event('2026-05-20T10:00:00Z', 'GetObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' })],
    );
    const f = findings(check, a, NOW);
    expect(f.map((x) => x.message)).toEqual(['user alice may use 1 tracked action(s) it has not used in 90 days: s3:PutObject']);
    expect(f[0]?.suggestions?.map((s) => s.message)).toEqual([expect.stringMatching(/^Replace inline p with least-privilege-from-activity \(1 statement\(s\) from 1 logged request\(s\)\); proven: nothing logged breaks, nothing new is granted \(\d+ requests compared\)$/)]);
    expect(f[0]?.suggestions?.[0]?.fix).toEqual([
      { op: 'PutUserPolicy', input: { UserName: 'alice', PolicyName: 'least-privilege-from-activity', PolicyDocument: doc({ Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/a.csv' }) } },
      { op: 'DeleteUserPolicy', input: { UserName: 'alice', PolicyName: 'p' } },
    ]);
  });
});
