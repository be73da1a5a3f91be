/** shared-credential-use: each credential counted on its own, which events count, the concurrency window edge, and the suggested fix. */
import { describe, expect, it } from 'vitest';
import check, { credentialOf } from '../../../src/checks/rules/shared-credential-use.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { account, daysAgo, event, key, loginProfile, NOW, ROOT, user } from '../fixtures.js';
import { findings } from '../rules-b/render.js';

const K1 = 'AKIAKEY0000000000001';
const K2 = 'AKIAKEY0000000000002';
const at = (day: number, minute: number): string => new Date(Date.parse(daysAgo(day)) + minute * 60_000).toISOString().replace('.000Z', 'Z');
/** `n` events by `who`, from IPs 203.0.113.<first>…, on day 10. */
const from = (who: string, n: number, first: number, accessKeyId?: string): CloudTrailEvent[] =>
  Array.from({ length: n }, (_, i) => event(who, at(10, i * 120), { ip: `203.0.113.${first + i}`, ...(accessKeyId ? { accessKeyId } : {}) }));
const summary = (a: ReturnType<typeof account>, o: Record<string, unknown> = {}) => findings(check, a, NOW, o).map((f) => [f.messageId, f.resource, f.data]);

describe('credentialOf: only IAM users', () => {
  it('a named identity that is not an IAM user is not followed', () => {
    const e = event('ci', NOW);
    expect(credentialOf({ ...e, userIdentity: { type: 'AssumedRole', principalId: 'AROAX:s', arn: 'arn:aws:sts::111122223333:assumed-role/r/s', accountId: '111122223333', userName: 'ci' } })).toBeUndefined();
  });
  it('events of other identities are skipped, not counted against anyone', () => {
    const assumed = Array.from({ length: 6 }, (_, i) => {
      const e = event('ops', at(5, i), { ip: `198.51.100.${i + 1}` });
      return { ...e, userIdentity: { type: 'AssumedRole' as const, principalId: 'AROAX:s', arn: 'arn:aws:sts::111122223333:assumed-role/r/s', accountId: '111122223333' } };
    });
    const team = user('team', { loginProfile: loginProfile() });
    expect(summary(account({ users: [team], events: [...assumed, ...from('team', 5, 10)] }))).toEqual([
      ['manyIps', { kind: 'login-profile', arn: `${team.arn}/login-profile`, name: 'team' }, { credential: 'The console password of team', ips: 5, window: 30, threshold: 5 }],
    ]);
  });
});

describe('each credential is counted apart', () => {
  it('three IPs each for two console users and two keys and root is not five', () => {
    const a = account({
      users: [user('a', { loginProfile: loginProfile() }), user('b', { loginProfile: loginProfile() }), user('ci', { accessKeys: [key(K1), key(K2)] })],
      events: [...from('a', 3, 10), ...from('b', 3, 20), ...from('ci', 3, 30, K1), ...from('ci', 3, 40, K2), ...from(ROOT, 3, 50)],
    });
    expect(summary(a)).toEqual([]);
  });
});

describe('concurrent use is an access-key sign', () => {
  const pair = (who: string, gap: number, accessKeyId?: string): CloudTrailEvent[] => [3, 4].flatMap((d) => [
    event(who, at(d, 0), { ip: '203.0.113.1', ...(accessKeyId ? { accessKeyId } : {}) }),
    event(who, at(d, gap), { ip: '203.0.113.2', ...(accessKeyId ? { accessKeyId } : {}) }),
  ]);
  it('two IPs exactly the window apart on two days is reported for the key with its fix', () => {
    const ci = user('ci', { accessKeys: [key(K2), key(K1)] });
    const f = findings(check, account({ users: [ci], events: pair('ci', 15, K1) }), NOW);
    expect(f.map((x) => [x.messageId, x.data])).toEqual([['concurrent', { credential: `Access key ${K1} of ci`, minutes: 15, days: 2, window: 30, threshold: 2 }]]);
    expect(f[0]?.suggestions?.map((s) => s.fix)).toEqual([[
      { op: 'CreateUser', input: { UserName: 'ci-1', Path: '/' } },
      { op: 'CreateUser', input: { UserName: 'ci-2', Path: '/' } },
      { op: 'UpdateAccessKey', input: { UserName: 'ci', AccessKeyId: K1, Status: 'Inactive' } },
    ]]);
  });
  it('a minute more than the window is not concurrent', () => {
    expect(summary(account({ users: [user('ci', { accessKeys: [key(K1)] })], events: pair('ci', 16, K1) }))).toEqual([]);
  });
  it('one IP twice within the window is not concurrent', () => {
    const same = [3, 4].flatMap((d) => [event('ci', at(d, 0), { ip: '203.0.113.1', accessKeyId: K1 }), event('ci', at(d, 5), { ip: '203.0.113.1', accessKeyId: K1 })]);
    expect(summary(account({ users: [user('ci', { accessKeys: [key(K1)] })], events: same }))).toEqual([]);
  });
  it('console sessions from two IPs minutes apart are not judged here', () => {
    expect(summary(account({ users: [user('team', { loginProfile: loginProfile() })], events: pair('team', 5) }))).toEqual([]);
  });
});

describe('the suggestion', () => {
  it('a shared console password gets new users and loses its login profile', () => {
    const team = user('team', { loginProfile: loginProfile() });
    const f = findings(check, account({ users: [team], events: from('team', 5, 10) }), NOW);
    expect(f[0]?.suggestions?.map((s) => [s.message, s.fix])).toEqual([[
      'Create 5 individual user(s) with the same groups and managed policies as team, then disable the shared credential',
      [...['team-1', 'team-2', 'team-3', 'team-4', 'team-5'].map((n) => ({ op: 'CreateUser', input: { UserName: n, Path: '/' } })), { op: 'DeleteLoginProfile', input: { UserName: 'team' } }],
    ]]);
  });
  it('root is reported with nothing to suggest', () => {
    const f = findings(check, account({ events: from(ROOT, 5, 10) }), NOW);
    expect(f.map((x) => [x.data['credential'], x.suggestions])).toEqual([['The root user', undefined]]);
  });
});
