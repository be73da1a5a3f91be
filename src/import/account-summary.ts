/** `aws iam get-account-summary` output: root MFA and root access keys, used when there is no credential report. */
import { asRecord } from './problems.js';

/** What the summary says about root. */
export interface AccountSummary {
  readonly rootMfa: boolean;
  readonly rootKeys: boolean;
}

/** True when parsed JSON is get-account-summary output. */
export const isAccountSummary = (o: Readonly<Record<string, unknown>>): boolean => asRecord(o['SummaryMap']) !== undefined;

/** Reads AccountMFAEnabled and AccountAccessKeysPresent (1 or 0). */
export function readAccountSummary(o: Readonly<Record<string, unknown>>): AccountSummary {
  const m = asRecord(o['SummaryMap'])!;
  return { rootMfa: m['AccountMFAEnabled'] === 1, rootKeys: m['AccountAccessKeysPresent'] === 1 };
}
