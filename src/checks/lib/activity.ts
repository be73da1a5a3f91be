/** Windows over the CloudTrail activity log. Instants are canonical ISO strings, so string comparison is time order. */
import { addMillis } from '../../model/time.js';
import type { Account, CloudTrailEvent, Instant } from '../../model/types.js';

/** The instant `days` before `now`. */
export const windowStart = (now: Instant, days: number): Instant => addMillis(now, -days * 86_400_000);

/** Events with `from <= eventTime <= now`, in log order. */
export function eventsBetween(a: Account, from: Instant, now: Instant): CloudTrailEvent[] {
  const out: CloudTrailEvent[] = [];
  for (const e of a.activity) if (e.eventTime >= from && e.eventTime <= now) out.push(e);
  return out;
}

/** Events within the last `days` days before `now`. */
export const eventsInWindow = (a: Account, now: Instant, days: number): CloudTrailEvent[] => eventsBetween(a, windowStart(now, days), now);

/** Whether a source address is an IP (CloudTrail also records service names such as `cloudformation.amazonaws.com`). */
export const isIpAddress = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));

/** A successful console sign-in. */
export const isConsoleLogin = (e: CloudTrailEvent): boolean =>
  e.eventName === 'ConsoleLogin' && e.errorCode === undefined && (e.responseElements?.['ConsoleLogin'] ?? 'Success') === 'Success';
