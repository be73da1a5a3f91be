import fc from 'fast-check';
import { describe, it } from 'vitest';
import { emptyAccount } from '../../src/model/empty-account.js';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { accountCommands, checkAgreement, emptyModel, type Model, type Real } from './model-based.js';

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
