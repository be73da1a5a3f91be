/** The exact messages a person reads for each finding and suggestion of the rules access-key-rotation … overlapping-console-sessions. */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/run-checks.js';
import type { Account, Ec2Instance } from '../../../src/model/types.js';
import { account as acct, daysAgo, event as ev, key, loginProfile, NOW, user as u } from '../fixtures.js';
import { account, doc, event, managed, user, withActivity } from '../universe-fixtures.js';

/** Each finding as `message` followed by its suggestions' messages. */
function messages(a: Account, check: string, now: string = NOW, options: Readonly<Record<string, unknown>> = {}): string[][] {
  const run = runChecks(a, { now, checks: [check], options: { [check]: options } });
  expect(run.notEvaluated).toEqual([]);
  return run.findings.map((f) => [f.message, ...(f.suggestions ?? []).map((s) => s.message)]);
}

describe('rendered messages', () => {
  it('access-key-rotation: an old key and how to rotate it', () => {
    const a = acct({ users: [u('alice', { accessKeys: [key('AKIA1', daysAgo(120))] }), u('bob', { accessKeys: [key('AKIA2', daysAgo(95)), key('AKIA3', daysAgo(3))] })] });
    expect(messages(a, 'access-key-rotation')).toEqual([
      ['Access key AKIA1 of user alice is 120 days old (limit 90)', 'Create a new key for alice, switch its users over, then deactivate AKIA1'],
      ['Access key AKIA2 of user bob is 95 days old (limit 90)', 'Deactivate AKIA2 once the other key of bob has taken over'],
    ]);
  });

  it('multiple-active-access-keys: the keys, and the one to deactivate', () => {
    const a = acct({ users: [u('alice', { accessKeys: [key('AKIA1', daysAgo(20)), key('AKIA2', daysAgo(10))] })], keyUse: { AKIA1: daysAgo(1), AKIA2: daysAgo(2) } });
    expect(messages(a, 'multiple-active-access-keys')).toEqual([['User alice has 2 active access keys: AKIA1, AKIA2', 'Deactivate AKIA2, the key of alice used least recently']]);
  });

  it('inactive-user: idle and never-used users, and their deletion', () => {
    const a = acct({ users: [u('old', { created: daysAgo(400) }), u('idle', { created: daysAgo(400), accessKeys: [key('AKIA1')] })], keyUse: { AKIA1: daysAgo(100) } });
    expect(messages(a, 'inactive-user')).toEqual([
      ['User old was created 400 days ago and has never been used (limit 90)', 'Delete user old (its details stay recoverable from the change set)'],
      ['User idle has had no activity for 100 days (limit 90)', 'Delete user idle (its details stay recoverable from the change set)'],
    ]);
  });

  it('generic-user-name: a shared login and how to split it', () => {
    const a = acct({ users: [u('admin', { loginProfile: loginProfile() })] });
    expect(messages(a, 'generic-user-name')).toEqual([[
      'User admin has a generic name; it looks like a login shared by several people',
      'Create individual users with the same groups and managed policies as admin, then delete its console password',
    ]]);
  });

  it('console-user-without-mfa: console and key users', () => {
    const a = acct({ users: [u('alice', { loginProfile: loginProfile() }), u('svc', { accessKeys: [key('AKIA1'), key('AKIA2')] })] });
    expect(messages(a, 'console-user-without-mfa', NOW, { includeKeyUsers: true })).toEqual([
      ['User alice has a console password and no MFA device'],
      ['User svc has 2 active access key(s) and no MFA device'],
    ]);
  });

  it('no-iam-administrator: the account, and the group and user to create', () => {
    expect(messages(acct(), 'no-iam-administrator')).toEqual([[
      'Account 111122223333 has no IAM user or role with administrator access; the root user is the only administrator',
      'Create group Administrators with AdministratorAccess and user iam-admin in it',
    ]]);
  });

  it('overlapping-console-sessions: the overlaps and the users to create', () => {
    const at = (h: number): string => `2026-05-20T${String(h).padStart(2, '0')}:00:00Z`;
    const a = acct({
      users: [u('ops', { loginProfile: loginProfile() })],
      events: [ev('ops', at(9), { name: 'ConsoleLogin', ip: '198.51.100.1' }), ev('ops', at(10), { name: 'ConsoleLogin', ip: '203.0.113.5' }), ev('ops', at(11), { ip: '198.51.100.1' })],
    });
    expect(messages(a, 'overlapping-console-sessions')).toEqual([[
      'User ops had 1 overlapping console session(s) from different IPs in 90 days (198.51.100.1, 203.0.113.5)',
      'Create 2 individual user(s) with the same groups and managed policies as ops, then delete its console password',
    ]]);
  });

  it('cloudtrail-configuration: no trail, and each thing wrong with a trail', () => {
    expect(messages(account(), 'cloudtrail-configuration')).toEqual([['Account 111122223333 has no CloudTrail trail: API activity is not recorded']]);
    const trail = { name: 'main', homeRegion: 'eu-west-1', isMultiRegionTrail: false, logFileValidationEnabled: false, isLogging: false, s3BucketName: 'logs' };
    expect(messages({ ...account(), trails: { main: trail } }, 'cloudtrail-configuration')).toEqual([
      ['Trail main exists but is not logging'],
      ['Trail main records only eu-west-1; activity in other regions goes unrecorded'],
      ['Trail main has log-file validation off: its logs could be altered without detection'],
    ]);
  });

  it('admin-policy-grants: a holder, an unattached policy, and the replacement with its proof', () => {
    const star = managed('Everything', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const spare = managed('Spare', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const used = [event('2026-03-01T10:00:00Z', 'GetObject', { user: 'alice', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/q1.csv' })];
    const a = withActivity(account({ users: [user('alice', { attachedPolicies: [star.arn] })], policies: [star, spare] }), used);
    const m = messages(a, 'admin-policy-grants', '2026-03-10T12:00:00Z');
    expect(m.map((x) => x[0])).toEqual([
      'user alice holds Everything, which allows every action on every resource',
      'Customer managed policy Spare allows every action on every resource (attached to nobody yet)',
    ]);
    expect(m[0]?.[1]).toMatch(/^Replace Everything with \S+: 1 statement\(s\) covering the 1 request\(s\) logged in 90 days; proven: nothing logged breaks, nothing new is granted \(\d+ requests compared\)$/);
    expect(m[1]).toHaveLength(1);
  });

  it('ec2-app-credentials: an application on a key, an instance without a profile, and the move to a role', () => {
    const KEY = 'AKIAAPPKEY000000001';
    const svc = user('report-svc', { accessKeys: [{ id: KEY, status: 'Active', created: '2026-01-01T00:00:00Z' }], inlinePolicies: { p: doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }) } });
    const inst: Ec2Instance = { id: 'i-0123456789abcdef0', region: 'eu-west-1', launched: '2026-01-01T00:00:00Z', instanceProfile: null, applications: [{ name: 'reporter', credential: { kind: 'access-key', user: 'report-svc', accessKeyId: KEY } }], tags: {} };
    const used = [
      event('2026-03-05T10:00:00Z', 'GetObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/a.csv' }),
      event('2026-03-05T10:01:00Z', 'GetObject', { user: 'report-svc', key: KEY, source: 's3.amazonaws.com', resource: 'arn:aws:s3:::reports/b.csv' }),
    ];
    const a = withActivity({ ...account({ users: [svc] }), instances: { [inst.id]: inst } }, used);
    expect(messages(a, 'ec2-app-credentials', '2026-03-10T12:00:00Z')).toEqual([
      ['Instance i-0123456789abcdef0 has no instance profile: its applications cannot use a role'],
      [
        'Application reporter on i-0123456789abcdef0 calls AWS with access key AKIAAPPKEY000000001 of user report-svc',
        'Give reporter role reporter-ec2 with the 1 action(s) it used, switch it to the instance role and deactivate AKIAAPPKEY000000001; replayed: 2 of 2 logged request(s) still allowed as the role',
      ],
    ]);
  });

  it('activity-anomalies: every kind of anomaly and both containments', () => {
    const KEY = 'AKIALEAKED';
    const deployer = user('deployer', { accessKeys: [{ id: KEY, status: 'Active', created: '2026-01-01T00:00:00Z' }] });
    const base = Array.from({ length: 6 }, (_, i) => event(`2026-03-0${1 + i}T10:00:00Z`, 'ListUsers', { user: 'deployer', key: KEY }));
    const a = withActivity(account({ users: [deployer] }), [
      ...base,
      event('2026-03-08T10:00:00Z', 'ConsoleLogin', { user: null }),
      event('2026-03-08T10:05:00Z', 'ConsoleLogin', { user: 'deployer', ip: '192.0.2.99' }),
      ...Array.from({ length: 10 }, (_, i) => event(`2026-03-08T10:${String(10 + i)}:00Z`, 'GetUser', { user: 'deployer', key: KEY, error: 'AccessDenied' })),
      event('2026-03-09T03:12:00Z', 'CreateUser', { user: 'deployer', key: KEY, ip: '198.51.100.66', params: { userName: 'backup' } }),
    ]);
    const contain = 'Contain user deployer: deactivate the access key it used and attach AWSDenyAll';
    expect(messages(a, 'activity-anomalies', '2026-03-10T12:00:00Z')).toEqual([
      ['The root user was used 1 time(s) starting 2026-03-08T10:00:00Z: ConsoleLogin'],
      ['root signed in to the console without MFA at 2026-03-08T10:00:00Z from 203.0.113.10'],
      ['user deployer signed in to the console without MFA at 2026-03-08T10:05:00Z from 192.0.2.99', 'Contain user deployer: deactivate the access key it used and attach AWSDenyAll'],
      ['user deployer signed in at 2026-03-08T10:05:00Z from 192.0.2.99, an address never seen for it before (known: 203.0.113.10)', contain],
      ['user deployer was active at 2026-03-09T03:12:00Z (3h UTC), far from its usual hours (10h)', contain],
      ['user deployer was denied 10 times within 10 minutes starting 2026-03-08T10:10:00Z (GetUser)', contain],
      ['user deployer created user backup at 2026-03-09T03:12:00Z from 198.51.100.66', contain],
    ]);
  });
});
