/** Activity anomalies: what each detector found, with the CloudTrail events that are its evidence. */
import type { CloudTrailEvent } from '../../model/types.js';

/** The detectors, each in its own file. */
export type AnomalyKind = 'root-use' | 'console-without-mfa' | 'new-sign-in-ip' | 'unusual-hours' | 'access-denied-burst' | 'privilege-change';

/** Who acted: the IAM user, role (for its sessions) or root, and the credential used when the log says. */
export interface Actor {
  readonly kind: 'root' | 'user' | 'role' | 'other';
  /** The user or role ARN (a session's issuer), or root's ARN. */
  readonly arn: string;
  readonly name: string;
  readonly accessKeyId?: string;
}

/** One anomaly. `detail` feeds the message template. */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly actor: Actor;
  /** The evidence, oldest first. */
  readonly events: readonly CloudTrailEvent[];
  readonly detail: Readonly<Record<string, string | number>>;
}

/** Thresholds for the detectors. */
export interface AnomalyOptions {
  /** Only events within this many days before now are reported (earlier ones still build each principal's baseline). */
  readonly windowDays: number;
  /** How many earlier events a principal needs before a new IP or an odd hour counts as unusual. */
  readonly minHistory: number;
  /** An hour this far (circularly, in hours) from every hour the principal was active before is unusual. */
  readonly unusualHourDistance: number;
  /** This many denied calls by one principal within `burstMinutes` make a burst. */
  readonly deniedBurst: number;
  readonly burstMinutes: number;
}

/** The default thresholds. */
export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { windowDays: 30, minHistory: 5, unusualHourDistance: 3, deniedBurst: 10, burstMinutes: 10 };
