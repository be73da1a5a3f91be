/** shared-credential-use: which events count for which credential, the thresholds at their boundary, and the exact text shown. */
import { describe, expect, it } from 'vitest';
import check, { credentialOf } from '../../../src/checks/rules/shared-credential-use.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { account, daysAgo, event, key, loginProfile, NOW, ROOT, user } from '../fixtures.js';
import { findings, messages } from './render.js';

const KEY = 'AKIACI0000000000001';
const ips = (who: string, n: number, o: { accessKeyId?: string; agent?: (i: number) => string } = {}): CloudTrailEvent[] =>
  Array.from({ length: n }, (_, i) => event(who, daysAgo(10), { ip: `203.0.113.${10 + i}`, ...(o.agent ? { agent: o.agent(i) } : {}), ...(o.accessKeyId ? { accessKeyId: o.accessKeyId } : {}) }));
const agents = (who: string, n: number, accessKeyId?: string): CloudTrailEvent[] =>
  Array.from({ length: n }, (_, i) => event(who, daysAgo(10), { ip: '203.0.113.7', agent: `client-${i}`, ...(accessKeyId ? { accessKeyId } : {}) }));
const console1 = user('team', { loginProfile: loginProfile() });

describe('credentialOf', () => {
  it('root events belong to root whatever key they carry', () => {
    expect(credentialOf(event(ROOT, NOW, { accessKeyId: 'AKIAROOT000000000001' }))).toEqual({ kind: 'root' });
  });
  it('a long-term AKIA key is its own credential; a temporary ASIA key is the user’s console session', () => {
    expect(credentialOf(event('ci', NOW, { accessKeyId: KEY }))).toEqual({ kind: 'access-key', user: 'ci', keyId: KEY });
    expect(credentialOf(event('ci', NOW, { accessKeyId: 'ASIATEMP000000000001' }))).toEqual({ kind: 'console', user: 'ci' });
    expect(credentialOf(event('ci', NOW))).toEqual({ kind: 'console', user: 'ci' });
  });
  it('assumed-role sessions and IAM users without a name are not credentials this check follows', () => {
    const e = event('ci', NOW);
    expect(credentialOf({ ...e, userIdentity: { type: 'AssumedRole', principalId: 'AROAX:s', arn: 'arn:aws:sts::111122223333:assumed-role/r/s', accountId: '111122223333' } })).toBeUndefined();
    expect(credentialOf({ ...e, userIdentity: { type: 'IAMUser', principalId: 'AIDAX', arn: 'arn:aws:iam::111122223333:user/ci', accountId: '111122223333' } })).toBeUndefined();
  });
});

describe('shared-credential-use thresholds', () => {
  it('four IPs is below the default threshold of five; five is reported', () => {
    expect(findings(check, account({ users: [console1], events: ips('team', 4) }), NOW)).toEqual([]);
    expect(messages(check, account({ users: [console1], events: ips('team', 5) }), NOW)).toEqual(['The console password of team was used from 5 distinct IP addresses in 30 days (threshold 5)']);
  });
  it('four clients is below the default threshold of five; five is reported with the client count', () => {
    expect(findings(check, account({ users: [console1], events: agents('team', 4) }), NOW)).toEqual([]);
    expect(messages(check, account({ users: [console1], events: agents('team', 5) }), NOW)).toEqual(['The console password of team was used from 5 distinct clients (user agents) in 30 days (threshold 5)']);
  });
  it('many IPs and many clients together are one finding about the IPs', () => {
    const f = findings(check, account({ users: [console1], events: ips('team', 6, { agent: (i) => `client-${i}` }) }), NOW);
    expect(f.map((x) => x.messageId)).toEqual(['manyIps']);
    expect(f[0]?.data).toEqual({ credential: 'The console password of team', ips: 6, window: 30, threshold: 5 });
  });
  it('the window and thresholds come from the options', () => {
    const a = account({ users: [console1], events: agents('team', 3) });
    expect(messages(check, a, NOW, { minDistinctUserAgents: 3, windowDays: 14 })).toEqual(['The console password of team was used from 3 distinct clients (user agents) in 14 days (threshold 3)']);
    expect(findings(check, a, NOW, { minDistinctUserAgents: 3, windowDays: 9 })).toEqual([]);
  });
  it('service source addresses are not counted, IPv6 addresses are', () => {
    const v6 = Array.from({ length: 5 }, (_, i) => event('team', daysAgo(3), { ip: `2001:db8::${i + 1}` }));
    const svc = Array.from({ length: 5 }, (_, i) => event('team', daysAgo(3), { ip: `svc${i}.amazonaws.com`, agent: `c${i}` }));
    expect(findings(check, account({ users: [console1], events: v6 }), NOW).map((f) => f.data['ips'])).toEqual([5]);
    expect(findings(check, account({ users: [console1], events: svc }), NOW)).toEqual([]);
  });
});

describe('shared-credential-use: credentials that no longer exist are not reported', () => {
  it('a user deleted since the activity', () => {
    expect(findings(check, account({ events: ips('gone', 6) }), NOW)).toEqual([]);
  });
  it('a console session of a user whose password has been removed', () => {
    expect(findings(check, account({ users: [user('team')], events: ips('team', 6) }), NOW)).toEqual([]);
  });
  it('a key the user no longer has, while another of its keys is active', () => {
    const u = user('ci', { accessKeys: [key('AKIAOTHER0000000001')] });
    expect(findings(check, account({ users: [u], events: ips('ci', 6, { accessKeyId: KEY }) }), NOW)).toEqual([]);
  });
});

describe('shared-credential-use findings', () => {
  it('an active key: its resource, message, evidence and a one-user-per-person suggestion sized by the IPs', () => {
    const u = user('ci', { accessKeys: [key(KEY)] });
    const f = findings(check, account({ users: [u], events: ips('ci', 6, { accessKeyId: KEY }) }), NOW);
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toBe(`Access key ${KEY} of ci was used from 6 distinct IP addresses in 30 days (threshold 5)`);
    expect(f[0]?.resource).toEqual({ kind: 'access-key', arn: `arn:aws:iam::111122223333:user/ci/access-key/${KEY}`, name: KEY });
    expect(f[0]?.evidence).toEqual([{ text: 'IPs: 203.0.113.10, 203.0.113.11, 203.0.113.12, 203.0.113.13, 203.0.113.14, 203.0.113.15; clients: 1' }]);
    expect(f[0]?.suggestions?.map((s) => s.message)).toEqual(['Create 6 individual user(s) with the same groups and managed policies as ci, then disable the shared credential']);
  });
  it('the evidence lists at most ten IPs and marks the rest', () => {
    const f = findings(check, account({ users: [console1], events: ips('team', 11) }), NOW);
    expect(f[0]?.evidence?.[0]?.text).toBe(`IPs: ${Array.from({ length: 10 }, (_, i) => `203.0.113.${10 + i}`).join(', ')}, …; clients: 1`);
    const ten = findings(check, account({ users: [console1], events: ips('team', 10) }), NOW);
    expect(ten[0]?.evidence?.[0]?.text).toBe(`IPs: ${Array.from({ length: 10 }, (_, i) => `203.0.113.${10 + i}`).join(', ')}; clients: 1`);
  });
  it('the suggested number of users is capped by maxSuggestedUsers, and is at least two when one IP has many clients', () => {
    const many = findings(check, account({ users: [console1], events: ips('team', 12) }), NOW);
    expect(many[0]?.suggestions?.[0]?.message).toBe('Create 10 individual user(s) with the same groups and managed policies as team, then disable the shared credential');
    const capped = findings(check, account({ users: [console1], events: ips('team', 12) }), NOW, { maxSuggestedUsers: 4 });
    expect(capped[0]?.suggestions?.[0]?.message).toMatch(/^Create 4 individual/);
    const oneIp = findings(check, account({ users: [console1], events: agents('team', 5) }), NOW);
    expect(oneIp[0]?.suggestions?.[0]?.message).toMatch(/^Create 2 individual/);
  });
  it('root: named as the root user, on the root resource, with no suggestion', () => {
    const f = findings(check, account({ events: ips(ROOT, 5) }), NOW);
    expect(f.map((x) => x.message)).toEqual(['The root user was used from 5 distinct IP addresses in 30 days (threshold 5)']);
    expect(f[0]?.resource).toEqual({ kind: 'root', arn: 'arn:aws:iam::111122223333:root', name: 'root' });
    expect(f[0]?.suggestions).toBeUndefined();
  });
});
