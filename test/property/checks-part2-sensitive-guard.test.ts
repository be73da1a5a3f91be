/**
 * Properties of sensitive-access-conditions on generated contractors (policies with and without IP and date bounds,
 * through groups or inline, with allowlist and contract-end tags):
 * - GUARD-CLEARS: after the fix, detect reports nothing the fix was for;
 * - GUARD-NEVER-WIDENS: over the request universe of the documents before and after (every action class, resource
 *   instance, IP and date boundary), nothing is allowed after that was not allowed before;
 * - GUARD-ENDS-ACCESS: after the fix, nothing at all is allowed at or after the contract end, nor from outside the
 *   allowlist (checked with the reference evaluator, independently of the fast one the check uses).
 */
import { runs } from '../arbitraries/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import check, { type SensitiveAccessOptions } from '../../src/checks/rules/sensitive-access-conditions.js';
import { buildUniverse, compareGrants, contractEndInstant, decideRaw, ipInAny, REAL_CATALOG, toAuthzRequest, universeRequests, userPolicies } from '../../src/checks/universe/index.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import type { PolicyDocument } from '../../src/evaluator/types.js';
import { applyOperations } from '../../src/model/apply.js';
import { referenceEvaluate } from '../reference/index.js';
import { account, doc, group, user } from '../checks/universe-fixtures.js';

const NOW = '2026-03-02T10:00:00Z';
const opts = check.meta.defaults as SensitiveAccessOptions;
const cidrs = ['203.0.113.0/24', '198.51.100.0/28', '10.1.0.0/16'] as const;
const ends = ['2026-04-30', '2026-06-30', '2026-02-01'] as const;
const actions = [['s3:GetObject'], ['s3:PutObject', 's3:GetObject'], ['sqs:*'], ['*']] as const;

const policyArb = fc.record({
  actions: fc.constantFrom(...actions),
  ip: fc.option(fc.constantFrom(...cidrs), { nil: undefined }),
  until: fc.option(fc.constantFrom('2026-05-01T00:00:00Z', '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z'), { nil: undefined }),
}).map(({ actions: a, ip, until }): PolicyDocument => doc({
  Effect: 'Allow', Action: [...a], Resource: '*',
  ...(ip || until ? { Condition: { ...(ip ? { IpAddress: { 'aws:SourceIp': ip } } : {}), ...(until ? { DateLessThan: { 'aws:CurrentTime': until } } : {}) } } : {}),
}));

const scenario = fc.record({
  inline: fc.array(policyArb, { maxLength: 2 }),
  viaGroup: fc.array(policyArb, { maxLength: 2 }),
  end: fc.constantFrom(...ends),
  allowTag: fc.option(fc.constantFrom(...cidrs), { nil: undefined }),
});

describe('sensitive-access-conditions properties', () => {
  it('GUARD-CLEARS, GUARD-NEVER-WIDENS and GUARD-ENDS-ACCESS', () => {
    const n = runs(60, 15);
    let fixedRuns = 0;
    let checkedLate = 0;
    fc.assert(fc.property(scenario, (s) => {
      const tags = { employment: 'contractor', 'contract-end': s.end, ...(s.allowTag ? { 'iamsim:allowed-cidrs': s.allowTag } : {}) };
      const before = account({
        users: [user('c', { tags, groups: ['g'], inlinePolicies: Object.fromEntries(s.inline.map((d, i) => [`p${i}`, d])) })],
        groups: [group('g', { inlinePolicies: Object.fromEntries(s.viaGroup.map((d, i) => [`q${i}`, d])) })],
      });
      const reports = check.detect({ account: before, now: NOW, options: opts });
      const fix = reports.find((r) => r.fix !== undefined)?.fix;
      if (fix === undefined) return;
      fixedRuns++;
      const applied = applyOperations(before, fix, NOW);
      if (!applied.ok) throw new Error(JSON.stringify(applied.error));
      const after = applied.value.account;
      const fixedIds = new Set(reports.filter((r) => r.fix !== undefined).map((r) => r.messageId));
      expect(check.detect({ account: after, now: NOW, options: opts }).filter((r) => fixedIds.has(r.messageId))).toEqual([]);

      const pb = userPolicies(before, before.users['c']!);
      const pa = userPolicies(after, after.users['c']!);
      const u = buildUniverse([...pb.documents, ...pa.documents], REAL_CATALOG, { principal: pb.principal, fixed: { ...pb.fixed, 'aws:ViaAWSService': 'false' } });
      expect(compareGrants(u, pb.set, pa.set, decideRaw).onlyB).toEqual([]);

      const end = contractEndInstant(s.end)!;
      const guard = after.users['c']!.inlinePolicies['iamsim-sensitive-access-guard']!;
      const allowlist = JSON.stringify(guard).match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? [];
      const ref = (set: RawPolicySet, r: Parameters<typeof referenceEvaluate>[0]) => referenceEvaluate(r, set);
      for (const r of universeRequests(u)) {
        const req = toAuthzRequest(u, r);
        const t = req.context['aws:currenttime'];
        const ip = req.context['aws:sourceip'];
        const late = typeof t === 'string' && Date.parse(t) >= Date.parse(end);
        const outside = allowlist.length > 0 && (typeof ip !== 'string' || !ipInAny(ip, allowlist));
        if (late || outside) {
          checkedLate++;
          expect(ref(pa.set, req)).not.toBe('Allow');
        }
      }
    }), { numRuns: n, seed: 12 });
    // Not vacuous: most generated contractors needed the guard, and many requests were late or outside.
    // Over 60 runs: more than 30 fixed and 1,000 checks after the end (the same shares of fewer runs under mutation).
    expect(fixedRuns).toBeGreaterThan(n / 2);
    expect(checkedLate).toBeGreaterThan((1000 * n) / 60);
  });
});
