/** Detector: any activity by the root user (CIS 1.7 monitoring: "root account usage"). Consecutive root events within an hour form one anomaly. */
import type { CloudTrailEvent } from '../../model/types.js';
import { actorOf } from './actor.js';
import type { Anomaly } from './types.js';

/** Root use, grouped into episodes (events less than an hour apart). */
export function rootUse(events: readonly CloudTrailEvent[]): Anomaly[] {
  const out: Anomaly[] = [];
  let episode: CloudTrailEvent[] = [];
  const flush = (): void => {
    const first = episode[0];
    if (first !== undefined) {
      out.push({ kind: 'root-use', actor: actorOf(first), events: episode, detail: { count: episode.length, first: first.eventTime, actions: [...new Set(episode.map((e) => e.eventName))].join(', ') } });
    }
    episode = [];
  };
  for (const e of events) {
    if (e.userIdentity.type !== 'Root' || e.eventType === 'AwsServiceEvent') continue;
    const last = episode[episode.length - 1];
    if (last !== undefined && Date.parse(e.eventTime) - Date.parse(last.eventTime) > 3_600_000) flush();
    episode.push(e);
  }
  flush();
  return out;
}
