/** Activity anomaly detectors over the CloudTrail log; each reports its evidence events. */
import type { CloudTrailEvent } from '../../model/types.js';
import { accessDeniedBurst } from './access-denied-burst.js';
import { consoleWithoutMfa } from './console-without-mfa.js';
import { newSignInIp } from './new-sign-in-ip.js';
import { privilegeChanges, type PrivilegeEnv } from './privilege-changes.js';
import { rootUse } from './root-use.js';
import type { Anomaly, AnomalyOptions } from './types.js';
import { unusualHours } from './unusual-hours.js';

export * from './types.js';
export * from './actor.js';
export { rootUse, consoleWithoutMfa, newSignInIp, unusualHours, accessDeniedBurst, privilegeChanges, type PrivilegeEnv };

/**
 * Every detector over `events` (time order). Baselines (known IPs, usual hours) are learnt from all events;
 * anomalies are reported only for events at or after `from`.
 */
export function detectAnomalies(events: readonly CloudTrailEvent[], from: string, o: AnomalyOptions, env: PrivilegeEnv): Anomaly[] {
  const recent = events.filter((e) => e.eventTime >= from);
  return [
    ...rootUse(recent),
    ...consoleWithoutMfa(recent),
    ...newSignInIp(events, from, o),
    ...unusualHours(events, from, o),
    ...accessDeniedBurst(recent, o),
    ...privilegeChanges(recent, env),
  ];
}
