/** lib/activity, lib/mfa-policy, lib/privilege and the simple anomaly detectors: edges the other tests leave open. */
import { describe, expect, it } from 'vitest';
import { isIpAddress } from '../../../src/checks/lib/activity.js';
import { mfaEnforcement } from '../../../src/checks/lib/mfa-policy.js';
import { grantsAny } from '../../../src/checks/lib/privilege.js';
import { accessDeniedBurst, consoleWithoutMfa, isDenied, unusualHours } from '../../../src/checks/anomalies/index.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { call, denied, minute, OPTS, signIn } from '../anomalies/events.js';

const odd = (x: unknown): PolicyDocument => x as PolicyDocument;
const MFA_DENY = { Effect: 'Deny', NotAction: 'iam:ListMFADevices', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };

describe('isIpAddress', () => {
  it('a host name with a port is not an IPv6 address', () => {
    expect(isIpAddress('example.com:80')).toBe(false);
    expect(isIpAddress('2001:db8::1')).toBe(true);
  });
});

describe('mfaEnforcement on odd documents', () => {
  it('a document without statements enforces nothing', () => {
    expect(mfaEnforcement(odd({ Version: '2012-10-17' }))).toBeNull();
  });
  it('null statements and missing condition blocks are skipped', () => {
    expect(mfaEnforcement(odd({ Statement: [null, { ...MFA_DENY, Condition: { Bool: undefined, ...MFA_DENY.Condition } }] }))).toEqual({ ifExists: true });
  });
});

describe('grantsAny on odd documents', () => {
  it('a document without statements, or a statement without Action, grants nothing', () => {
    expect(grantsAny(odd({ Version: '2012-10-17' }), ['*'])).toBe(false);
    expect(grantsAny(odd({ Statement: [{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }] }), ['*', 's3:*'])).toBe(false);
  });
  it('null statements are skipped', () => {
    expect(grantsAny(odd({ Statement: [null, { Effect: 'Allow', Action: '*', Resource: '*' }] }), ['*'])).toBe(true);
  });
});

describe('anomaly detectors', () => {
  it('isDenied needs an error code of the denied kind', () => {
    expect([isDenied(call(minute(0), 'GetUser')), isDenied(denied(minute(0), 'GetUser')), isDenied(denied(minute(0), 'GetUser', 'alice', 'Client.UnauthorizedOperation')), isDenied(denied(minute(0), 'GetUser', 'alice', 'Throttling'))])
      .toEqual([false, true, true, false]);
  });
  it('with a burst of one, every denial is its own burst', () => {
    const out = accessDeniedBurst([denied(minute(0), 'GetUser'), denied(minute(30), 'ListUsers')], { ...OPTS, deniedBurst: 1, burstMinutes: 5 });
    expect(out.map((a) => a.detail)).toEqual([
      { count: 1, minutes: 5, first: minute(0), actions: 'GetUser' },
      { count: 1, minutes: 5, first: minute(30), actions: 'ListUsers' },
    ]);
  });
  it('a burst extends over a gap of exactly burstMinutes', () => {
    const out = accessDeniedBurst([denied(minute(0), 'A'), denied(minute(1), 'B'), denied(minute(6), 'C'), denied(minute(12), 'D')], { ...OPTS, deniedBurst: 2, burstMinutes: 5 });
    expect(out.map((a) => a.detail)).toEqual([{ count: 3, minutes: 5, first: minute(0), actions: 'A, B, C' }]);
  });
  it('a sign-in with no additionalEventData is without MFA', () => {
    const e = { ...signIn(minute(0), 'alice', '198.51.100.1'), additionalEventData: undefined };
    expect(consoleWithoutMfa([e]).map((a) => a.detail)).toEqual([{ ip: '198.51.100.1', time: minute(0) }]);
  });
  it('an odd hour exactly at the window start is reported', () => {
    const at = (d: number, h: number) => `2026-03-0${d}T${String(h).padStart(2, '0')}:00:00Z`;
    const events = [call(at(1, 10), 'A'), call(at(2, 10), 'B'), call(at(3, 22), 'C')];
    expect(unusualHours(events, at(3, 22), OPTS).map((a) => a.detail)).toEqual([{ time: at(3, 22), hour: 22, usual: '10h' }]);
  });
});
