/**
 * Parsed request values, cached by their text so that a date, number, IP or base-64 value seen again (in another
 * statement, or in the next request) is not parsed again. Parsing is a pure function of the text, so the cache cannot go
 * stale; each family's cache is cleared when it reaches MAX_ENTRIES, which bounds memory.
 */
import { decodeBase64 } from '../values/binary.js';
import { parseDateValue } from '../values/date.js';
import { parseIpAddress, type IpValue } from '../values/ip.js';
import { parseNumberValue } from '../values/number.js';

const MAX_ENTRIES = 4096;

/** A bounded text → parsed-value cache around a pure parser. */
function cached<T>(parse: (s: string) => T | null): (s: string) => T | null {
  const map = new Map<string, T | null>();
  return (s) => {
    let v = map.get(s);
    // Stryker disable next-line ConditionalExpression: a memo of a pure parser; parsing the text again gives an equal value.
    if (v === undefined) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits memory; clearing sooner or later changes no parsed value.
      if (map.size >= MAX_ENTRIES) map.clear();
      v = parse(s);
      map.set(s, v);
    }
    return v;
  };
}

/** parseDateValue, cached. */
export const cachedDate: (s: string) => number | null = cached(parseDateValue);
/** parseNumberValue, cached. */
export const cachedNumber: (s: string) => number | null = cached(parseNumberValue);
/** parseIpAddress, cached. */
export const cachedIp: (s: string) => IpValue | null = cached(parseIpAddress);
/** decodeBase64, cached. */
export const cachedBinary: (s: string) => string | null = cached(decodeBase64);
