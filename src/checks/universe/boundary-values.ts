/**
 * Boundary values for condition keys: for every value a policy compares a key against, values just inside and
 * just outside it (the first and last address of a CIDR and their neighbours, a date and the seconds either side,
 * a string and a string that differs), so every comparison in the policies comes out both ways somewhere.
 */
import ipaddr from 'ipaddr.js';
import type { ContextValue } from '../../evaluator/types.js';
import type { ConditionFact } from './policy-facts.js';

/** The comparison families of IAM's condition operators. */
export type OperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

/** An operator as written, split into its set prefix, family and IfExists suffix. */
export interface ParsedOperator {
  readonly set: 'ForAnyValue' | 'ForAllValues' | null;
  readonly family: OperatorFamily;
  readonly ignoreCase: boolean;
  readonly ifExists: boolean;
}

/** Parses an operator name; null for an operator IAM does not have (the evaluator reports those). */
export function parseOperator(op: string): ParsedOperator | null {
  let rest = op;
  let set: ParsedOperator['set'] = null;
  if (rest.startsWith('ForAnyValue:')) { set = 'ForAnyValue'; rest = rest.slice('ForAnyValue:'.length); }
  else if (rest.startsWith('ForAllValues:')) { set = 'ForAllValues'; rest = rest.slice('ForAllValues:'.length); }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const family: OperatorFamily | null =
    rest.startsWith('String') ? 'string'
    : rest.startsWith('Numeric') ? 'numeric'
    : rest.startsWith('Date') ? 'date'
    : rest === 'Bool' ? 'bool'
    : rest === 'BinaryEquals' ? 'binary'
    : rest === 'IpAddress' || rest === 'NotIpAddress' ? 'ip'
    : rest.startsWith('Arn') ? 'arn'
    : rest === 'Null' ? 'null'
    : null;
  if (family === null) return null;
  return { set, family, ignoreCase: rest.endsWith('IgnoreCase'), ifExists };
}

/** A value that no policy mentions, for "anything else". */
export const OTHER_STRING = 'iamsim-other';
const OTHER_ARN = 'arn:aws:iamsim:us-east-1:000000000000:other';
const OTHER_IP = '192.0.2.77';

/** Replaces `${…}` policy variables with fixed context values where known; `${*}`, `${?}`, `${$}` become the literal characters. */
export function substituteVariables(s: string, fixed: Readonly<Record<string, ContextValue>>): string {
  const lower = new Map(Object.entries(fixed).map(([k, v]) => [k.toLowerCase(), v] as const));
  return s.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name;
    // Stryker disable next-line OptionalChaining: split always gives at least one element, so [0] is never undefined
    const bare = name.split(',')[0]?.trim() ?? name;
    const v = lower.get(bare.toLowerCase());
    return typeof v === 'string' ? v : whole;
  });
}

/** Strings that a glob pattern matches: `*` as nothing and as a token, `?` as one character. Literal patterns give themselves. */
export function globInstances(pattern: string): readonly string[] {
  // Stryker disable next-line ConditionalExpression: fast path; without it a literal pattern gives the Set of [pattern, pattern], the same [pattern]
  if (!/[*?]/.test(pattern)) return [pattern];
  const q = pattern.replace(/\?/g, 'x');
  return [...new Set([q.replace(/\*/g, ''), q.replace(/\*/g, 'iamsim')])];
}

function ipToBigInt(bytes: readonly number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

function bigIntToIp(n: bigint, v6: boolean): string {
  const len = v6 ? 16 : 4;
  const bytes: number[] = [];
  let x = n;
  for (let i = 0; i < len; i++) { bytes.unshift(Number(x & 0xffn)); x >>= 8n; }
  return ipaddr.fromByteArray(bytes).toString();
}

/** The first and last address of a CIDR (or a single address) and the addresses just outside it. Empty when unparseable. */
export function cidrBoundaries(cidr: string): readonly string[] {
  try {
    const [addr, bits] = cidr.includes('/') ? ipaddr.parseCIDR(cidr) : [ipaddr.parse(cidr), ipaddr.parse(cidr).kind() === 'ipv6' ? 128 : 32] as const;
    const v6 = addr.kind() === 'ipv6';
    const width = v6 ? 128n : 32n;
    const max = (1n << width) - 1n;
    const hostBits = width - BigInt(bits);
    const value = ipToBigInt(addr.toByteArray());
    const first = (value >> hostBits) << hostBits;
    const last = first + (1n << hostBits) - 1n;
    const out = [first, last];
    if (first > 0n) out.push(first - 1n);
    if (last < max) out.push(last + 1n);
    return [...new Set(out.map((n) => bigIntToIp(n, v6)))];
  } catch {
    return [];
  }
}

function dateSeconds(v: string): number | null {
  if (/^-?\d+$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function isoSeconds(s: number): string {
  return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
}

/** Sorted numbers with their neighbours and the midpoints between them, so every order relation is covered. */
function numericCover(ns: readonly number[], step: number): number[] {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out = new Set<number>();
  sorted.forEach((n, i) => {
    out.add(n - step); out.add(n); out.add(n + step);
    // Stryker disable next-line ArithmeticOperator: pairing each number with its previous neighbour instead adds the same midpoints to the set
    const next = sorted[i + 1];
    if (next !== undefined) out.add((n + next) / 2);
  });
  return [...out].sort((a, b) => a - b);
}

/** The scalar candidate values for one key, from every clause that mentions it. */
export function scalarCandidates(key: string, facts: readonly ConditionFact[], fixed: Readonly<Record<string, ContextValue>>): readonly string[] {
  const out = new Set<string>();
  const numbers: number[] = [];
  const dates: number[] = [];
  const epochKey = key.toLowerCase() === 'aws:epochtime';
  let sawNull = facts.length === 0;
  for (const f of facts) {
    const op = parseOperator(f.operator);
    if (op === null) continue;
    const values = f.values.map((v) => substituteVariables(v, fixed));
    switch (op.family) {
      case 'string':
        for (const v of values) {
          for (const i of globInstances(v)) { out.add(i); if (op.ignoreCase) out.add(i.toUpperCase()); }
        }
        out.add(OTHER_STRING);
        break;
      case 'arn':
        for (const v of values) for (const i of globInstances(v)) out.add(i);
        out.add(OTHER_ARN);
        break;
      case 'numeric':
        for (const v of values) { const n = Number(v); if (Number.isFinite(n)) numbers.push(n); }
        if (numbers.length === 0) numbers.push(0);
        break;
      case 'date':
        for (const v of values) { const s = dateSeconds(v); if (s !== null) dates.push(s); }
        break;
      case 'bool':
        out.add('true'); out.add('false');
        break;
      case 'binary':
        for (const v of values) out.add(v);
        out.add('aWFtc2lt');
        break;
      case 'ip':
        for (const v of values) for (const ip of cidrBoundaries(v)) out.add(ip);
        out.add(OTHER_IP);
        break;
      case 'null':
        sawNull = true;
        break;
      // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable: the switch covers every OperatorFamily (op.family is never here)
      default: {
        const never: never = op.family;
        // Stryker disable next-line StringLiteral: unreachable exhaustive branch
        throw new Error(`unknown operator family ${String(never)}`);
      }
    }
  }
  for (const n of numbers.length ? numericCover(numbers, 1) : []) out.add(String(n));
  for (const d of dates.length ? numericCover(dates, 1) : []) out.add(epochKey ? String(Math.floor(d)) : isoSeconds(Math.floor(d)));
  if (out.size === 0 && sawNull) out.add(OTHER_STRING);
  return [...out];
}

/**
 * The candidate values of one key: scalars, or for keys used with ForAnyValue/ForAllValues, sets (the empty set,
 * each value alone, a policy value with an unmentioned one, and all policy values together).
 */
export function keyCandidates(key: string, facts: readonly ConditionFact[], fixed: Readonly<Record<string, ContextValue>>): readonly ContextValue[] {
  const scalars = scalarCandidates(key, facts, fixed);
  const multi = facts.some((f) => parseOperator(f.operator)?.set != null);
  if (!multi) return scalars;
  const mentioned = scalars.filter((s) => s !== OTHER_STRING && s !== OTHER_ARN && s !== OTHER_IP);
  const sets: ContextValue[] = [[], ...scalars.map((s) => [s])];
  if (mentioned.length > 0) sets.push([mentioned[0] as string, OTHER_STRING], mentioned);
  return sets;
}
