/**
 * Reference parsers for condition values: numbers, dates and IP addresses, each strict and written out by hand
 * (sheet §3.3, §9: no Date.parse, no parseInt, BigInt for IPs).
 */

/** A decimal number, or null when the text is not one ("10abc", "", "1e3" are rejected). */
export function parseNumber(text: string): number | null {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): bigint {
  const y = BigInt(month <= 2 ? year - 1 : year);
  const era = (y >= 0n ? y : y - 399n) / 400n;
  const yoe = y - era * 400n;
  const m = BigInt(month);
  const doy = (153n * (m > 2n ? m - 3n : m + 9n) + 2n) / 5n + BigInt(day) - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

const NS_PER_SECOND = 1_000_000_000n;

/**
 * An instant in nanoseconds since the epoch, or null. Accepts epoch seconds (digits only) and the W3C profile of
 * ISO 8601: YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s…]]TZD with TZD `Z` or `±hh:mm` (sheet §3.3). Digits alone are
 * epoch seconds, and a time without a zone is read as UTC, as IAM's legacy parser does in moto's emulation (§3.3).
 */
export function parseInstant(text: string): bigint | null {
  if (/^\d+$/.test(text)) return BigInt(text) * NS_PER_SECOND;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] === undefined ? 0n : BigInt(m[7].padEnd(9, '0'));
  let offsetSeconds = 0n;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetSeconds = BigInt((oh * 60 + om) * 60) * (zone.startsWith('-') ? -1n : 1n);
  }
  const seconds = daysFromCivil(year, month, day) * 86400n + BigInt(hour * 3600 + minute * 60 + second) - offsetSeconds;
  return seconds * NS_PER_SECOND + fraction;
}

/** An IP address or network: its family, its value as a BigInt, and its prefix length. */
export interface IpNet {
  readonly family: 4 | 6;
  readonly value: bigint;
  readonly prefix: number;
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256n + BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): bigint[] | null => {
    if (s === '') return [];
    const out: bigint[] = [];
    const pieces = s.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === null) return null;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(BigInt(`0x${piece}`));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((acc, g) => acc * 65536n + g, 0n);
}

/** Parses `address` or `address/prefix` (IPv4 or IPv6); a bare address gets /32 or /128 (sheet §3.3). */
export function parseIpNet(text: string): IpNet | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? null : text.slice(slash + 1);
  const family: 4 | 6 = addressText.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIpv4(addressText) : parseIpv6(addressText);
  if (value === null) return null;
  const bits = family === 4 ? 32 : 128;
  if (prefixText === null) return { family, value, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
  return { family, value, prefix: Number(prefixText) };
}

/** Is the address inside the network? Families never mix (sheet §3.3, iam-sim behaviour). */
export function ipInNet(address: IpNet, net: IpNet): boolean {
  if (address.family !== net.family) return false;
  const shift = BigInt((net.family === 4 ? 32 : 128) - net.prefix);
  return address.value >> shift === net.value >> shift;
}
