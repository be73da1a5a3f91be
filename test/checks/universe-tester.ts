/** Hooks for the framework's case-table tester: vitest's describe/it and the model's applyOperations. */
import { describe, it } from 'vitest';
import { applyOperations } from '../../src/model/apply.js';
import type { ApplyFix, TesterHooks } from '../../src/checks/tester.js';

/** Applies a fix with the model's operations, all or nothing. */
export const apply: ApplyFix = (account, fix, now) => {
  const r = applyOperations(account, fix, now);
  return r.ok ? { ok: true, value: { account: r.value.account } } : { ok: false, error: r.error };
};

/** The hooks every part-2 case table uses. */
export const hooks: TesterHooks = { describe, it, apply };
