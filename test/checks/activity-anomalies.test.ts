import { describe, expect, it } from 'vitest';
import check, { AWS_DENY_ALL } from '../../src/checks/rules/activity-anomalies.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { decideRaw } from '../../src/checks/universe/decide-raw.js';
import { userPolicies } from '../../src/checks/universe/principal-policies.js';
import type { Account } from '../../src/model/types.js';
import { account, doc, event, user, withActivity } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const KEY = 'AKIALEAKEDKEY0000001';
const deployer = user('deployer', {
  accessKeys: [{ id: KEY, status: 'Active', created: '2026-01-01T00:00:00Z' }],
  inlinePolicies: { iam: doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:CreateLoginProfile', 'iam:AttachUserPolicy', 'iam:CreateAccessKey'], Resource: '*' }) },
});
/** A week of ordinary daytime work from the office: the baseline. */
const baseline = Array.from({ length: 10 }, (_, i) => event(`2026-03-0${1 + (i % 5)}T${String(9 + (i % 3)).padStart(2, '0')}:00:00Z`, 'ListUsers', { user: 'deployer', key: KEY, ip: '203.0.113.10' }))
  .sort((a, b) => (a.eventTime < b.eventTime ? -1 : 1));
const quiet = withActivity(account({ users: [deployer] }), baseline);
const attack = [
  event('2026-03-09T03:10:00Z', 'CreateUser', { user: 'deployer', key: KEY, ip: '198.51.100.66', params: { userName: 'backup-admin' } }),
  event('2026-03-09T03:11:00Z', 'CreateLoginProfile', { user: 'deployer', key: KEY, ip: '198.51.100.66', params: { userName: 'backup-admin' } }),
  event('2026-03-09T03:12:00Z', 'AttachUserPolicy', { user: 'deployer', key: KEY, ip: '198.51.100.66', params: { userName: 'backup-admin', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } }),
];
const attacked = withActivity(account({ users: [deployer, user('backup-admin', { attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] })] }), [...baseline, ...attack]);

const deployerCan = (a: Account): string => {
  const pp = userPolicies(a, a.users['deployer'] ?? deployer);
  return decideRaw({ principal: pp.principal, action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/x', context: pp.fixed }, pp.set);
};

runCaseTable(check, {
  valid: [
    { name: 'ordinary daytime work from a known address', now: NOW, account: quiet },
    { name: 'a console sign-in with MFA from a known address', now: NOW, account: withActivity(account({ users: [deployer] }), [...baseline, event('2026-03-06T10:00:00Z', 'ConsoleLogin', { user: 'deployer', mfa: true })]) },
    { name: 'denied calls below the burst threshold', now: NOW, account: withActivity(account({ users: [deployer] }), [...baseline, ...Array.from({ length: 9 }, (_, i) => event(`2026-03-06T10:0${i}:00Z`, 'GetUser', { user: 'deployer', key: KEY, error: 'AccessDenied' }))]) },
    { name: 'a user creating its own access key', now: NOW, account: withActivity(account({ users: [deployer] }), [...baseline, event('2026-03-06T10:00:00Z', 'CreateAccessKey', { user: 'deployer', key: KEY, params: { userName: 'deployer' } })]) },
    { name: 'a contained attacker is not reported again', now: NOW, account: { ...attacked, users: { ...attacked.users, deployer: { ...deployer, attachedPolicies: [AWS_DENY_ALL] } } } },
    { name: 'events older than the window only build the baseline', now: '2026-06-01T00:00:00Z', account: attacked },
  ],
  invalid: [
    {
      name: 'a leaked key escalating through CreateUser, CreateLoginProfile and AttachUserPolicy AdministratorAccess',
      now: NOW,
      account: attacked,
      reports: [
        { messageId: 'unusualHours', resource: 'deployer', severity: 'low', suggestions: 1 },
        { messageId: 'privilegeChange', resource: 'deployer', data: { change: 'created user', target: 'backup-admin' }, severity: 'high', suggestions: 1 },
        { messageId: 'privilegeChange', data: { change: 'gave a console password to', target: 'backup-admin' }, suggestions: 1 },
        { messageId: 'privilegeChange', data: { change: 'attached administrator policy AdministratorAccess to', target: 'backup-admin' }, suggestions: 1 },
      ],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => {
        expect(a.users['deployer']?.accessKeys[0]?.status).toBe('Inactive');
        expect(a.users['deployer']?.attachedPolicies).toContain(AWS_DENY_ALL);
        expect(deployerCan(a)).toBe('ExplicitDeny');
      },
    },
    {
      name: 'root use, a sign-in without MFA from a new address, and a burst of denials',
      now: NOW,
      account: withActivity(account({ users: [deployer] }), [
        ...baseline,
        event('2026-03-06T10:00:00Z', 'ConsoleLogin', { user: null }),
        event('2026-03-06T10:05:00Z', 'ConsoleLogin', { user: 'deployer', ip: '192.0.2.99', mfa: false }),
        ...Array.from({ length: 12 }, (_, i) => event(`2026-03-06T10:${String(10 + i).padStart(2, '0')}:00Z`, 'GetSecretValue', { user: 'deployer', key: KEY, source: 'secretsmanager.amazonaws.com', error: 'AccessDenied' })),
      ]),
      reports: [
        { messageId: 'rootUse', resource: 'root', data: { count: 1, actions: 'ConsoleLogin' }, suggestions: 0 },
        { messageId: 'consoleWithoutMfa', resource: 'root', data: { actor: 'root' } },
        { messageId: 'consoleWithoutMfa', resource: 'deployer', data: { ip: '192.0.2.99' }, suggestions: 1 },
        { messageId: 'newSignInIp', data: { ip: '192.0.2.99', known: '203.0.113.10' } },
        { messageId: 'accessDeniedBurst', data: { count: 12, actions: 'GetSecretValue' } },
      ],
    },
  ],
}, hooks);

describe('activity-anomalies evidence', () => {
  it('each report carries the events that show it', () => {
    const reports = check.detect({ account: attacked, now: NOW, options: check.meta.defaults as never });
    expect(reports.map((r) => r.evidence?.map((e) => e.eventID))).toEqual([
      attack.map((e) => e.eventID),
      [attack[0]?.eventID], [attack[1]?.eventID], [attack[2]?.eventID],
    ]);
    expect(reports[3]?.evidence?.[0]?.text).toBe('AttachUserPolicy from 198.51.100.66');
    expect(deployerCan(attacked)).toBe('Allow');
  });

  it('judges an AttachUserPolicy without recorded parameters by its visible result', () => {
    const bare = [
      event('2026-03-09T03:12:00Z', 'AttachUserPolicy', { user: 'deployer', key: KEY, ip: '198.51.100.66', resource: 'arn:aws:iam::111122223333:user/backup-admin' }),
      event('2026-03-09T03:13:00Z', 'AttachUserPolicy', { user: 'deployer', key: KEY, ip: '198.51.100.66', resource: 'arn:aws:iam::111122223333:user/reader' }),
    ];
    const a = withActivity(account({ users: [deployer, user('backup-admin', { attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }), user('reader', { attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })] }), [...baseline, ...bare]);
    const r = check.detect({ account: a, now: NOW, options: check.meta.defaults as never }).filter((x) => x.messageId === 'privilegeChange');
    expect(r.map((x) => x.data['target'])).toEqual(['backup-admin, who now holds administrator policy AdministratorAccess']);
  });
});
