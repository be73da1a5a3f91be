/**
 * AWS date formats as they appear in export files: `2019-12-18 19:10:08+00:00` (the CLI's text and older SDKs),
 * `2019-12-18T19:10:08+00:00` (the credential report), `2019-12-18T19:10:08Z` (CloudTrail) and fractional seconds.
 */
import { fromMillis } from '../model/time.js';
import type { Instant } from '../model/types.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const AWS_DATE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses an AWS date to a canonical Instant, or undefined when the text is not a date. A zone-less time is UTC. */
export function parseAwsDate(text: unknown): Instant | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.length === 20 && CANONICAL.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const m = AWS_DATE.exec(text.trim());
  if (m === null) return undefined;
  const frac = m[3] !== undefined ? m[3].slice(0, 4) : '';
  let zone = m[4] ?? 'Z';
  if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${frac}${zone}`);
  return Number.isNaN(ms) ? undefined : fromMillis(ms);
}
