/** overlapping-console-sessions: whose events count, sessions out of log order or starting together, and same-IP sessions. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/overlapping-console-sessions.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { account, event, loginProfile, NOW, user } from '../fixtures.js';
import { findings } from '../rules-b/render.js';

const at = (h: number, m = 0): string => `2026-05-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
const IP1 = '198.51.100.1';
const IP2 = '203.0.113.5';
const IP3 = '192.0.2.9';
const login = (who: string, t: string, ip: string): CloudTrailEvent => event(who, t, { name: 'ConsoleLogin', ip });
const summary = (a: ReturnType<typeof account>) => findings(check, a, NOW).map((f) => [f.data, f.evidence?.map((e) => e.eventTime)]);

describe('whose console events count', () => {
  it('an assumed-role session carrying a user name is not that user’s console session', () => {
    const asRole = (e: CloudTrailEvent): CloudTrailEvent => ({ ...e, userIdentity: { type: 'AssumedRole', principalId: 'AROAX:ops', arn: 'arn:aws:sts::111122223333:assumed-role/r/ops', accountId: '111122223333', userName: 'ops' } });
    const ops = user('ops', { loginProfile: loginProfile() });
    expect(summary(account({ users: [ops], events: [asRole(login('ops', at(9), IP1)), login('ops', at(9), IP2)] }))).toEqual([]);
  });
  it('IAM-user events without a name are nobody’s, not those of a user named "undefined"', () => {
    const odd = user('undefined', { loginProfile: loginProfile() });
    const anon = (e: CloudTrailEvent): CloudTrailEvent => ({ ...e, userIdentity: { type: 'IAMUser', principalId: 'AIDAX', arn: 'arn:aws:iam::111122223333:user/x', accountId: '111122223333' } });
    expect(summary(account({ users: [odd], events: [anon(login('x', at(9), IP1)), anon(login('x', at(9), IP2))] }))).toEqual([]);
    const asRole = (e: CloudTrailEvent): CloudTrailEvent => ({ ...e, userIdentity: { type: 'AssumedRole', principalId: 'AROAX:s', arn: 'arn:aws:sts::111122223333:assumed-role/r/s', accountId: '111122223333' } });
    expect(summary(account({ users: [odd], events: [asRole(login('x', at(9), IP1)), asRole(login('x', at(9), IP2))] }))).toEqual([]);
  });
});

describe('session order', () => {
  it('logins logged out of order are compared in time order', () => {
    const ops = user('ops', { loginProfile: loginProfile() });
    // Log order: the 10:00 login from IP2, the 09:00 login from IP1, then IP1 in use at 10:30, and a 11:00 login from IP3 during both.
    const events = [login('ops', at(10), IP2), login('ops', at(9), IP1), event('ops', at(10, 30), { ip: IP1 }), event('ops', at(11, 30), { ip: IP2 }), login('ops', at(11), IP3)];
    expect(summary(account({ users: [ops], events }))).toEqual([[
      { user: 'ops', count: 2, window: 90, ips: `${IP1}, ${IP2}, ${IP3}` },
      [at(9), at(10), at(10), at(11)],
    ]]);
  });
  it('two logins at the same instant keep their log order', () => {
    const ops = user('ops', { loginProfile: loginProfile() });
    expect(summary(account({ users: [ops], events: [login('ops', at(9), IP2), login('ops', at(9), IP1)] }))).toEqual([[
      { user: 'ops', count: 1, window: 90, ips: `${IP2}, ${IP1}` },
      [at(9), at(9)],
    ]]);
  });
  it('two sessions from the same IP at once are not an overlap', () => {
    const ops = user('ops', { loginProfile: loginProfile() });
    expect(summary(account({ users: [ops], events: [login('ops', at(9), IP1), login('ops', at(9), IP1), event('ops', at(9, 30), { ip: IP1 })] }))).toEqual([]);
  });
});
