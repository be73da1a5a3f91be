/** Instants are ISO-8601 UTC strings; these helpers convert without ever reading the wall clock. */
import type { Instant } from './types.js';

/** Milliseconds since the epoch for an Instant. */
export const toMillis = (t: Instant): number => Date.parse(t);

/** The canonical Instant for a millisecond time: `YYYY-MM-DDTHH:mm:ssZ`, with `.sss` only when non-zero. */
export function fromMillis(ms: number): Instant {
  const iso = new Date(ms).toISOString();
  // join, not a template, gives one flat string: instants are kept by the million in activity logs.
  return iso.endsWith('.000Z') ? [iso.slice(0, 19), 'Z'].join('') : iso;
}

/** Whole days from `from` to `to` (floored; negative when `to` is earlier). */
export const daysBetween = (from: Instant, to: Instant): number => Math.floor((toMillis(to) - toMillis(from)) / 86_400_000);

/** `t` plus a number of milliseconds. */
export const addMillis = (t: Instant, ms: number): Instant => fromMillis(toMillis(t) + ms);
