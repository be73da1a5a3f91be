/**
 * Near-miss generators for policy values: each builds a policy value and a request value whose outcome sits on an
 * edge (one IP past a CIDR boundary, one second past a date bound, one character off a pattern). Built with
 * map/chain/record, never filter.
 */
import fc from 'fast-check';

/** A policy value and the request value tested against it. */
export interface ValuePair {
  readonly policy: string;
  readonly request: string;
}

const ipv4Text = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** IPv4 CIDRs and addresses just inside and just outside them (first, last, one before, one after, anywhere). */
export const ipv4Pair: fc.Arbitrary<ValuePair> = fc
  .record({ base: fc.integer({ min: 1, max: 0xfffffffe }), prefix: fc.constantFrom(0, 8, 16, 24, 30, 31, 32), where: fc.constantFrom('first', 'last', 'before', 'after', 'inside'), offset: fc.nat() })
  .map(({ base, prefix, where, offset }) => {
    const size = 2 ** (32 - prefix);
    const start = Math.floor(base / size) * size;
    const end = start + size - 1;
    const at = where === 'first' ? start : where === 'last' ? end : where === 'before' ? start - 1 : where === 'after' ? end + 1 : start + (offset % size);
    const wrapped = ((at % 2 ** 32) + 2 ** 32) % 2 ** 32;
    const net = prefix === 32 && offset % 2 === 0 ? ipv4Text(start) : `${ipv4Text(start)}/${prefix}`;
    return { policy: net, request: ipv4Text(wrapped) };
  });

/** IPv6 networks written in varied case and compression, with addresses on both sides of the boundary; plus family mix-ups. */
export const ipv6Pair: fc.Arbitrary<ValuePair> = fc.constantFrom<ValuePair>(
  { policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5678::1' },
  { policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5678:ffff:ffff:ffff:ffff' },
  { policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5679::' },
  { policy: '2001:db8:1234:5678::/64', request: '2001:0db8:1234:5677:ffff:ffff:ffff:ffff' },
  { policy: '2001:db8::/32', request: '2001:db8:ffff::1' },
  { policy: '2001:db8::/32', request: '2001:db9::' },
  { policy: '::1', request: '::1' },
  { policy: '::1', request: '::2' },
  { policy: '203.0.113.0/24', request: '::ffff:203.0.113.9' },
  { policy: '::ffff:203.0.113.0/120', request: '203.0.113.9' },
  { policy: '0.0.0.0/0', request: '2001:db8::1' },
  { policy: '::/0', request: '198.51.100.7' },
);

/** Any IP pair. */
export const ipPair: fc.Arbitrary<ValuePair> = fc.oneof({ weight: 4, arbitrary: ipv4Pair }, { weight: 1, arbitrary: ipv6Pair });

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** Formats epoch seconds as W3C ISO with Z, or with a ±hh:mm offset (the same instant). */
function isoText(epoch: number, offsetMinutes: number): string {
  const d = new Date((epoch + offsetMinutes * 60) * 1000);
  const zone = offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${zone}`;
}

/** A date text for an instant, in one of the accepted spellings (ISO with Z, ISO with an offset, epoch seconds). */
const dateText = (epoch: number, style: number): string =>
  style === 0 ? isoText(epoch, 0) : style === 1 ? isoText(epoch, 120) : style === 2 ? isoText(epoch, -330) : style === 3 ? String(epoch) : `${isoText(epoch, 0).slice(0, -1)}.000Z`;

/** A date bound and a request instant one second before, at, or one second after it, each in a random spelling. */
export const datePair: fc.Arbitrary<ValuePair> = fc
  .record({ bound: fc.integer({ min: 946_684_800, max: 2_000_000_000 }), delta: fc.constantFrom(-86_400, -1, 0, 0, 1, 86_400), policyStyle: fc.nat(4), requestStyle: fc.nat(4) })
  .map(({ bound, delta, policyStyle, requestStyle }) => ({ policy: dateText(bound, policyStyle), request: dateText(bound + delta, requestStyle) }));

/** A numeric bound and a request number one below, equal (maybe spelled `n.0`), or one above. */
export const numberPair: fc.Arbitrary<ValuePair> = fc
  .record({ bound: fc.integer({ min: -5, max: 5000 }), delta: fc.constantFrom(-1, 0, 0, 1), spelling: fc.nat(2) })
  .map(({ bound, delta, spelling }) => ({ policy: String(bound), request: spelling === 1 && delta === 0 ? `${bound}.0` : spelling === 2 ? `${bound + delta}.5` : String(bound + delta) }));

/** Ways to bend a text into a pattern that almost matches it. */
export type Mutation = 'same' | 'case' | 'question' | 'drop' | 'insertQuestion' | 'change' | 'prefixStar' | 'suffixStar' | 'innerStar' | 'star' | 'duplicate' | 'doubleStar';

/** Every mutation, for constantFrom. */
export const MUTATIONS: readonly Mutation[] = ['same', 'same', 'case', 'question', 'drop', 'insertQuestion', 'change', 'prefixStar', 'suffixStar', 'innerStar', 'star', 'duplicate', 'doubleStar'];

/** Applies a mutation at position `at` (taken modulo the length): the result matches the text or misses by one step. */
export function mutate(text: string, mutation: Mutation, at: number): string {
  if (text.length === 0) return mutation === 'star' ? '*' : text;
  const i = at % text.length;
  const ch = text[i]!;
  switch (mutation) {
    case 'same':
      return text;
    case 'case': {
      const flipped = ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
      return text.slice(0, i) + flipped + text.slice(i + 1);
    }
    case 'question':
      return `${text.slice(0, i)}?${text.slice(i + 1)}`;
    case 'drop':
      return text.slice(0, i) + text.slice(i + 1);
    case 'insertQuestion':
      return `${text.slice(0, i)}?${text.slice(i)}`;
    case 'change':
      return text.slice(0, i) + (ch === 'x' ? 'y' : 'x') + text.slice(i + 1);
    case 'prefixStar':
      return `${text.slice(0, i)}*`;
    case 'suffixStar':
      return `*${text.slice(i)}`;
    case 'innerStar':
      return `${text.slice(0, i)}*${text.slice(i + 1)}`;
    case 'star':
      return '*';
    case 'duplicate':
      return text.slice(0, i) + ch + text.slice(i);
    case 'doubleStar':
      return `${text.slice(0, i)}**${text.slice(i)}`;
    default: {
      const never: never = mutation;
      return never;
    }
  }
}

/** A near-miss pattern for a text: the text bent by one mutation at a random position. */
export const nearMissOf = (text: string): fc.Arbitrary<string> =>
  fc.record({ m: fc.constantFrom(...MUTATIONS), at: fc.nat() }).map(({ m, at }) => mutate(text, m, at));

/** A near-miss action pattern: the service kept (wildcards never in the service), the name bent; or `*`, or `service:*`. */
export const actionPatternOf = (action: string): fc.Arbitrary<string> => {
  const colon = action.indexOf(':');
  const service = action.slice(0, colon);
  const name = action.slice(colon + 1);
  return fc.oneof(
    { weight: 6, arbitrary: nearMissOf(name).map((n) => `${service}:${n === '' ? '*' : n}`) },
    { weight: 1, arbitrary: fc.constantFrom('*', `${service}:*`, `${service.toUpperCase()}:${name.toLowerCase()}`, `${service}x:${name}`, `*:${name}`, `*:${name.slice(0, 3)}*`) },
  );
};

/**
 * A near-miss resource pattern for an ARN: the resource part bent (colons and slashes included), the region or account
 * changed, wildcarded or case-flipped, or a short ARN ending in `*`. Partition and service stay valid, since IAM rejects
 * policies that bend them ("Resource vendor must be fully qualified").
 */
export const resourcePatternOf = (arn: string): fc.Arbitrary<string> => {
  if (arn === '*') return fc.constantFrom('*', 'arn:aws:s3:::*', 'arn:aws:s3:*');
  const parts = arn.split(':');
  if (parts.length < 6) return nearMissOf(arn);
  const head = parts.slice(0, 5);
  const rest = parts.slice(5).join(':');
  const join = (h: readonly string[], r: string): string => `${h.join(':')}:${r}`;
  return fc.oneof(
    { weight: 6, arbitrary: nearMissOf(rest).map((r) => join(head, r)) },
    {
      weight: 2,
      arbitrary: fc.record({ seg: fc.constantFrom(head[2] === 'iam' || head[2] === 's3' ? 4 : 3, 4), how: fc.constantFrom('star', 'question', 'case', 'change', 'empty') }).map(({ seg, how }) => {
        const h = [...head];
        const s = h[seg]!;
        h[seg] = how === 'star' ? '*' : how === 'question' ? (s.length > 0 ? `${s.slice(0, -1)}?` : '?') : how === 'case' ? s.toUpperCase() : how === 'change' ? `${s}0` : '';
        return join(h, rest);
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('*', `${head.slice(0, 3).join(':')}:*`, `${head.join(':')}:*`, `${head.slice(0, 4).join(':')}:*`) },
  );
};
