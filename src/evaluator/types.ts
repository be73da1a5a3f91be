/**
 * The evaluator's public contract. Implementations live beside this file:
 * parse-policy.ts (compile + validate), match/ (action, resource, principal), conditions/, variables.ts,
 * evaluate.ts (decision flow), trace.ts. See ../../../shared/aws-iam-semantics.md for the semantics.
 */

import type { ActionIndex, ActionPattern } from './match/action.js';
import type { ResourcePattern } from './match/resource.js';
import type { PrincipalSet } from './match/principal.js';
import type { ConditionBlock } from './conditions/index.js';

/** Every kind of policy document the evaluator understands. `trust` is a role trust policy (a resource policy on the role). */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp' | 'session';

/** The three outcomes AWS distinguishes. */
export type Effect = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** A raw policy document as written in AWS's JSON grammar (unvalidated). */
export type PolicyDocument = Readonly<Record<string, unknown>>;

/** One problem found while parsing a policy: `path` is a JSON pointer into the document. */
export interface PolicyProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** IAM-like text, e.g. "Syntax errors in policy." plus specifics. */
  readonly message: string;
  /** JSON pointer, e.g. `/Statement/1/Condition/DateLessThan/aws:CurrentTime`. */
  readonly path: string;
  readonly hint?: string;
}

/** Points at one statement: the policy's id and kind, its Sid when it has one, and its index in `Statement`. */
export interface StatementRef {
  readonly policyId: string;
  readonly policyKind: PolicyKind;
  readonly sid?: string;
  readonly index: number;
}

/** Who is calling. `arn` is the caller's own ARN (a role session's is `arn:aws:sts::A:assumed-role/R/S`). */
export interface RequestPrincipal {
  readonly kind: 'root' | 'user' | 'role-session' | 'federated-user' | 'service' | 'anonymous';
  readonly arn: string;
  /** The principal's account id ('' for services and anonymous callers). */
  readonly accountId: string;
  /** For role sessions: the role ARN, which resource policies may name and which `aws:PrincipalArn` reports. */
  readonly roleArn?: string;
  /** For federated-user sessions: the IAM user who called GetFederationToken. */
  readonly federatedUserOwnerArn?: string;
  /** Service-linked roles are exempt from SCPs. */
  readonly serviceLinkedRole?: boolean;
  /** For `kind: 'service'`: the service principal, e.g. `ec2.amazonaws.com`. */
  readonly service?: string;
}

/** Context values: a single string, or several for a multivalued key. Keys are matched case-insensitively. */
export type ContextValue = string | readonly string[];

/** One authorization question. */
export interface AuthzRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
  /** The account that owns the resource; defaults to the ARN's account field, else the principal's account. */
  readonly resourceAccount?: string;
  readonly context: Readonly<Record<string, ContextValue>>;
}

/** The request context with keys lowercased once per request; lookups use lowercased keys. */
export type RequestContext = ReadonlyMap<string, ContextValue>;

/** Everything that applies to one request, already compiled. Absent fields mean "no such policy applies". */
export interface PolicySet {
  /** Identity policies of the user (and its groups) or of the role: inline and managed. */
  readonly identity: readonly CompiledPolicy[];
  /** The resource-based policy on the target (for sts:AssumeRole, the role's trust policy). */
  readonly resource?: CompiledPolicy | null;
  /**
   * True when the resource policy must itself allow (role trust policies, KMS key policies):
   * an identity Allow alone is then not enough [D-2023 reference_policies_evaluation-logic.html].
   */
  readonly resourceMustAllow?: boolean;
  readonly boundary?: CompiledPolicy | null;
  /** Session policies (inline plus managed ARNs); present only for sessions that were given them. */
  readonly session?: readonly CompiledPolicy[];
  /** SCP levels of the principal's account, root first; undefined or empty when no SCPs apply. */
  readonly scp?: readonly (readonly CompiledPolicy[])[];
  /** RCP levels of the resource's account, root first. */
  readonly rcp?: readonly (readonly CompiledPolicy[])[];
}

/** A statement the evaluator had to skip, reported rather than thrown. */
export interface EvalError {
  readonly code: string;
  readonly message: string;
  readonly statement?: StatementRef;
}

/** One condition clause as evaluated: operator, key, the request's values and the policy's. */
export interface ConditionTrace {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** As written in the policy. */
  readonly key: string;
  /** The request's values, or null when the key was absent. */
  readonly requestValues: readonly string[] | null;
  /** The policy's values after variable substitution (an unresolved variable shows as its `${…}` text). */
  readonly policyValues: readonly string[];
  readonly matched: boolean;
}

/** What the evaluator looked at. Empty unless `trace: true` was asked for. */
export type TraceEvent =
  | {
      readonly kind: 'statement';
      readonly ref: StatementRef;
      readonly effect: 'Allow' | 'Deny';
      readonly actionMatched: boolean;
      readonly resourceMatched: boolean;
      /** null where the policy kind has no Principal element. */
      readonly principalMatched: boolean | null;
      /** null when the statement has no Condition or evaluation stopped before it. */
      readonly conditionsMatched: boolean | null;
      readonly conditions: readonly ConditionTrace[];
      readonly matched: boolean;
    }
  | {
      readonly kind: 'combine';
      /** The decision-flow step, e.g. 'explicit-deny', 'scp', 'rcp', 'resource', 'identity', 'boundary', 'session', 'root'. */
      readonly step: string;
      readonly outcome: 'allow' | 'deny' | 'pass' | 'not-applicable';
      readonly message: string;
    };

/** The answer: the effect, which policy type decided, the statements that decided, and (optionally) the trace. */
export interface Decision {
  readonly effect: Effect;
  /** Which policy type decided; null when nothing matched at all (plain default deny), or 'root' for the root user's implicit allow. */
  readonly decidedBy: PolicyKind | 'root' | null;
  /** Non-empty exactly when effect is not ImplicitDeny (invariant WHY). */
  readonly determining: readonly StatementRef[];
  readonly errors: readonly EvalError[];
  readonly trace: readonly TraceEvent[];
}

/** Options for evaluate(). */
export interface EvaluateOptions {
  readonly trace?: boolean;
}

/**
 * One compiled statement: patterns lowercased and split, principals sorted by type, the condition block pre-parsed.
 * Built by compilePolicy; evaluate() only reads it.
 */
export interface CompiledStatement {
  /** Preallocated, so a determining statement costs no allocation. */
  readonly ref: StatementRef;
  readonly effect: 'Allow' | 'Deny';
  /** True for NotAction: the statement matches actions that none of `actions` matches. */
  readonly notAction: boolean;
  readonly actions: readonly ActionPattern[];
  /** `actions` split by service when the list is long (compilePolicy sets it); absent or null: scan `actions`. */
  readonly actionIndex?: ActionIndex | null;
  readonly notResource: boolean;
  /** null when the statement has no Resource element (role trust policies): every resource matches. */
  readonly resources: readonly ResourcePattern[] | null;
  readonly notPrincipal: boolean;
  /** null when the statement has no Principal element (identity-like policies). */
  readonly principals: PrincipalSet | null;
  /** null when there is no Condition or it is empty. */
  readonly condition: ConditionBlock | null;
}

/**
 * A parsed, validated policy: the compiled form that evaluate() reuses (patterns pre-split, dates and CIDRs pre-parsed).
 * `statements` is read only by the evaluator.
 */
export interface CompiledPolicy {
  readonly id: string;
  readonly kind: PolicyKind;
  /** '2012-10-17', '2008-10-17', or null when absent (then variables are literal). */
  readonly version: string | null;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
  /** Problems of severity 'warning' (the policy still compiled). */
  readonly warnings: readonly PolicyProblem[];
  /** Statements by action service, built by compilePolicy so evaluate() skips statements for other services. Optional: hand-built policies work without it. */
  readonly index?: StatementIndex;
}

/**
 * The statements that can match an action of a given service (lowercased), in document order: those naming the service
 * plus those whose Action can match any service (`*`, `*:Name`, NotAction). `other` is the list for unindexed services.
 */
export interface StatementIndex {
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  readonly other: readonly CompiledStatement[];
}
