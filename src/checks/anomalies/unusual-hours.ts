/** Detector: activity far from every hour of the day (UTC) at which the principal was active before. */
import type { CloudTrailEvent } from '../../model/types.js';
import { actorOf } from './actor.js';
import type { Anomaly, AnomalyOptions } from './types.js';

const hourOf = (t: string): number => new Date(Date.parse(t)).getUTCHours();
const circular = (a: number, b: number): number => Math.min(Math.abs(a - b), 24 - Math.abs(a - b));

/**
 * Events at an hour at least `unusualHourDistance` hours from every earlier active hour of the same principal
 * (after `minHistory` events). One anomaly per principal and day, with that day's odd events as evidence.
 */
export function unusualHours(events: readonly CloudTrailEvent[], from: string, o: AnomalyOptions): Anomaly[] {
  const history = new Map<string, { hours: Set<number>; count: number }>();
  const found = new Map<string, Anomaly & { events: CloudTrailEvent[] }>();
  for (const e of events) {
    if (e.eventType === 'AwsServiceEvent') continue;
    const actor = actorOf(e);
    let h = history.get(actor.arn);
    if (h === undefined) { h = { hours: new Set(), count: 0 }; history.set(actor.arn, h); }
    const hour = hourOf(e.eventTime);
    if (e.eventTime >= from && h.count >= o.minHistory && [...h.hours].every((x) => circular(x, hour) >= o.unusualHourDistance)) {
      const k = `${actor.arn} ${e.eventTime.slice(0, 10)}`;
      const a = found.get(k);
      if (a) a.events.push(e);
      else found.set(k, { kind: 'unusual-hours', actor, events: [e], detail: { time: e.eventTime, hour, usual: [...h.hours].sort((x, y) => x - y).map((x) => `${String(x).padStart(2, '0')}h`).join(' ') } });
      continue; // odd events do not become part of the baseline
    }
    h.hours.add(hour);
    h.count++;
  }
  return [...found.values()];
}
