import { Map as IMap } from 'immutable';
import check from '../../src/checks/rules/unused-services.js';
import { runCaseTable } from '../../src/checks/tester.js';
import type { Account, ServiceLastAccessed } from '../../src/model/types.js';
import { account, doc, event, group, user, withActivity } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-06-01T00:00:00Z';
const ARN = 'arn:aws:iam::111122223333:user/alice';
const rec = (ns: string, at: string, tracked?: Record<string, string>): ServiceLastAccessed => ({
  ServiceNamespace: ns, LastAuthenticated: at, LastAuthenticatedEntity: ARN, LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1,
  ...(tracked ? { TrackedActionsLastAccessed: tracked } : {}),
});
const withAdvisor = (a: Account, records: ServiceLastAccessed[]): Account => ({
  ...a, usage: { ...a.usage, services: IMap([[ARN, IMap(records.map((r) => [r.ServiceNamespace, r] as const))]]) },
});
const s3AndEc2 = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'ec2:DescribeInstances'], Resource: '*' });
const getOnly = [event('2026-05-20T10:00:00Z', 'GetObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' })];

runCaseTable(check, {
  valid: [
    { name: 'everything granted was used recently', now: NOW, account: withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: s3AndEc2 } })] }), [rec('s3', '2026-05-20T10:00:00Z'), rec('ec2', '2026-05-01T00:00:00Z')]) },
    { name: 'a principal younger than the window is not judged', now: NOW, account: account({ users: [user('alice', { created: '2026-05-01T00:00:00Z', inlinePolicies: { p: s3AndEc2 } })] }) },
    { name: 'a principal with no permissions', now: NOW, account: account({ users: [user('alice')] }) },
  ],
  invalid: [
    {
      name: 'EC2 unused for the window, S3 PutObject never used: replaced by what was used',
      now: NOW,
      account: withActivity(withAdvisor(account({ users: [user('alice', { inlinePolicies: { p: s3AndEc2 } })] }), [rec('s3', '2026-05-20T10:00:00Z', { GetObject: '2026-05-20T10:00:00Z' }), rec('ec2', '2026-01-01T00:00:00Z')]), getOnly),
      reports: [
        { messageId: 'unusedServices', resource: 'alice', data: { count: 1, services: 'ec2' }, suggestions: 1 },
        { messageId: 'unusedActions', resource: 'alice', data: { count: 1, actions: 's3:PutObject' }, suggestions: 0 },
      ],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { alice: { inlinePolicies: { p: undefined, 'least-privilege-from-activity': doc({ Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/a.csv' }) } } } },
    },
    {
      name: 'permissions held only through a group: reported, no replacement to suggest',
      now: NOW,
      account: account({ users: [user('alice', { groups: ['g'] })], groups: [group('g', { inlinePolicies: { p: s3AndEc2 } })] }),
      reports: [{ messageId: 'unusedServices', data: { count: 2, services: 'ec2, s3' }, suggestions: 0 }],
    },
  ],
}, hooks);
