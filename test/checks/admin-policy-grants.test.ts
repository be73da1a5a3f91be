import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/admin-policy-grants.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { decideRaw, userPolicies } from '../../src/checks/universe/index.js';
import type { Account } from '../../src/model/types.js';
import { account, doc, event, group, managed, user, withActivity } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const star = managed('EverythingPolicy', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
const sneaky = managed('Sneaky', doc({ Effect: 'Allow', NotAction: 'iamsim:NoSuchAction', Resource: '*' }));
const almost = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
const used = [
  event('2026-03-01T10:00:00Z', 'GetObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/q1.csv' }),
  event('2026-03-02T10:00:00Z', 'PutObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/q2.csv' }),
  event('2026-03-02T11:00:00Z', 'DescribeInstances', { user: 'alice', source: 'ec2.amazonaws.com', resource: '*' }),
  event('2026-03-03T11:00:00Z', 'DeleteBucket', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports', error: 'AccessDenied' }),
];
const aliceAdmin = withActivity(account({ users: [user('alice', { attachedPolicies: [star.arn] })], policies: [star] }), used);
const can = (a: Account, action: string, resource: string): string => {
  const pp = userPolicies(a, a.users['alice']!);
  return decideRaw({ principal: pp.principal, action, resource, context: { ...pp.fixed, 'aws:SourceIp': '203.0.113.10', 'aws:CurrentTime': NOW } }, pp.set);
};

runCaseTable(check, {
  valid: [
    { name: 'AWS managed AdministratorAccess is practice 4 territory, not this check', now: NOW, account: account({ users: [user('ops', { attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] })] }) },
    { name: 'everything but IAM is not full admin', now: NOW, account: account({ users: [user('dev', { inlinePolicies: { almost } })] }) },
    { name: 'a scoped policy', now: NOW, account: account({ users: [user('dev', { inlinePolicies: { s3: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } })] }) },
  ],
  invalid: [
    {
      name: 'an attached *:* policy is replaced by what the activity used, proven safe',
      now: NOW,
      account: aliceAdmin,
      reports: [{ messageId: 'fullAdmin', resource: 'alice', data: { policy: 'EverythingPolicy' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => {
        expect(a.users['alice']?.attachedPolicies).toEqual([]);
        expect(a.users['alice']?.inlinePolicies['least-privilege-from-activity']).toEqual(doc(
          { Sid: 'Used1', Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' },
          { Sid: 'Used2', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/q1.csv' },
          { Sid: 'Used3', Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::reports/q2.csv' },
        ));
        expect(can(a, 's3:GetObject', 'arn:aws:s3:::reports/q1.csv')).toBe('Allow');
        expect(can(a, 'iam:CreateUser', 'arn:aws:iam::111122223333:user/x')).toBe('ImplicitDeny');
      },
    },
    {
      name: 'admin by NotAction of a non-existent action, unattached, in a group and inline',
      now: NOW,
      account: account({
        users: [user('bob', { inlinePolicies: { everything: doc({ Effect: 'Allow', Action: ['*'], Resource: ['*'] }) } })],
        groups: [group('admins', { attachedPolicies: [sneaky.arn] })],
        policies: [sneaky, managed('Unused', doc({ Effect: 'Allow', Action: '*:*', Resource: '*' }))],
      }),
      reports: [
        { messageId: 'fullAdmin', resource: 'bob', data: { policy: 'inline everything' }, suggestions: 1 },
        { messageId: 'fullAdmin', resource: 'admins', data: { holderKind: 'group', policy: 'Sneaky' }, suggestions: 0 },
        { messageId: 'unattachedAdmin', data: { policy: 'Unused' }, suggestions: 0 },
      ],
    },
  ],
}, hooks);

describe('admin-policy-grants suggestion', () => {
  it('states the proof: requests compared, requests covered', () => {
    const r = check.detect({ account: aliceAdmin, now: NOW, options: { activityDays: 90 } });
    expect(r[0]?.suggestions?.[0]?.data).toMatchObject({ generated: 'least-privilege-from-activity', statements: 3, used: 3, days: 90 });
    expect(Number(r[0]?.suggestions?.[0]?.data?.['universe'])).toBeGreaterThan(3);
  });
});
