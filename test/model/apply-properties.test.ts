/** Named invariants of applyOperations over random call lists (fast-check). */
import fc from 'fast-check';
import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyOperation, applyOperations, applyOperationsUnchecked } from '../../src/model/apply.js';
import { saveAccount } from '../../src/model/serialize.js';
import type { Account } from '../../src/model/types.js';
import { callArb } from './arbitraries.js';
import { base, T0 } from './helpers.js';

const sequential = (a: Account, calls: Parameters<typeof applyOperations>[1]): { account: Account; failedAt: number | null } => {
  let cur = a;
  for (const [i, c] of calls.entries()) {
    const r = applyOperation(cur, c, T0);
    if (!r.ok) return { account: a, failedAt: i };
    cur = r.value;
  }
  return { account: cur, failedAt: null };
};

describe('applyOperations invariants', () => {
  it('BATCH-EQUALS-SEQUENTIAL: a batch gives the same account (or the same failing index) as one call at a time', () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 25 }), (calls) => {
        const a = base();
        const batch = applyOperations(a, calls, T0);
        const seq = sequential(a, calls);
        if (batch.ok) {
          expect(seq.failedAt).toBeNull();
          expect(saveAccount(batch.value.account)).toBe(saveAccount(seq.account));
        } else {
          expect(batch.error.index).toBe(seq.failedAt);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('PATCHES-UNDO: the inverse patches restore the input; the patches replay the change', () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 25 }), (calls) => {
        const a = base();
        const seq = sequential(a, calls);
        const prefix = seq.failedAt === null ? calls : calls.slice(0, seq.failedAt);
        const r = applyOperations(a, prefix, T0);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(saveAccount(applyPatches(r.value.account, r.value.inversePatches))).toBe(saveAccount(a));
        expect(saveAccount(applyPatches(a, r.value.patches))).toBe(saveAccount(r.value.account));
      }),
      { numRuns: 60 },
    );
  });

  it('ALL-OR-NOTHING and INPUT-UNTOUCHED: a failing batch leaves the input as it was; the unchecked builder agrees', () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 25 }), (calls) => {
        const a = base();
        const before = saveAccount(a);
        const r = applyOperations(a, calls, T0);
        const u = applyOperationsUnchecked(a, calls, T0);
        expect(saveAccount(a)).toBe(before);
        expect(u.ok).toBe(r.ok);
        if (r.ok && u.ok) expect(saveAccount(u.value)).toBe(saveAccount(r.value.account));
        if (!r.ok && !u.ok) expect(u.error.index).toBe(r.error.index);
      }),
      { numRuns: 60 },
    );
  });
});
