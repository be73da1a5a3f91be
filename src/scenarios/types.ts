/** A loaded scenario: the account built, every time resolved, every reference checked. Plain readonly data. */
import type { Account, Instant } from '../model/types.js';
import type { Effect, PolicyDocument } from '../evaluator/types.js';
import type { Recurrence } from './schedule.js';

/** One model operation as a scenario writes it: the name and its input (short keys like `user` already mapped). */
export interface ScenarioOperation {
  readonly op: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** A recurring operation. */
export interface ScheduleEntry {
  readonly every: Recurrence;
  readonly text: string;
  readonly ops: readonly ScenarioOperation[];
  readonly from?: Instant;
  readonly until?: Instant;
  readonly note?: string;
  readonly line: number;
}

/** Which policy type decided, as a scenario names it (`none`: nothing matched). */
export type DecidedByName = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp' | 'session' | 'root' | 'none';

/** Who makes a request, with which credential, from where. */
export interface Caller {
  /** A user name, `root`, or ROLE/SESSION; with `app`, an EC2 instance id. */
  readonly as: string;
  /** An application on the instance `as`: it calls with the credential it is configured with (the instance role or a user's key). */
  readonly app?: string;
  readonly with?: string;
  readonly from?: string;
  readonly mfa?: boolean;
}

/** A request step's question. */
export interface RequestSpec extends Caller {
  readonly action: string;
  readonly resource: string;
  readonly region?: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** What a decision is expected to be. */
export interface DecisionExpectation {
  readonly effect?: Effect;
  readonly decidedBy?: DecidedByName;
  readonly sid?: string;
  readonly policy?: string;
}

/** A finding by check id and resource (name or ARN; absent: any resource). */
export interface FindingRef {
  readonly check: string;
  readonly resource?: string;
}

/** Facts about one entity. */
export interface Assertion {
  readonly subject: { readonly kind: 'user' | 'group' | 'role' | 'policy'; readonly name: string };
  readonly exists?: boolean;
  readonly groups?: readonly string[];
  readonly members?: readonly string[];
  readonly policies?: readonly string[];
  readonly inline?: readonly string[];
  readonly keys?: readonly ('Active' | 'Inactive')[];
  readonly mfa?: boolean;
  readonly console?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
  readonly boundary?: string | null;
  readonly mentions?: readonly string[];
}

/** One request template of an activity. */
export interface ActivityRequest {
  readonly action: string;
  readonly resource: string;
  readonly weight: number;
}

/** The steps, by kind. Every step knows its index, its YAML line and the clock time it runs at. */
export type StepBody =
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'advance'; readonly ms: number; readonly text: string }
  | { readonly kind: 'at'; readonly text: string }
  | { readonly kind: 'schedule'; readonly entry: ScheduleEntry }
  | { readonly kind: 'operation'; readonly call: ScenarioOperation; readonly expect?: string }
  | { readonly kind: 'request'; readonly spec: RequestSpec; readonly expect: DecisionExpectation }
  | { readonly kind: 'sign-in'; readonly spec: Caller; readonly expect?: 'success' | 'failure' }
  | {
      readonly kind: 'assume-role';
      readonly spec: Caller & { readonly role: string; readonly session?: string; readonly durationMs?: number; readonly policy?: PolicyDocument; readonly policies?: readonly string[] };
      readonly expect: DecisionExpectation;
    }
  | {
      readonly kind: 'activity';
      readonly spec: Caller & { readonly count: number; readonly overMs: number; readonly ips: readonly string[]; readonly regions: readonly string[]; readonly requests: readonly ActivityRequest[] };
      readonly expect?: { readonly allowed?: number; readonly denied?: number };
    }
  | {
      readonly kind: 'check';
      readonly checks: readonly string[] | 'all';
      readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
      readonly expect?: { readonly findings?: readonly FindingRef[]; readonly includes?: readonly FindingRef[]; readonly excludes?: readonly FindingRef[] };
    }
  | {
      readonly kind: 'remediate';
      readonly checks: readonly string[] | 'all';
      readonly expect?: { readonly fixed?: readonly FindingRef[]; readonly operations?: readonly string[] };
    }
  | { readonly kind: 'assert'; readonly assertions: readonly Assertion[] };

/** A step kind. */
export type StepKind = StepBody['kind'];

/** One step with where it was written and when it runs. */
export type Step = StepBody & {
  readonly index: number;
  readonly line: number;
  /** The clock when the step starts (for `advance`, `at` and `activity`: where the clock ends up). */
  readonly time: Instant;
};

/** A loaded scenario. */
export interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly start: Instant;
  readonly timezone: string;
  readonly seed: string;
  readonly account: Account;
  readonly schedule: readonly ScheduleEntry[];
  readonly steps: readonly Step[];
}
