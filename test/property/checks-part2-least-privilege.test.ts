/**
 * Properties of least-privilege generation from activity, on generated users (broad or conditional policies, and a
 * random activity log of allowed and denied calls):
 * - LOGGED-STILL-ALLOWED: every logged request the current policies allow is allowed by the replacement;
 * - GENERATED-NEVER-WIDENS: over the universe of both sets, the replacement allows nothing new, decided by the
 *   reference evaluator (independently of the fast evaluator that built the proof);
 * - PROOF-AGREES: the plan's own proof says it holds exactly when both of the above do.
 */
import { runs } from '../arbitraries/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReplacement } from '../../src/checks/least-privilege/index.js';
import { loggedRequests } from '../../src/checks/least-privilege/logged-requests.js';
import { buildUniverse, compareGrants, decideRaw, REAL_CATALOG, userPolicies } from '../../src/checks/universe/index.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import type { PolicyDocument } from '../../src/evaluator/types.js';
import { applyOperations } from '../../src/model/apply.js';
import { referenceEvaluate } from '../reference/index.js';
import { account, doc, event, user, withActivity } from '../checks/universe-fixtures.js';

const NOW = '2026-03-10T12:00:00Z';
const policies: readonly PolicyDocument[] = [
  doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }),
  doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
  doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-03-08T00:00:00Z' } } }),
];
const calls = [
  { name: 'GetObject', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' },
  { name: 'PutObject', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/b.csv' },
  { name: 'DeleteObject', source: 's3.amazonaws.com', resource: 'arn:aws:s3:::data/a.csv' },
  { name: 'SendMessage', source: 'sqs.amazonaws.com', resource: 'arn:aws:sqs:us-east-1:111122223333:q' },
  { name: 'CreateUser', source: 'iam.amazonaws.com', resource: 'arn:aws:iam::111122223333:user/x' },
] as const;
const ips = ['203.0.113.7', '198.51.100.9'] as const;

const scenario = fc.record({
  policy: fc.constantFrom(...policies.keys()),
  log: fc.array(fc.record({ call: fc.constantFrom(...calls.keys()), ip: fc.constantFrom(...ips), day: fc.integer({ min: 1, max: 9 }), denied: fc.boolean() }), { maxLength: 8 }),
});

describe('least-privilege generation', () => {
  it('LOGGED-STILL-ALLOWED, GENERATED-NEVER-WIDENS (reference evaluator) and PROOF-AGREES', () => {
    const n = runs(80, 20);
    let nonEmpty = 0;
    fc.assert(fc.property(scenario, (s) => {
      const events = s.log.map((l, i) => {
        const c = calls[l.call]!;
        return event(`2026-03-0${l.day}T1${i % 10}:00:00Z`, c.name, { user: 'u', source: c.source, resource: c.resource, ip: l.ip, ...(l.denied ? { error: 'AccessDenied' } : {}) });
      })
        .sort((a, b) => (a.eventTime < b.eventTime ? -1 : 1));
      const before = withActivity(account({ users: [user('u', { inlinePolicies: { broad: policies[s.policy]! } })] }), events);
      const plan = planReplacement(before, { kind: 'user', name: 'u' }, () => true, '2026-01-01T00:00:00Z', NOW, decideRaw, REAL_CATALOG);
      expect(plan).not.toBeNull();
      const applied = applyOperations(before, plan!.fix, NOW);
      if (!applied.ok) throw new Error(JSON.stringify(applied.error));
      const pb = userPolicies(before, before.users['u']!);
      const pa = userPolicies(applied.value.account, applied.value.account.users['u']!);
      if ((pa.set.identity ?? []).length > 0) nonEmpty++;
      const ref = (r: Parameters<typeof referenceEvaluate>[0], set: RawPolicySet) => referenceEvaluate(r, set);
      const logged = loggedRequests(before, pb, '2026-01-01T00:00:00Z', NOW);
      const broken = logged.filter((l) => ref(l.request, pb.set) === 'Allow' && ref(l.request, pa.set) !== 'Allow');
      const u = buildUniverse([...pb.documents, ...pa.documents], REAL_CATALOG, { principal: pb.principal, fixed: pb.fixed, extraResources: logged.map((l) => l.request.resource) });
      const widened = compareGrants(u, pb.set, pa.set, ref).onlyB;
      expect(broken).toEqual([]);
      expect(widened).toEqual([]);
      expect(plan!.proof.holds).toBe(true);
    }), { numRuns: n, seed: 6 });
    // More than 20 of 80 runs (the same share of fewer runs under mutation).
    expect(nonEmpty).toBeGreaterThan(n / 4);
  });
});
