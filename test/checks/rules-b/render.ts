/** Runs one check with its defaults (plus options) and renders its findings the way `runChecks` does, so tests can pin exact user-facing text. */
import type { AnyCheck } from '../../../src/checks/define-check.js';
import type { Finding } from '../../../src/checks/finding.js';
import { toFinding } from '../../../src/checks/run-checks.js';
import type { Check } from '../../../src/checks/types.js';
import type { Account, Instant } from '../../../src/model/types.js';

/** The check's findings on `account` at `now`, with messages rendered. */
export function findings(check: Check<string, never> | AnyCheck, account: Account, now: Instant, options: Readonly<Record<string, unknown>> = {}): Finding[] {
  const ck = check as AnyCheck;
  return ck.detect({ account, now, options: { ...(ck.meta.defaults ?? {}), ...options } }).map((r) => toFinding(ck, r));
}

/** Just the rendered messages. */
export const messages = (check: Check<string, never> | AnyCheck, account: Account, now: Instant, options: Readonly<Record<string, unknown>> = {}): string[] =>
  findings(check, account, now, options).map((f) => f.message);
