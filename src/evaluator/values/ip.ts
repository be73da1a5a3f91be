/**
 * IP values for IpAddress/NotIpAddress [sheet §3.3]: IPv4 and IPv6 addresses and CIDRs, parsed with ipaddr.js and
 * compared numerically (a 32-bit number for IPv4, a 128-bit BigInt for IPv6), never as strings.
 * IPv4 is accepted only in four-part decimal form (`10.0.0.1`, not `10.1` or `0x0a.0.0.1`); IPv6 zone ids are rejected.
 * An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is IPv6: a family never matches the other.
 */
import ipaddr from 'ipaddr.js';

/** A parsed address: IPv4 as an unsigned 32-bit number, IPv6 as a 128-bit BigInt. */
export type IpValue = { readonly family: 4; readonly addr: number } | { readonly family: 6; readonly addr: bigint };

/** A parsed CIDR block: the network address (host bits cleared) and the prefix mask, per family. */
export type CidrValue =
  | { readonly family: 4; readonly net: number; readonly mask: number; readonly prefix: number }
  | { readonly family: 6; readonly net: bigint; readonly mask: bigint; readonly prefix: number };

function v6ToBigInt(parts: readonly number[]): bigint {
  let v = 0n;
  for (const p of parts) v = (v << 16n) | BigInt(p);
  return v;
}

/** Fast IPv4 four-part decimal parse without allocation: -1 when `s` is not one. */
function fastV4(s: string): number {
  const n = s.length;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: an early exit; the loop rejects every text shorter than 7 or longer than 15 characters anyway (rejecting every length is caught, but shares the mutator).
  if (n < 7 || n > 15) return -1;
  let acc = 0;
  let part = 0;
  let digitsInPart = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digitsInPart === 0) return -1;
      acc = acc * 256 + part;
      part = 0;
      digitsInPart = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // A second digit after a part's first digit 0: a leading zero, which octal-reading parsers misread.
      if (digitsInPart === 1 && part === 0) return -1;
      part = part * 10 + (c - 48);
      digitsInPart++;
      if (part > 255) return -1;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digitsInPart === 0) return -1;
  return acc * 256 + part;
}

/** Parses a bare IPv4 or IPv6 address (a request's `aws:SourceIp`), or returns null. */
export function parseIpAddress(s: string): IpValue | null {
  const v4 = fastV4(s);
  if (v4 >= 0) return { family: 4, addr: v4 };
  if (s.includes('%') || !ipaddr.IPv6.isValid(s)) return null;
  // isValid runs the same parser and constructor as parse, so parse cannot throw here.
  return { family: 6, addr: v6ToBigInt(ipaddr.IPv6.parse(s).parts) };
}

/** The 32-bit mask of an IPv4 prefix length. */
function mask4(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The 128-bit mask of an IPv6 prefix length. */
function mask6(prefix: number): bigint {
  return ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
}

/**
 * Parses a policy CIDR (`203.0.113.0/24`, `2001:DB8::/32`) or a bare address (then /32 or /128) [sheet §3.3], or null.
 * Host bits after the prefix are allowed and ignored; prefix lengths are decimal without leading zeros.
 */
export function parseCidr(s: string): CidrValue | null {
  const parts = s.split('/');
  if (parts.length > 2) return null;
  const addr = parseIpAddress(parts[0]!);
  if (addr === null) return null;
  const max = addr.family === 4 ? 32 : 128;
  let prefix = max;
  if (parts.length === 2) {
    const p = parts[1]!;
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(p)) return null;
    prefix = Number(p);
    if (prefix > max) return null;
  }
  if (addr.family === 4) {
    const mask = mask4(prefix);
    return { family: 4, net: (addr.addr & mask) >>> 0, mask, prefix };
  }
  const mask = mask6(prefix);
  return { family: 6, net: addr.addr & mask, mask, prefix };
}

/** Whether an address lies in a CIDR block; false across families. */
export function cidrContains(cidr: CidrValue, ip: IpValue): boolean {
  if (cidr.family === 4) return ip.family === 4 && ((ip.addr & cidr.mask) >>> 0) === cidr.net;
  return ip.family === 6 && (ip.addr & cidr.mask) === cidr.net;
}
