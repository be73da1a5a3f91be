/**
 * The generator's working plan: timed model operations (applied in one batch), timed activity (replayed in time
 * order through signIn and request), the people and the ground truth. Builders append to it; nothing is applied
 * until the plan is complete.
 */
import type { TimedCall } from '../model/apply.js';
import type { CallPrincipal } from '../model/request-context.js';
import { fromMillis } from '../model/time.js';
import type { CredentialRef, Instant } from '../model/types.js';
import type { TruthEntry } from './types.js';

/** A console sign-in to replay. */
export interface SignInAct {
  readonly kind: 'sign-in';
  readonly at: Instant;
  readonly who: { readonly user: string } | { readonly root: true };
  readonly ip: string;
  readonly mfa: boolean;
  readonly agent: string;
}

/** An API call to replay. */
export interface CallAct {
  readonly kind: 'call';
  readonly at: Instant;
  readonly principal: CallPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly ip: string;
  readonly agent?: string;
}

/** One planned activity event. */
export type Act = SignInAct | CallAct;

/** A person and the credentials they hold (account.people ground truth). */
export interface PlannedPerson {
  readonly id: string;
  readonly name: string;
  readonly ips: string[];
  readonly credentials: CredentialRef[];
}

/** Everything the builders decided. */
export interface Plan {
  readonly accountId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly days: number;
  /** The day (from start, negative) the organisation is set up: at least 200 days before the end, so every check's age threshold is passed. */
  readonly setupDay: number;
  readonly ops: TimedCall[];
  readonly acts: Act[];
  readonly people: PlannedPerson[];
  readonly truth: TruthEntry[];
  /** Counter for access key ids and other unique suffixes. */
  seq: number;
}

/** The instant `days` (fractional) after the plan's start. */
export const dayAt = (plan: Plan, days: number): Instant => fromMillis(Date.parse(plan.start) + Math.round(days * 86_400) * 1000);

/** A fresh, unique long-term access key id (AKIA + 16 characters). */
export function nextKeyId(plan: Plan, prefix = 'AKIA'): string {
  plan.seq++;
  return `${prefix}${plan.seq.toString(36).toUpperCase().padStart(8, '0')}GENERATD`.slice(0, 20);
}

/** Records that `person` holds `cred`. */
export function hold(person: PlannedPerson, cred: CredentialRef): void {
  person.credentials.push(cred);
}
