/** The generator's inputs and outputs: options, the generated account and the ground truth of injected violations. */
import type { Account, Instant } from '../model/types.js';

/** What to generate. Every field but `seed` and `users` has a default. */
export interface GenerateOptions {
  /** Any string or number; the same seed (and options) gives a byte-identical account. */
  readonly seed: string | number;
  /** Number of human IAM users (at least 1). */
  readonly users: number;
  /** Number of application roles, each with a trust policy for EC2 and at least one instance (default: users / 50 + 2). */
  readonly roles?: number;
  /** Number of EC2 instances (default: twice the roles; never fewer than the roles). */
  readonly instances?: number;
  /** Days of activity (default 180). */
  readonly days?: number;
  /** Check ids whose violations are injected, or 'all' (default: none: a clean account). */
  readonly violations?: 'all' | readonly string[];
  /** When the activity starts (default 2026-01-01T00:00:00Z); the audit instant is `start + days`. */
  readonly start?: Instant;
  /** Called now and then with the work done so far (for a progress bar); the library never prints. */
  readonly onProgress?: (p: GenerateProgress) => void;
}

/** Progress of one phase of generation. */
export interface GenerateProgress {
  readonly phase: 'configure' | 'activity';
  readonly done: number;
  readonly total: number;
}

/** One injected violation: the check that must report it and the finding's resource ARN. */
export interface TruthEntry {
  readonly checkId: string;
  readonly resource: string;
}

/** The generated account, the instant to audit it at, and what was injected. */
export interface Generated {
  readonly account: Account;
  /** The end of the activity: audit the account at this instant. */
  readonly now: Instant;
  /** Every finding a correct audit reports at `now`, sorted by check id then resource. */
  readonly groundTruth: readonly TruthEntry[];
  /** The check ids whose violations were injected. */
  readonly injected: readonly string[];
}
