/** Detector: many denied calls by one principal in a short time (CIS 4.1 monitoring: "unauthorized API calls"). */
import type { CloudTrailEvent } from '../../model/types.js';
import { actorOf, isDenied } from './actor.js';
import type { Anomaly, AnomalyOptions } from './types.js';

/** Bursts of at least `deniedBurst` denied calls within `burstMinutes`; a burst extends while denials keep coming that fast. */
export function accessDeniedBurst(events: readonly CloudTrailEvent[], o: AnomalyOptions): Anomaly[] {
  const byActor = new Map<string, CloudTrailEvent[]>();
  for (const e of events) {
    if (!isDenied(e)) continue;
    const k = actorOf(e).arn;
    const l = byActor.get(k);
    if (l) l.push(e); else byActor.set(k, [e]);
  }
  const span = o.burstMinutes * 60_000;
  const out: Anomaly[] = [];
  for (const denied of byActor.values()) {
    let i = 0;
    while (i < denied.length) {
      const start = denied[i] as CloudTrailEvent;
      let j = i;
      while (j + 1 < denied.length && Date.parse((denied[j + 1] as CloudTrailEvent).eventTime) - Date.parse(start.eventTime) <= span) j++;
      if (j - i + 1 >= o.deniedBurst) {
        let k = j;
        while (k + 1 < denied.length && Date.parse((denied[k + 1] as CloudTrailEvent).eventTime) - Date.parse((denied[k] as CloudTrailEvent).eventTime) <= span) k++;
        const burst = denied.slice(i, k + 1);
        out.push({ kind: 'access-denied-burst', actor: actorOf(start), events: burst, detail: { count: burst.length, minutes: o.burstMinutes, first: start.eventTime, actions: [...new Set(burst.map((e) => e.eventName))].slice(0, 5).join(', ') } });
        i = k + 1;
      } else i++;
    }
  }
  return out;
}
