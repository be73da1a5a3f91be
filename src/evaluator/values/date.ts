/**
 * Strict parsing of IAM date condition values [sheet §3.3]: the W3C profile of ISO 8601
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then optionally `Thh:mm`, `Thh:mm:ss`, `Thh:mm:ss.s…`, and a zone `Z` or `±hh:mm`),
 * or integer epoch seconds. `Date.parse` is never used: it reads zone-less times as local time and accepts non-ISO text.
 *
 * Instants are returned as epoch milliseconds (a float). Whole milliseconds are exact for every year this parser accepts;
 * sub-millisecond fractions keep float precision (about 0.25 µs for present-day dates).
 */

const DIGIT_0 = 48;

/**
 * The value of `n` ASCII digits of `s` at `i`, or -1 if any is not a digit or lies past the end.
 * (`charCodeAt` past the end is NaN, which fails the digit test; the same makes the bare `charCodeAt(i) === c` tests below safe.)
 */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - DIGIT_0;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days from 1970-01-01 to the proleptic Gregorian civil date y-m-d (Hinnant's algorithm; no Date object, no 2-digit-year trap). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Number of days in month m (1-12) of year y. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses a W3C/ISO-8601 date or date-time to epoch milliseconds, or null when malformed.
 * A time without a zone designator is read as UTC: IAM's legacy parser accepts it (per moto's emulation [sheet §3.3]),
 * and so does the reference model (test/reference/values.ts).
 * Time-only values (`09:00:00Z`), impossible dates (`2023-02-30`), `24:00` and leap seconds are rejected.
 */
export function parseIsoDate(s: string): number | null {
  const n = s.length;
  const year = digits(s, 0, 4);
  if (year < 0) return null;
  let month = 1;
  let day = 1;
  let i = 4;
  if (s.charCodeAt(i) === 45 /* - */) {
    month = digits(s, i + 1, 2);
    if (month < 1 || month > 12) return null;
    i += 3;
    if (s.charCodeAt(i) === 45) {
      day = digits(s, i + 1, 2);
      if (day < 1 || day > daysInMonth(year, month)) return null;
      i += 3;
    }
  }
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  if (i === n) return ms;
  // A time needs a full date before it.
  const t = s.charCodeAt(i);
  if ((t !== 84 /* T */ && t !== 116 /* t */) || i !== 10) return null;
  const hh = digits(s, i + 1, 2);
  if (hh < 0 || hh > 23 || s.charCodeAt(i + 3) !== 58 /* : */) return null;
  const mm = digits(s, i + 4, 2);
  if (mm < 0 || mm > 59) return null;
  i += 6;
  let sec = 0;
  let frac = 0;
  if (s.charCodeAt(i) === 58 /* : */) {
    sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return null;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      let j = i + 1;
      let scale = 1;
      while (j < n) {
        const d = s.charCodeAt(j) - DIGIT_0;
        if (d < 0 || d > 9) break;
        scale /= 10;
        frac += d * scale;
        j++;
      }
      if (j === i + 1 || j - i - 1 > 9) return null;
      i = j;
    }
  }
  ms += hh * 3_600_000 + mm * 60_000 + sec * 1000 + frac * 1000;
  if (i === n) return ms;
  const z = s.charCodeAt(i);
  if ((z === 90 /* Z */ || z === 122 /* z */) && i + 1 === n) return ms;
  if ((z === 43 /* + */ || z === 45 /* - */) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    const offset = (oh * 60 + om) * 60_000;
    return z === 43 ? ms - offset : ms + offset;
  }
  return null;
}

/**
 * 2^63 − 1, the largest epoch-seconds value IAM's legacy parser accepts [sheet §3.3], as its 19 digits. It is compared as
 * text: a double cannot tell it from 2^63, which must be rejected.
 */
const MAX_EPOCH_DIGITS = '9223372036854775807';

/** Parses integer epoch seconds (`0` … `2^63−1`, digits only, leading zeros allowed) to epoch milliseconds, or null. */
export function parseEpochSeconds(s: string): number | null {
  if (!/^[0-9]+$/.test(s)) return null;
  let first = 0;
  while (s.charCodeAt(first) === DIGIT_0) first++;
  const significant = s.length - first;
  if (significant > 19 || (significant === 19 && s.slice(first) > MAX_EPOCH_DIGITS)) return null;
  return Number(s) * 1000;
}

/**
 * Parses a date condition value (policy or request) to epoch milliseconds, or null when it is neither form.
 * Like IAM's legacy parser, text containing `-`, `T` or `t` is read as ISO 8601 and anything else as epoch seconds
 * [sheet §3.3, I-moto]; so a bare `2026` is 2026 seconds after the epoch, not the year (use `2026-01-01` for the year).
 * One test decides which: every ISO value parseIsoDate accepts apart from a bare year has `-` at index 4, and text with
 * `-`, `T` or `t` anywhere is never epoch seconds, so either parser returns null for the rest.
 */
export function parseDateValue(s: string): number | null {
  return s.charCodeAt(4) === 45 /* - */ ? parseIsoDate(s) : parseEpochSeconds(s);
}
