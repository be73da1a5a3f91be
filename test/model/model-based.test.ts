import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccount } from '../../src/model/empty-account.js';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { accountCommands, checkAgreement, emptyModel, requestsSeen, type Model, type Real } from './model-based.js';

describe('model-based: operations agree with a simple model', () => {
  it('after every command, users, keys, groups, memberships and attachments agree', () => {
    fc.assert(
      fc.property(fc.commands(accountCommands, { maxCommands: 80, size: 'max' }), (cmds) => {
        const setup = () => ({ model: emptyModel(), real: { account: emptyAccount('123456789012', '2025-01-01T00:00:00Z') } });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 100 },
    );
  });

  it('requests get the decision the model predicts from allow-all and deny-all attachments, and update key last-used unless rejected', () => {
    const seen = { ...requestsSeen };
    fc.assert(
      fc.property(fc.commands(accountCommands, { maxCommands: 120, size: 'max' }), (cmds) => {
        fc.modelRun(() => ({ model: emptyModel(), real: { account: emptyAccount('123456789012', '2025-01-01T00:00:00Z') } }), cmds);
      }),
      // 150 runs left a random seed without a single Allow about once in 30 (measured); 400 make that vanishingly rare.
      { numRuns: 400 },
    );
    // Every predicted outcome was exercised, so the agreement above is not vacuous.
    for (const k of ['Allow', 'ExplicitDeny', 'ImplicitDeny', 'rejected'] as const) expect(requestsSeen[k] - seen[k], k).toBeGreaterThan(0);
  });

  it('the final account survives save and load, and still agrees with the model', () => {
    fc.assert(
      fc.property(fc.commands(accountCommands, { maxCommands: 40, size: 'max' }), (cmds) => {
        const model: Model = emptyModel();
        const real: Real = { account: emptyAccount('123456789012', '2025-01-01T00:00:00Z') };
        fc.modelRun(() => ({ model, real }), cmds);
        const loaded = loadAccount(saveAccount(real.account));
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
        checkAgreement(model, { account: loaded.value });
      }),
      { numRuns: 30 },
    );
  });
});
