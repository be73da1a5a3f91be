import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/ec2-app-credentials.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { request } from '../../src/model/request.js';
import type { Account, Ec2Instance } from '../../src/model/types.js';
import { account, doc, event, role, user, withActivity } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const KEY = 'AKIAAPPKEY000000001';
const inst = (id: string, extra: Partial<Ec2Instance> = {}): Ec2Instance => ({ id, region: 'eu-west-1', launched: '2026-01-01T00:00:00Z', instanceProfile: null, applications: [], tags: {}, ...extra });
const svc = user('report-svc', {
  accessKeys: [{ id: KEY, status: 'Active', created: '2026-01-01T00:00:00Z' }],
  inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'sqs:*'], Resource: '*' }) },
});
const appOnKey = inst('i-0123456789abcdef0', { applications: [{ name: 'reporter', credential: { kind: 'access-key', user: 'report-svc', accessKeyId: KEY } }] });
const used = [
  event('2026-03-05T10:00:00Z', 'GetObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/in.csv', ip: '10.0.1.5' }),
  event('2026-03-05T10:01:00Z', 'PutObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/out.csv', ip: '10.0.1.5' }),
];
const withInstances = (a: Account, ...is: Ec2Instance[]): Account => ({ ...a, instances: Object.fromEntries(is.map((i) => [i.id, i])) });
const violating = withActivity(withInstances(account({ users: [svc] }), appOnKey), used);

const asApp = (a: Account, action: string, resource: string) =>
  request(a, { principal: { kind: 'instance', instanceId: 'i-0123456789abcdef0', application: 'reporter' }, action, resource, sourceIp: '10.0.1.5', at: NOW });

runCaseTable(check, {
  valid: [
    {
      name: 'an application on the instance role',
      now: NOW,
      account: { ...withInstances(account({ roles: [role('app-role')] }), inst('i-00000000000000001', { instanceProfile: 'app-profile', applications: [{ name: 'web', credential: { kind: 'instance-role' } }] })), instanceProfiles: { 'app-profile': { name: 'app-profile', arn: 'arn:aws:iam::111122223333:instance-profile/app-profile', id: 'AIPAX', created: NOW, roles: ['app-role'] } } },
    },
  ],
  invalid: [
    {
      name: 'an application on a user key moves to a role with what it used; the key is deactivated',
      now: NOW,
      account: violating,
      reports: [
        { messageId: 'noInstanceProfile', resource: 'i-0123456789abcdef0', suggestions: 0 },
        { messageId: 'appUsesUserKey', resource: 'i-0123456789abcdef0/reporter', data: { key: KEY, user: 'report-svc' }, suggestions: 1 },
      ],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => {
        expect(a.instances['i-0123456789abcdef0']?.instanceProfile).toBe('reporter-ec2');
        expect(a.instances['i-0123456789abcdef0']?.applications[0]?.credential).toEqual({ kind: 'instance-role' });
        expect(a.users['report-svc']?.accessKeys[0]?.status).toBe('Inactive');
        expect(a.roles['reporter-ec2']?.inlinePolicies['reporter-used-permissions']).toEqual(doc(
          { Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/in.csv' },
          { Sid: 'Used2', Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::reports/out.csv' },
        ));
        const r = asApp(a, 's3:GetObject', 'arn:aws:s3:::reports/in.csv');
        expect(r.outcome).toBe('allowed');
        expect(r.event?.userIdentity.type).toBe('AssumedRole');
        expect(asApp(a, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:q').outcome).toBe('denied');
      },
    },
  ],
}, hooks);

describe('ec2-app-credentials proof', () => {
  it('before the fix the application calls as the user; the suggestion states the replay', () => {
    expect(asApp(violating, 's3:GetObject', 'arn:aws:s3:::reports/in.csv').event?.userIdentity.type).toBe('IAMUser');
    const r = check.detect({ account: violating, now: NOW, options: { activityDays: 90 } });
    expect(r[1]?.suggestions?.[0]?.data).toMatchObject({ role: 'reporter-ec2', actions: 2, used: 2, allowed: 2 });
  });
});
