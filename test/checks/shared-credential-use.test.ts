import check from '../../src/checks/rules/shared-credential-use.js';
import type { CloudTrailEvent } from '../../src/model/types.js';
import { runCaseTable } from './case-table.js';
import { account, ADMIN_ARN, daysAgo, event, group, key, loginProfile, NOW, ROOT, user } from './fixtures.js';

/** `n` events by `who`, each from its own IP (and, with `agents`, its own user agent). */
function spread(who: string, n: number, o: { accessKeyId?: string; agents?: boolean; sameIp?: boolean } = {}): CloudTrailEvent[] {
  return Array.from({ length: n }, (_, i) =>
    event(who, daysAgo(20 - i), {
      ip: o.sameIp ? '203.0.113.7' : `203.0.113.${10 + i}`,
      agent: o.agents ? `Mozilla/5.0 client-${i}` : 'aws-cli/2.15.0',
      ...(o.accessKeyId ? { accessKeyId: o.accessKeyId } : {}),
    }),
  );
}

const KEY = 'AKIACI0000000000001';
const minutesAfter = (at: string, m: number): string => new Date(Date.parse(at) + m * 60_000).toISOString().replace('.000Z', 'Z');
/** The key's owner and one colleague, each from their own IP, calling minutes apart on each of `days`. */
function pair(days: readonly number[], gapMinutes: number): CloudTrailEvent[] {
  return days.flatMap((d) => {
    const t = daysAgo(d);
    return [
      event('ci', t, { ip: '198.18.0.1', accessKeyId: KEY }),
      event('ci', minutesAfter(t, gapMinutes), { ip: '198.18.0.2', accessKeyId: KEY }),
      event('ci', minutesAfter(t, 2 * gapMinutes), { ip: '198.18.0.1', accessKeyId: KEY }),
    ];
  });
}

const team = user('team', { loginProfile: loginProfile(), groups: ['devs'], attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
const ci = user('ci', { accessKeys: [key('AKIACI0000000000001')] });

runCaseTable(check, {
  valid: [
    { name: 'one person, two IPs', account: account({ users: [user('alice', { loginProfile: loginProfile() })], events: [...spread('alice', 2)] }), now: NOW },
    {
      name: 'service source addresses are not IPs',
      account: account({ users: [ci], events: Array.from({ length: 8 }, (_, i) => event('ci', daysAgo(i + 1), { ip: `svc${i}.amazonaws.com`, accessKeyId: 'AKIACI0000000000001' })) }),
      now: NOW,
    },
    { name: 'many IPs but long ago', account: account({ users: [team], groups: [group('devs')], events: spread('team', 8).map((e) => ({ ...e, eventTime: daysAgo(60) })) }), now: NOW },
    { name: 'a key used from two IPs minutes apart on one day only (a VPN switch)', account: account({ users: [ci], events: pair([3], 5) }), now: NOW },
    { name: 'a key used from two IPs on many days, but hours apart (home, then office)', account: account({ users: [ci], events: pair([2, 4, 6, 8], 120) }), now: NOW },
    {
      name: 'a traveller: four addresses, one after another, never two at once',
      account: account({ users: [ci], events: [1, 2, 3, 4].flatMap((ip) => [ip * 5, ip * 5 + 1].map((d) => event('ci', daysAgo(d), { ip: `198.51.100.${ip}`, accessKeyId: KEY }))) }),
      now: NOW,
    },
    { name: 'many IPs for a key that is now inactive', account: account({ users: [user('ci', { accessKeys: [key('AKIACI0000000000001', daysAgo(300), 'Inactive')] })], events: spread('ci', 8, { accessKeyId: 'AKIACI0000000000001' }) }), now: NOW },
  ],
  invalid: [
    {
      name: 'a console login used from six IPs: suggest one user per person',
      account: account({ users: [team], groups: [group('devs')], events: spread('team', 6) }),
      now: NOW,
      reports: [{ messageId: 'manyIps', resource: 'arn:aws:iam::111122223333:user/team/login-profile', data: { ips: 6, threshold: 5 }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => a.users['team']!.loginProfile === null && a.users['team-6']?.groups[0] === 'devs' && a.users['team-1']?.attachedPolicies[0] === 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    },
    {
      name: 'a key used from many clients at one IP',
      account: account({ users: [ci], events: spread('ci', 5, { accessKeyId: 'AKIACI0000000000001', agents: true, sameIp: true }) }),
      now: NOW,
      reports: [{ messageId: 'manyAgents', resource: 'AKIACI0000000000001', data: { agents: 5 } }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => a.users['ci']!.accessKeys[0]!.status === 'Inactive' && a.users['ci-1'] !== undefined,
    },
    {
      name: 'a key used from two IPs minutes apart on two days: two people at once',
      account: account({ users: [ci], events: pair([3, 10], 5) }),
      now: NOW,
      reports: [{ messageId: 'concurrent', resource: KEY, data: { minutes: 15, days: 2, threshold: 2 }, suggestions: 1 }],
    },
    {
      name: 'concurrency is judged within the options: a 3-minute limit and one day',
      account: account({ users: [ci], events: [...pair([3], 2), ...pair([10], 5)] }),
      now: NOW,
      options: { concurrentMinutes: 3, minConcurrentDays: 1 },
      reports: [{ messageId: 'concurrent', data: { minutes: 3, days: 1, threshold: 1 } }],
    },
    {
      name: 'root used from many IPs: reported, nothing to suggest here',
      account: account({ groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })], events: spread(ROOT, 7) }),
      now: NOW,
      reports: [{ messageId: 'manyIps', resource: 'root', suggestions: 0 }],
    },
    {
      name: 'a lower threshold from the options',
      account: account({ users: [user('bob', { loginProfile: loginProfile() })], events: spread('bob', 3) }),
      now: NOW,
      options: { minDistinctIps: 3 },
      reports: [{ messageId: 'manyIps', data: { ips: 3, threshold: 3 } }],
    },
  ],
});
