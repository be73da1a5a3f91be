/** Binds the framework-agnostic case-table tester to vitest and the model's applyOperations. */
import { describe, it } from 'vitest';
import { applyOperations } from '../../src/model/apply.js';
import { runCaseTable as run, type CaseTable } from '../../src/checks/tester.js';
import type { AnyCheck } from '../../src/checks/define-check.js';
import type { Check } from '../../src/checks/types.js';

/** Registers a check's case table as vitest tests. */
export function runCaseTable(check: Check<string, never> | AnyCheck, table: CaseTable): void {
  run(check, table, { describe, it, apply: (account, fix, now) => applyOperations(account, fix, now) });
}
