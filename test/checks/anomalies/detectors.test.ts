import { describe, expect, it } from 'vitest';
import { accessDeniedBurst, consoleWithoutMfa, newSignInIp, rootUse, unusualHours } from '../../../src/checks/anomalies/index.js';
import { call, denied, minute, OPTS, ROOT_ARN, rootCall, signIn, userArn } from './events.js';

const ids = (events: readonly { eventID: string }[]): string[] => events.map((e) => e.eventID);

describe('accessDeniedBurst', () => {
  it('reports deniedBurst denials within burstMinutes as one burst with its count, window, start and actions', () => {
    const ev = [denied(minute(0), 'GetSecretValue'), denied(minute(4), 'ListKeys'), denied(minute(9), 'GetSecretValue')];
    const out = accessDeniedBurst(ev, OPTS);
    expect(out).toEqual([{ kind: 'access-denied-burst', actor: { kind: 'user', arn: userArn('alice'), name: 'alice' }, events: ev, detail: { count: 3, minutes: 10, first: minute(0), actions: 'GetSecretValue, ListKeys' } }]);
  });

  it('counts a denial exactly burstMinutes after the first as inside the window', () => {
    expect(accessDeniedBurst([denied(minute(0), 'A'), denied(minute(5), 'B'), denied(minute(10), 'C')], OPTS)).toHaveLength(1);
    expect(accessDeniedBurst([denied(minute(0), 'A'), denied(minute(5), 'B'), denied(minute(10).replace('00Z', '01Z'), 'C')], OPTS)).toEqual([]);
  });

  it('needs deniedBurst denials: one fewer is no burst', () => {
    expect(accessDeniedBurst([denied(minute(0), 'A'), denied(minute(1), 'B')], OPTS)).toEqual([]);
    expect(accessDeniedBurst([denied(minute(0), 'A'), denied(minute(1), 'B')], { ...OPTS, deniedBurst: 2 })).toHaveLength(1);
  });

  it('extends a burst while denials keep coming within burstMinutes of the previous one', () => {
    const ev = [0, 8, 16, 24, 32].map((m) => denied(minute(m), 'GetObject'));
    const late = denied(minute(43), 'GetObject');
    const out = accessDeniedBurst([...ev, late], { ...OPTS, deniedBurst: 2 });
    expect(out.map((a) => ids(a.events))).toEqual([ids(ev)]);
    expect(out[0]?.detail['count']).toBe(5);
  });

  it('starts looking for the next burst after the end of the last one', () => {
    const first = [0, 1, 2].map((m) => denied(minute(m), 'A'));
    const second = [60, 61, 62].map((m) => denied(minute(m), 'B'));
    const out = accessDeniedBurst([...first, ...second], OPTS);
    expect(out.map((a) => ids(a.events))).toEqual([ids(first), ids(second)]);
    expect(out.map((a) => a.detail['first'])).toEqual([minute(0), minute(60)]);
  });

  it('skips a lone early denial and finds the burst that follows it', () => {
    const lone = denied(minute(0), 'A');
    const burst = [30, 31, 32].map((m) => denied(minute(m), 'B'));
    expect(accessDeniedBurst([lone, ...burst], OPTS).map((a) => ids(a.events))).toEqual([ids(burst)]);
  });

  it('counts each principal separately and ignores calls that were not denied', () => {
    const ev = [denied(minute(0), 'A', 'alice'), denied(minute(1), 'A', 'bob'), call(minute(2), 'A', 'alice', { errorCode: 'NoSuchEntity' }), call(minute(2), 'A', 'alice'), denied(minute(3), 'A', 'alice')];
    expect(accessDeniedBurst(ev, OPTS)).toEqual([]);
    const three = [...ev, denied(minute(4), 'A', 'bob'), denied(minute(5), 'A', 'bob')];
    expect(accessDeniedBurst(three, OPTS).map((a) => [a.actor.name, a.events.length])).toEqual([['bob', 3]]);
  });

  it('lists at most five distinct actions, in order of first denial', () => {
    const ev = ['A', 'B', 'A', 'C', 'D', 'E', 'F'].map((n, i) => denied(minute(i), n));
    expect(accessDeniedBurst(ev, OPTS)[0]?.detail['actions']).toBe('A, B, C, D, E');
  });
});

describe('consoleWithoutMfa', () => {
  it('reports each successful sign-in whose MFAUsed is not Yes, with its address and time', () => {
    const e = signIn(minute(0), 'alice', '198.51.100.7', 'No');
    expect(consoleWithoutMfa([e])).toEqual([{ kind: 'console-without-mfa', actor: { kind: 'user', arn: userArn('alice'), name: 'alice' }, events: [e], detail: { ip: '198.51.100.7', time: minute(0) } }]);
  });

  it('accepts MFAUsed Yes or true as MFA, anything else (missing, false, No) as none', () => {
    const ev = [signIn(minute(0), 'a', '1.1.1.1', 'Yes'), signIn(minute(1), 'b', '1.1.1.1', true), signIn(minute(2), 'c', '1.1.1.1', false), signIn(minute(3), 'd', '1.1.1.1', undefined)];
    expect(consoleWithoutMfa(ev).map((a) => a.actor.name)).toEqual(['c', 'd']);
  });

  it('ignores failed sign-ins and other events', () => {
    const ev = [signIn(minute(0), 'a', '1.1.1.1', 'No', { responseElements: { ConsoleLogin: 'Failure' } }), call(minute(1), 'GetUser')];
    expect(consoleWithoutMfa(ev)).toEqual([]);
  });

  it('reports root sign-ins without MFA as root', () => {
    expect(consoleWithoutMfa([signIn(minute(0), null, '1.1.1.1')])[0]?.actor).toEqual({ kind: 'root', arn: ROOT_ARN, name: 'root' });
  });
});

describe('newSignInIp', () => {
  const from = minute(100);
  const history = [call(minute(0), 'A', 'alice', { sourceIPAddress: '10.0.0.2' }), call(minute(1), 'A', 'alice', { sourceIPAddress: '10.0.0.1' })];

  it('reports a sign-in from an address the principal never used, listing the known addresses sorted', () => {
    const e = signIn(minute(120), 'alice', '192.0.2.9');
    expect(newSignInIp([...history, e], from, OPTS)).toEqual([{ kind: 'new-sign-in-ip', actor: { kind: 'user', arn: userArn('alice'), name: 'alice' }, events: [e], detail: { ip: '192.0.2.9', time: minute(120), known: '10.0.0.1 10.0.0.2' } }]);
  });

  it('does not report a sign-in from an address seen in any earlier event', () => {
    expect(newSignInIp([...history, signIn(minute(120), 'alice', '10.0.0.1')], from, OPTS)).toEqual([]);
  });

  it('needs minHistory earlier events before an address counts as new', () => {
    expect(newSignInIp([history[0]!, signIn(minute(120), 'alice', '192.0.2.9')], from, OPTS)).toEqual([]);
    expect(newSignInIp([history[0]!, signIn(minute(120), 'alice', '192.0.2.9')], from, { ...OPTS, minHistory: 1 })).toHaveLength(1);
  });

  it('reports only sign-ins at or after from, but learns from earlier ones', () => {
    const early = signIn(minute(50), 'alice', '192.0.2.9');
    expect(newSignInIp([...history, early], from, OPTS)).toEqual([]);
    const atFrom = signIn(from, 'alice', '192.0.2.77');
    expect(newSignInIp([...history, early, atFrom, signIn(minute(130), 'alice', '192.0.2.9')], from, OPTS).map((a) => a.detail['ip'])).toEqual(['192.0.2.77']);
  });

  it('reports a new address once: the next sign-in from it is known', () => {
    const out = newSignInIp([...history, signIn(minute(120), 'alice', '192.0.2.9'), signIn(minute(121), 'alice', '192.0.2.9')], from, OPTS);
    expect(out).toHaveLength(1);
  });

  it('ignores failed sign-ins and keeps each principal\'s addresses apart', () => {
    const failed = signIn(minute(120), 'alice', '192.0.2.9', 'No', { errorCode: 'Failed authentication' });
    expect(newSignInIp([...history, failed], from, OPTS)).toEqual([]);
    const bobHistory = [call(minute(0), 'A', 'bob', { sourceIPAddress: '192.0.2.9' }), call(minute(1), 'A', 'bob', { sourceIPAddress: '192.0.2.9' })];
    expect(newSignInIp([...history, ...bobHistory, signIn(minute(120), 'alice', '192.0.2.9')], from, OPTS).map((a) => a.actor.name)).toEqual(['alice']);
  });

  it('lists at most five known addresses', () => {
    const many = ['10.0.0.6', '10.0.0.5', '10.0.0.4', '10.0.0.3', '10.0.0.2', '10.0.0.1'].map((ip, i) => call(minute(i), 'A', 'alice', { sourceIPAddress: ip }));
    expect(newSignInIp([...many, signIn(minute(120), 'alice', '192.0.2.9')], from, OPTS)[0]?.detail['known']).toBe('10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5');
  });
});

describe('rootUse', () => {
  it('groups root events less than an hour apart into one episode with its distinct actions', () => {
    const ev = [rootCall('2026-03-01T10:00:00Z', 'ListUsers'), rootCall('2026-03-01T10:30:00Z', 'CreateUser'), rootCall('2026-03-01T11:30:00Z', 'ListUsers')];
    expect(rootUse(ev)).toEqual([{ kind: 'root-use', actor: { kind: 'root', arn: ROOT_ARN, name: 'root' }, events: ev, detail: { count: 3, first: '2026-03-01T10:00:00Z', actions: 'ListUsers, CreateUser' } }]);
  });

  it('starts a new episode after a gap of more than an hour', () => {
    const a = rootCall('2026-03-01T10:00:00Z', 'ListUsers');
    const b = rootCall('2026-03-01T11:00:01Z', 'GetUser');
    expect(rootUse([a, b]).map((x) => ids(x.events))).toEqual([[a.eventID], [b.eventID]]);
    expect(rootUse([a, b]).map((x) => x.detail)).toEqual([{ count: 1, first: a.eventTime, actions: 'ListUsers' }, { count: 1, first: b.eventTime, actions: 'GetUser' }]);
  });

  it('ignores events by other principals and AWS service events on root\'s behalf', () => {
    expect(rootUse([call(minute(0), 'ListUsers'), rootCall(minute(1), 'Renew', { eventType: 'AwsServiceEvent' })])).toEqual([]);
  });
});

describe('unusualHours', () => {
  const daytime = [9, 10, 11].map((h) => call(`2026-03-0${h - 8}T${String(h).padStart(2, '0')}:15:00Z`, 'ListUsers'));
  const from = '2026-03-05T00:00:00Z';

  it('reports activity at least unusualHourDistance hours from every earlier active hour, with the usual hours', () => {
    const e = call('2026-03-06T03:20:00Z', 'CreateUser');
    expect(unusualHours([...daytime, e], from, OPTS)).toEqual([{ kind: 'unusual-hours', actor: { kind: 'user', arn: userArn('alice'), name: 'alice' }, events: [e], detail: { time: '2026-03-06T03:20:00Z', hour: 3, usual: '09h 10h 11h' } }]);
  });

  it('measures hours on a 24-hour circle and treats the distance itself as unusual', () => {
    const night = [22, 23].map((h) => call(`2026-03-0${h - 21}T${h}:00:00Z`, 'A'));
    expect(unusualHours([...night, call('2026-03-06T01:00:00Z', 'A')], from, OPTS)).toEqual([]);
    expect(unusualHours([...night, call('2026-03-06T02:00:00Z', 'A')], from, OPTS).map((a) => a.detail['hour'])).toEqual([2]);
    expect(unusualHours([...daytime, call('2026-03-06T13:00:00Z', 'A')], from, OPTS)).toEqual([]);
    expect(unusualHours([...daytime, call('2026-03-06T14:00:00Z', 'A')], from, OPTS)).toHaveLength(1);
  });

  it('needs minHistory earlier events, and reports only from `from` on', () => {
    expect(unusualHours([daytime[0]!, call('2026-03-06T03:00:00Z', 'A')], from, OPTS)).toEqual([]);
    expect(unusualHours([...daytime, call('2026-03-04T03:00:00Z', 'A')], from, OPTS)).toEqual([]);
    expect(unusualHours([...daytime, call(from.replace('00:00:00', '03:00:00'), 'A')], from, OPTS)).toHaveLength(1);
  });

  it('reports one anomaly per principal and day, with that day\'s odd events, and keeps odd events out of the baseline', () => {
    const a = call('2026-03-06T03:00:00Z', 'A');
    const b = call('2026-03-06T03:30:00Z', 'B');
    const c = call('2026-03-07T03:00:00Z', 'C');
    const out = unusualHours([...daytime, a, b, c], from, OPTS);
    expect(out.map((x) => ids(x.events))).toEqual([[a.eventID, b.eventID], [c.eventID]]);
    expect(out.map((x) => x.detail['usual'])).toEqual(['09h 10h 11h', '09h 10h 11h']);
  });

  it('learns usual hours from the principal\'s ordinary events, including those after from', () => {
    const out = unusualHours([...daytime, call('2026-03-06T16:00:00Z', 'A'), call('2026-03-06T17:00:00Z', 'A'), call('2026-03-07T04:00:00Z', 'A')], from, OPTS);
    expect(out.map((x) => [x.detail['hour'], x.events.length, x.detail['usual']])).toEqual([[16, 2, '09h 10h 11h'], [4, 1, '09h 10h 11h']]);
    const steady = unusualHours([...daytime, call('2026-03-06T13:00:00Z', 'A'), call('2026-03-06T15:00:00Z', 'A')], from, OPTS);
    expect(steady).toEqual([]);
  });

  it('sorts usual hours numerically and pads them to two digits', () => {
    const hist = [23, 2, 10].map((h, i) => call(`2026-03-0${i + 1}T${String(h).padStart(2, '0')}:00:00Z`, 'A'));
    expect(unusualHours([...hist, call('2026-03-06T06:00:00Z', 'A')], from, OPTS)[0]?.detail['usual']).toBe('02h 10h 23h');
  });

  it('ignores AWS service events and keeps principals apart', () => {
    expect(unusualHours([...daytime, call('2026-03-06T03:00:00Z', 'A', 'alice', { eventType: 'AwsServiceEvent' })], from, OPTS)).toEqual([]);
    expect(unusualHours([...daytime, call('2026-03-06T03:00:00Z', 'A', 'bob')], from, OPTS)).toEqual([]);
  });
});
