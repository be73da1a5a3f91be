/** IP allowlist membership for universe contexts (ipaddr.js; IPv4-mapped IPv6 addresses compare as IPv4). */
import ipaddr from 'ipaddr.js';

type Net = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseNet(cidr: string): Net | null {
  try {
    if (cidr.includes('/')) return ipaddr.parseCIDR(cidr);
    const a = ipaddr.parse(cidr);
    return [a, a.kind() === 'ipv6' ? 128 : 32];
  } catch {
    return null;
  }
}

/** True when `cidr` parses as an address or CIDR block. */
export const isCidr = (cidr: string): boolean => parseNet(cidr) !== null;

/** The prefix length of a CIDR (32 or 128 for a single address); null when it does not parse. */
export const prefixLength = (cidr: string): number | null => parseNet(cidr)?.[1] ?? null;

/** True when `ip` lies in at least one of `cidrs`. Unparseable addresses and blocks never match. */
export function ipInAny(ip: string, cidrs: readonly string[]): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return false;
  }
  for (const c of cidrs) {
    const net = parseNet(c);
    if (net === null) continue;
    const [base, bits] = net;
    const b = base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress() ? (base as ipaddr.IPv6).toIPv4Address() : base;
    const shift = b.kind() === 'ipv4' && base.kind() === 'ipv6' ? bits - 96 : bits;
    if (addr.kind() !== b.kind()) continue;
    if (addr.match([b, shift] as never)) return true;
  }
  return false;
}
