/**
 * The check contract (ESLint rule = meta + detect; cdk-nag's pure rules). One check per file in rules/,
 * its id equal to the file name. Fixes are data: lists of model operation calls, applied with
 * immer's produceWithPatches so they print as a diff and carry an inverse.
 */
import type { Account, Instant } from '../model/types.js';

/** Severity, lowest first. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** How a check's findings get fixed: automatically, by a suggestion a person applies, or by hand. */
export type RemediationKind = 'auto' | 'suggest' | 'manual';

/** Which entity a finding is about. `arn` is the canonical identifier; `kind` helps rendering. */
export interface ResourceRef {
  readonly kind: 'account' | 'root' | 'user' | 'group' | 'role' | 'policy' | 'access-key' | 'login-profile' | 'instance' | 'trail' | 'password-policy' | 'activity' | 'resource';
  readonly arn: string;
  /** A short display name, e.g. the user name or the key id. */
  readonly name?: string;
}

/**
 * A fix as data: an ordered list of model operation calls (`{ op: 'DetachUserPolicy', input: {…} }`).
 * The model's `applyOperations` runs them inside one produceWithPatches.
 */
export interface OperationCall {
  readonly op: string;
  readonly input: Readonly<Record<string, unknown>>;
}
export type Fix = readonly OperationCall[];

/** Evidence for a finding: a CloudTrail event id, or free text with data. */
export interface Evidence {
  readonly eventID?: string;
  readonly eventTime?: Instant;
  readonly text: string;
}

/** One violation a check reports. */
export interface Report<M extends string = string> {
  readonly messageId: M;
  readonly data: Readonly<Record<string, string | number>>;
  readonly resource: ResourceRef;
  /** An automatic fix; only when meta.remediation is 'auto'. */
  readonly fix?: Fix;
  /** Fixes a person may choose to apply. */
  readonly suggestions?: readonly { readonly messageId: M; readonly data?: Readonly<Record<string, string | number>>; readonly fix: Fix }[];
  readonly evidence?: readonly Evidence[];
  /** Overrides meta.severity for this report (e.g. root keys are critical, old ones high). */
  readonly severity?: Severity;
}

/** What a check may read. Checks never read `account.people`. */
export interface CheckContext<O = Readonly<Record<string, unknown>>> {
  readonly account: Account;
  readonly now: Instant;
  readonly options: O;
}

/** A JSON Schema object for a check's options. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Metadata for one check. */
export interface CheckMeta<M extends string = string> {
  /** Equal to the file name in rules/. */
  readonly id: string;
  /** 1..13: the best practice it serves. */
  readonly practice: number;
  readonly title: string;
  readonly severity: Severity;
  readonly rationale: string;
  /** CIS AWS Foundations Benchmark recommendations, Security Hub control ids, AWS docs. */
  readonly references: readonly string[];
  readonly remediation: RemediationKind;
  /** Message templates with `{{placeholder}}`s. */
  readonly messages: Readonly<Record<M, string>>;
  readonly options?: JsonSchema;
  /** Defaults for the options, from our source document. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** What the check needs from an imported account; missing inputs make it 'not evaluated'. */
  readonly needs?: readonly ('credential-report' | 'password-policy' | 'activity' | 'last-accessed' | 'trails' | 'instances' | 'organization')[];
}

/** A check: metadata plus a pure detect function. */
export interface Check<M extends string = string, O = Readonly<Record<string, unknown>>> {
  readonly meta: CheckMeta<M>;
  detect(ctx: CheckContext<O>): readonly Report<M>[];
}
