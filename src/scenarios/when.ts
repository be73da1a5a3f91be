/** Moments in an authoring-form account: absolute or local times, `90d ago` (before the scenario start), or `never`. */
import { err, ok, type Result } from '../result.js';
import type { Instant } from '../model/types.js';
import { addMillis } from '../model/time.js';
import { resolveTime } from './clock.js';
import { parseDuration } from './duration.js';
import { say } from './messages.js';

/** Resolves a moment relative to `start`; `null` means never. */
export function resolveWhen(text: string, start: Instant, tz: string): Result<Instant | null, string> {
  const s = text.trim();
  if (s === 'never') return ok(null);
  const ago = /^(.*\S)\s+ago$/.exec(s);
  if (ago) {
    const d = parseDuration(ago[1] ?? '');
    return d.ok ? ok(addMillis(start, -d.value)) : err(d.error);
  }
  if (/^\d{1,2}:\d{2}$/.test(s) || /^[a-z]+\s+\d/i.test(s)) return err(say('whenNeedsDate', { text }).message);
  return resolveTime(s, tz);
}
