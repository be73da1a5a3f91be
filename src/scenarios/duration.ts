/** Durations as scenarios write them: a number and a unit, repeated (`90s`, `15m`, `2h30m`, `3d`, `1w`). */
import { err, ok, type Result } from '../result.js';
import { say } from './messages.js';

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;

/** The grammar of a duration, for the JSON Schema and error hints. */
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?\\s*[wdhms]\\s*)+$';

/** Parses a duration to milliseconds, or says why it cannot. Zero is allowed; negative is not expressible. */
export function parseDuration(text: string): Result<number, string> {
  const s = text.trim();
  if (s === '') return err(say('durationEmpty').message);
  const re = /(\d+(?:\.\d+)?)\s*([wdhms])\s*/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    pos = re.lastIndex;
  }
  if (pos !== s.length) return err(say('durationBad', { text }).message);
  if (!Number.isFinite(total) || total > 100 * 365 * 86_400_000) return err(say('durationLong', { text }).message);
  return ok(Math.round(total));
}

/** Formats milliseconds as the shortest duration text (`1d2h`, `45m`, `0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [u, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${u}`;
    rest -= n * size;
  }
  return out === '' ? `${ms}ms` : out;
}
