/**
 * loggedRequests and apiCallsByActor: which events of the log count as a principal's requests (its own API calls,
 * a role's sessions, inside the window, without errors unless asked), and the exact request each one stands for.
 */
import { describe, expect, it } from 'vitest';
import { actionOfEvent, apiCallsByActor, loggedRequests } from '../../../src/checks/least-privilege/logged-requests.js';
import { principalPolicies } from '../../../src/checks/universe/principal-policies.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { account, ACCOUNT_ID, event, role, user, withActivity } from '../universe-fixtures.js';

const FROM = '2026-03-01T00:00:00Z';
const NOW = '2026-03-10T00:00:00Z';
const U = `arn:aws:iam::${ACCOUNT_ID}:user/u`;
const R = `arn:aws:iam::${ACCOUNT_ID}:role/app`;
const OBJ = 'arn:aws:s3:::data/a.csv';

function sessionEvent(at: string, o: { issuer?: boolean; mfa?: 'true' | 'false'; name?: string } = {}): CloudTrailEvent {
  const e = event(at, o.name ?? 'GetObject', { source: 's3.amazonaws.com', resource: OBJ });
  return {
    ...e,
    userIdentity: {
      type: 'AssumedRole', principalId: 'AROAX:s', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/app/s`, accountId: ACCOUNT_ID,
      sessionContext: {
        attributes: { creationDate: at, mfaAuthenticated: o.mfa ?? 'false' },
        ...(o.issuer === false ? {} : { sessionIssuer: { type: 'Role', principalId: 'AROAX', arn: R, accountId: ACCOUNT_ID, userName: 'app' } }),
      },
    },
  } as CloudTrailEvent;
}

const userFixed = (name: string) => {
  const a = account({ users: [user(name)] });
  return principalPolicies(a, { kind: 'user', name })!.fixed;
};

describe('loggedRequests', () => {
  it('rebuilds a user\'s request: action, resource and the context the event shows', () => {
    const e = event('2026-03-05T10:00:07Z', 'GetObject', { user: 'u', source: 's3.amazonaws.com', resource: OBJ, ip: '203.0.113.7' });
    const a = withActivity(account({ users: [user('u')] }), [e]);
    const pp = principalPolicies(a, { kind: 'user', name: 'u' })!;
    expect(loggedRequests(a, pp, FROM, NOW)).toEqual([{
      event: e,
      request: {
        principal: { kind: 'user', arn: U, accountId: ACCOUNT_ID },
        action: 's3:GetObject',
        resource: OBJ,
        context: {
          ...userFixed('u'),
          'aws:CurrentTime': '2026-03-05T10:00:07Z',
          'aws:EpochTime': String(Date.UTC(2026, 2, 5, 10, 0, 7) / 1000),
          'aws:RequestedRegion': 'us-east-1',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          'aws:SourceIp': '203.0.113.7',
        },
      },
    }]);
    expect(Object.hasOwn(loggedRequests(a, pp, FROM, NOW)[0]!.request.context, 'aws:MultiFactorAuthPresent')).toBe(false);
    expect(actionOfEvent(e)).toBe('s3:GetObject');
  });

  it('keeps calls at the window\'s both ends, drops those outside, sign-ins, other users\' calls and failed calls unless asked', () => {
    const atFrom = event(FROM, 'ListUsers', { user: 'u' });
    const atNow = event(NOW, 'ListRoles', { user: 'u' });
    const before = event('2026-02-28T23:59:59Z', 'ListGroups', { user: 'u' });
    const after = event('2026-03-10T00:00:01Z', 'ListPolicies', { user: 'u' });
    const signIn = event('2026-03-05T00:00:00Z', 'ConsoleLogin', { user: 'u' });
    const other = event('2026-03-05T00:00:00Z', 'GetUser', { user: 'v' });
    const failed = event('2026-03-06T00:00:00Z', 'CreateUser', { user: 'u', error: 'AccessDenied' });
    const a = withActivity(account({ users: [user('u'), user('v')] }), [before, atFrom, signIn, other, failed, atNow, after]);
    const pp = principalPolicies(a, { kind: 'user', name: 'u' })!;
    expect(loggedRequests(a, pp, FROM, NOW).map((l) => l.event)).toEqual([atFrom, atNow]);
    expect(loggedRequests(a, pp, FROM, NOW, false).map((l) => l.event)).toEqual([atFrom, failed, atNow]);
    expect(loggedRequests(a, pp, FROM, NOW).map((l) => l.request.action)).toEqual(['iam:ListUsers', 'iam:ListRoles']);
  });

  it('compares instants as times: milliseconds inside the window count, just outside do not', () => {
    const inside = event('2026-03-01T00:00:00.500Z', 'ListUsers', { user: 'u' });
    const early = event('2026-02-28T23:59:59.900Z', 'ListRoles', { user: 'u' });
    const late = event('2026-03-10T00:00:00.001Z', 'ListGroups', { user: 'u' });
    const a = withActivity(account({ users: [user('u')] }), [early, inside, late]);
    const pp = principalPolicies(a, { kind: 'user', name: 'u' })!;
    expect(loggedRequests(a, pp, FROM, NOW).map((l) => l.event)).toEqual([inside]);
    expect(loggedRequests(a, pp, '2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.001Z').map((l) => l.event)).toEqual([inside, late]);
  });

  it('source IP only when the event shows an address; resource from resources[0], else *', () => {
    const mk = (ip: string, extra: Partial<CloudTrailEvent> = {}) => ({ ...event('2026-03-05T10:00:00Z', 'ListUsers', { user: 'u', ip }), ...extra });
    const events = [
      mk('ec2.amazonaws.com'),
      mk('proxy 10.0.0.1'),
      mk('10.0.0.1 proxy'),
      mk('2001:db8::1', { resources: [{ ARN: 'arn:aws:iam::111122223333:user/x' }] }),
      mk('10.0.0.2', { resources: [] }),
    ];
    const a = withActivity(account({ users: [user('u')] }), events);
    const pp = principalPolicies(a, { kind: 'user', name: 'u' })!;
    const got = loggedRequests(a, pp, FROM, NOW);
    expect(got.map((l) => l.request.context['aws:SourceIp'] ?? null)).toEqual([null, null, null, '2001:db8::1', '10.0.0.2']);
    expect(got.map((l) => l.request.resource)).toEqual(['*', '*', '*', 'arn:aws:iam::111122223333:user/x', '*']);
  });

  it('a role\'s requests are its sessions\' calls, with the session\'s MFA', () => {
    const e1 = sessionEvent('2026-03-05T10:00:00Z', { mfa: 'true' });
    const e2 = sessionEvent('2026-03-05T11:00:00Z', { mfa: 'false', name: 'PutObject' });
    const orphan = sessionEvent('2026-03-05T12:00:00Z', { issuer: false });
    const a = withActivity(account({ roles: [role('app')] }), [e1, e2, orphan]);
    const pp = principalPolicies(a, { kind: 'role', name: 'app' })!;
    const got = loggedRequests(a, pp, FROM, NOW);
    expect(got.map((l) => l.event)).toEqual([e1, e2]);
    expect(got.map((l) => [l.request.action, l.request.context['aws:MultiFactorAuthPresent']])).toEqual([['s3:GetObject', 'true'], ['s3:PutObject', 'false']]);
    expect(got[0]!.request.principal).toEqual(pp.principal);
  });
});

describe('apiCallsByActor', () => {
  it('groups API calls by the user, or by the role of a session; built once per log', () => {
    const u1 = event('2026-03-05T10:00:00Z', 'ListUsers', { user: 'u' });
    const signIn = event('2026-03-05T09:00:00Z', 'ConsoleLogin', { user: 'u' });
    const s1 = sessionEvent('2026-03-05T10:00:00Z');
    const orphan = sessionEvent('2026-03-05T12:00:00Z', { issuer: false });
    const a = withActivity(account({ users: [user('u')], roles: [role('app')] }), [signIn, u1, s1, orphan]);
    const index = apiCallsByActor(a);
    expect([...index.entries()]).toEqual([[U, [u1]], [R, [s1]], [`arn:aws:sts::${ACCOUNT_ID}:assumed-role/app/s`, [orphan]]]);
    expect(apiCallsByActor(a)).toBe(index);
  });
});
