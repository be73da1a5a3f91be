/** Detector: a console sign-in from an IP address the principal never used before (in any logged event). */
import type { CloudTrailEvent } from '../../model/types.js';
import { actorOf, isSignIn, signInSucceeded } from './actor.js';
import type { Anomaly, AnomalyOptions } from './types.js';

/** Sign-ins from new IPs, for principals with at least `minHistory` earlier events. `events` are in time order; only those at or after `from` are reported. */
export function newSignInIp(events: readonly CloudTrailEvent[], from: string, o: AnomalyOptions): Anomaly[] {
  const out: Anomaly[] = [];
  const seen = new Map<string, { ips: Set<string>; count: number }>();
  for (const e of events) {
    const actor = actorOf(e);
    let h = seen.get(actor.arn);
    if (h === undefined) { h = { ips: new Set(), count: 0 }; seen.set(actor.arn, h); }
    if (isSignIn(e) && signInSucceeded(e) && e.eventTime >= from && h.count >= o.minHistory && !h.ips.has(e.sourceIPAddress)) {
      out.push({ kind: 'new-sign-in-ip', actor, events: [e], detail: { ip: e.sourceIPAddress, time: e.eventTime, known: [...h.ips].sort().slice(0, 5).join(' ') } });
    }
    h.ips.add(e.sourceIPAddress);
    h.count++;
  }
  return out;
}
