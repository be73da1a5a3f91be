/**
 * Shared properties of every registered check, on messy generated accounts (test/arbitraries/account.ts), in the way
 * fast-check shares ArbitraryAssertions across arbitraries:
 * - DETECT-PURE: detect on a deep-frozen account leaves it untouched and returns the same reports twice;
 * - FIX-CLEARS: after applying every automatic fix, detect no longer reports what was fixed;
 * - FIX-IDEMPOTENT: remediating the remediated account applies nothing;
 * - FIX-NEVER-WIDENS: over a sample of requests by every user that existed before, nothing denied before the fixes
 *   is allowed after them (decided by the evaluator);
 * - FIX-UNDOABLE: the remediation's inverse patches give back exactly the original account.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, snapshot } from '../../src/checks/deep-freeze.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { remediate, undoRemediation } from '../../src/checks/remediate.js';
import { resolveOptions } from '../../src/checks/resolve-options.js';
import type { Report } from '../../src/checks/types.js';
import { applyOperations } from '../../src/model/apply.js';
import { evaluateCall } from '../../src/model/request.js';
import type { Call, Caller } from '../../src/model/request-context.js';
import type { Account } from '../../src/model/types.js';
import { ARB_ACCOUNT_ID, ARB_NOW, messyAccount } from '../arbitraries/account.js';

const RUNS = Number(process.env['CHECK_PROPERTY_RUNS'] ?? 25);
/**
 * A check slow on these small accounts (several seconds per account) gets fewer runs rather than a timeout: fast-check
 * stops starting new runs after this budget and the property passes on the runs made (at least one always completes).
 */
const params = { numRuns: RUNS, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false } as const;
const TIMEOUT = 120_000;
const key = (r: Report): string => `${r.messageId} ${r.resource.arn}`;

/** The sampled actions and resources. */
const SAMPLE: readonly [string, string][] = [
  ['s3:GetObject', 'arn:aws:s3:::data/report.csv'],
  ['s3:PutObject', 'arn:aws:s3:::data/report.csv'],
  ['s3:ListAllMyBuckets', '*'],
  ['ec2:RunInstances', `arn:aws:ec2:us-east-1:${ARB_ACCOUNT_ID}:instance/*`],
  ['ec2:DescribeInstances', '*'],
  ['iam:CreateUser', `arn:aws:iam::${ARB_ACCOUNT_ID}:user/new-user`],
  ['iam:ChangePassword', `arn:aws:iam::${ARB_ACCOUNT_ID}:user/alice`],
  ['iam:EnableMFADevice', `arn:aws:iam::${ARB_ACCOUNT_ID}:user/alice`],
  ['sts:GetSessionToken', '*'],
];
const MODES = [
  { via: 'console' as const, mfa: true },
  { via: 'console' as const, mfa: false },
  { via: 'access-key' as const, mfa: false },
];

/** Every (user, mode, action) decision that is Allow in `a`. */
function allowed(a: Account, users: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of users) {
    const user = a.users[name];
    if (user === undefined) continue;
    for (const m of MODES) {
      const caller: Caller = { kind: 'user', user, via: m.via, accessKeyId: m.via === 'access-key' ? 'AKIAPROBE0000000001' : null, mfa: m.mfa, signedInAt: ARB_NOW };
      for (const [action, resource] of SAMPLE) {
        const call: Call = { principal: { kind: 'user', user: name, via: m.via }, action, resource, sourceIp: '203.0.113.50', at: ARB_NOW };
        if (evaluateCall(a, caller, call).decision.effect === 'Allow') out.add(`${name} ${m.via} ${m.mfa} ${action}`);
      }
    }
  }
  return out;
}

describe.each(ALL_CHECKS.map((c) => [c.meta.id, c] as const))('%s', (id, check) => {
  const options = resolveOptions(check, {});

  it('DETECT-PURE', () => {
    fc.assert(
      fc.property(messyAccount, (account) => {
        const a = deepFreeze(account);
        const before = snapshot(a);
        const r1 = check.detect({ account: a, now: ARB_NOW, options });
        const r2 = check.detect({ account: a, now: ARB_NOW, options });
        expect(snapshot(a)).toBe(before);
        expect(JSON.stringify(r2)).toBe(JSON.stringify(r1));
      }),
      params,
    );
  }, TIMEOUT);

  it('FIX-CLEARS', () => {
    fc.assert(
      fc.property(messyAccount, (account) => {
        const reports = check.detect({ account, now: ARB_NOW, options });
        const fixed = reports.filter((r) => r.fix !== undefined);
        let a = account;
        for (const r of fixed) {
          const res = applyOperations(a, r.fix!, ARB_NOW);
          if (!res.ok) throw new Error(`fix for ${key(r)} failed: ${JSON.stringify(res.error)}`);
          a = res.value.account;
        }
        const still = new Set(fixed.map(key));
        const again = check.detect({ account: a, now: ARB_NOW, options }).filter((r) => still.has(key(r)));
        expect(again.map(key)).toEqual([]);
      }),
      params,
    );
  }, TIMEOUT);

  it('FIX-IDEMPOTENT', () => {
    fc.assert(
      fc.property(messyAccount, (account) => {
        const r1 = remediate(account, { now: ARB_NOW, checks: [id] });
        expect(r1.failed).toEqual([]);
        const r2 = remediate(r1.account, { now: ARB_NOW, checks: [id] });
        expect(r2.applied).toEqual([]);
        expect(r2.patches).toEqual([]);
      }),
      params,
    );
  }, TIMEOUT);

  it('FIX-NEVER-WIDENS', () => {
    fc.assert(
      fc.property(messyAccount, (account) => {
        const r = remediate(account, { now: ARB_NOW, checks: [id] });
        if (r.applied.length === 0) return;
        const users = Object.keys(account.users);
        const before = allowed(account, users);
        const widened = [...allowed(r.account, users)].filter((x) => !before.has(x));
        expect(widened).toEqual([]);
      }),
      params,
    );
  }, TIMEOUT);

  it('FIX-UNDOABLE', () => {
    fc.assert(
      fc.property(messyAccount, (account) => {
        const r = remediate(account, { now: ARB_NOW, checks: [id] });
        expect(snapshot(undoRemediation(r))).toBe(snapshot(account));
      }),
      params,
    );
  }, TIMEOUT);
});
