/**
 * proveReplacement: logged requests allowed now and not after are broken (those not allowed now are not), universe
 * requests allowed after and not now are widened, over a universe of both sets and the logged resources; the proof
 * holds only when both lists are empty.
 */
import { describe, expect, it } from 'vitest';
import { loggedRequests } from '../../../src/checks/least-privilege/logged-requests.js';
import { proveReplacement } from '../../../src/checks/least-privilege/prove-replacement.js';
import { decideRaw, REAL_CATALOG } from '../../../src/checks/universe/index.js';
import { principalPolicies } from '../../../src/checks/universe/principal-policies.js';
import { account, doc, event, user, withActivity } from '../universe-fixtures.js';

const OBJ = 'arn:aws:s3:::data/a.csv';
const S3_GET = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const SQS_SEND = doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' });
const a = withActivity(account({ users: [user('u', { inlinePolicies: { get: S3_GET } })] }), [
  event('2026-03-05T10:00:00Z', 'GetObject', { user: 'u', source: 's3.amazonaws.com', resource: OBJ }),
  event('2026-03-05T11:00:00Z', 'RunInstances', { user: 'u', source: 'ec2.amazonaws.com', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1' }),
]);
const pp = principalPolicies(a, { kind: 'user', name: 'u' })!;
const logged = loggedRequests(a, pp, '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z');

describe('proveReplacement', () => {
  it('the same set: nothing broken or widened, over both logged resources', () => {
    const p = proveReplacement(pp, pp.set, [], logged, decideRaw, REAL_CATALOG);
    expect(p).toEqual({ broken: [], widened: [], universeSize: 8, exact: true, holds: true });
  });

  it('an empty set breaks the allowed logged call only', () => {
    const p = proveReplacement(pp, { identity: [] }, [], logged, decideRaw, REAL_CATALOG);
    expect(logged.map((l) => l.request.action)).toEqual(['s3:GetObject', 'ec2:RunInstances']);
    expect(p.broken).toEqual([logged[0]]);
    expect(p.widened).toEqual([]);
    expect(p.holds).toBe(false);
  });

  it('an added grant widens, over the universe of the added document', () => {
    const p = proveReplacement(pp, { identity: [S3_GET, SQS_SEND] }, [SQS_SEND], logged, decideRaw, REAL_CATALOG);
    expect(p.broken).toEqual([]);
    expect([...new Set(p.widened.map((w) => w.action))]).toEqual(['sqs:SendMessage']);
    expect(p.universeSize).toBe(12);
    expect(p.holds).toBe(false);
  });
});
