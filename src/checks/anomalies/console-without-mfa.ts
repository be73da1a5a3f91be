/** Detector: a successful console sign-in without MFA (CIS 4.2 monitoring: "Management Console sign-in without MFA"). */
import type { CloudTrailEvent } from '../../model/types.js';
import { actorOf, isSignIn, signInSucceeded } from './actor.js';
import type { Anomaly } from './types.js';

/** Successful ConsoleLogin events whose additionalEventData says MFAUsed: No. */
export function consoleWithoutMfa(events: readonly CloudTrailEvent[]): Anomaly[] {
  const out: Anomaly[] = [];
  for (const e of events) {
    if (!isSignIn(e) || !signInSucceeded(e)) continue;
    const used = e.additionalEventData?.['MFAUsed'];
    if (used === 'Yes' || used === true) continue;
    const actor = actorOf(e);
    out.push({ kind: 'console-without-mfa', actor, events: [e], detail: { ip: e.sourceIPAddress, time: e.eventTime } });
  }
  return out;
}
