/** What a check run returns: findings (reports with their check's metadata and rendered message), errors, and checks not evaluated. */
import type { Evidence, Fix, RemediationKind, ResourceRef, Severity } from './types.js';

/** A suggestion with its message rendered. */
export interface RenderedSuggestion {
  readonly messageId: string;
  readonly message: string;
  readonly fix: Fix;
}

/** Why a finding is suppressed: the reason from the config and which suppression matched. */
export interface Suppressed {
  readonly reason: string;
  /** E.g. `suppressions[2] (check unused-access-key, resource arn:aws:iam::*:user/ci-*)`. */
  readonly by: string;
  readonly expires?: string;
}

/** One finding: a report plus its check's id, practice and severity, and its message rendered. */
export interface Finding {
  readonly checkId: string;
  readonly practice: number;
  readonly title: string;
  readonly severity: Severity;
  readonly remediation: RemediationKind;
  /** `check-error` when the check threw. */
  readonly messageId: string;
  readonly message: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly resource: ResourceRef;
  readonly fix?: Fix;
  readonly suggestions?: readonly RenderedSuggestion[];
  readonly evidence?: readonly Evidence[];
  /** Present when a suppression matched: the finding is still reported, never dropped. */
  readonly suppressed?: Suppressed;
}

/** A check that threw; it also appears as a `check-error` finding. */
export interface CheckError {
  readonly checkId: string;
  readonly message: string;
}

/** A check that was asked for but not run, and why. */
export interface NotEvaluated {
  readonly checkId: string;
  /** `missing-input`: the account was imported from AWS files and the files this check needs were absent (src/import/needs.ts). */
  readonly reason: 'unknown-check' | 'invalid-options' | 'disabled' | 'missing-input';
  readonly detail: string;
}

/** The result of runChecks. */
export interface CheckRun {
  readonly findings: readonly Finding[];
  readonly errors: readonly CheckError[];
  readonly notEvaluated: readonly NotEvaluated[];
  /** The ids of the checks that ran, in registry order. */
  readonly ran: readonly string[];
}

/** The message id every thrown check is reported under. */
export const CHECK_ERROR = 'check-error';
