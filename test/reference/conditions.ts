/**
 * Reference condition evaluation (sheet §3): operators ANDed, keys ANDed, values ORed (NOR for negated operators),
 * the missing-key table of §3.2, IfExists, Null, and the set operators of §3.4.
 */
import { globMatches, tokensToText, type GlobToken } from './glob.js';
import { arnMatches } from './arn.js';
import { substitute } from './variables.js';
import { ipInNet, parseInstant, parseIpNet, parseNumber } from './values.js';
import type { RefContext } from './context.js';

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn';

interface BaseOperator {
  readonly family: Family;
  readonly negated: boolean;
  /** Compares one request value with one (substituted) policy value; only for the positive form. */
  readonly test: (requestValue: string, policyValue: readonly GlobToken[]) => boolean;
}

const compareNumbers = (pick: (a: number, b: number) => boolean) => (r: string, p: readonly GlobToken[]): boolean => {
  const a = parseNumber(r);
  const b = parseNumber(tokensToText(p));
  return a !== null && b !== null && pick(a, b);
};
const compareDates = (pick: (a: bigint, b: bigint) => boolean) => (r: string, p: readonly GlobToken[]): boolean => {
  const a = parseInstant(r);
  const b = parseInstant(tokensToText(p));
  return a !== null && b !== null && pick(a, b);
};
const equalText = (r: string, p: readonly GlobToken[]): boolean => r === tokensToText(p);
const equalTextIgnoreCase = (r: string, p: readonly GlobToken[]): boolean => r.toLowerCase() === tokensToText(p).toLowerCase();
const likeText = (r: string, p: readonly GlobToken[]): boolean => globMatches(p, r, false);
const inNetwork = (r: string, p: readonly GlobToken[]): boolean => {
  const address = parseIpNet(r);
  const net = parseIpNet(tokensToText(p));
  return address !== null && net !== null && !r.includes('/') && ipInNet(address, net);
};

/** The 26 base operators (Null is handled on its own), by name. */
export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { family: 'string', negated: false, test: equalText },
  StringNotEquals: { family: 'string', negated: true, test: equalText },
  StringEqualsIgnoreCase: { family: 'string', negated: false, test: equalTextIgnoreCase },
  StringNotEqualsIgnoreCase: { family: 'string', negated: true, test: equalTextIgnoreCase },
  StringLike: { family: 'string', negated: false, test: likeText },
  StringNotLike: { family: 'string', negated: true, test: likeText },
  NumericEquals: { family: 'numeric', negated: false, test: compareNumbers((a, b) => a === b) },
  NumericNotEquals: { family: 'numeric', negated: true, test: compareNumbers((a, b) => a === b) },
  NumericLessThan: { family: 'numeric', negated: false, test: compareNumbers((a, b) => a < b) },
  NumericLessThanEquals: { family: 'numeric', negated: false, test: compareNumbers((a, b) => a <= b) },
  NumericGreaterThan: { family: 'numeric', negated: false, test: compareNumbers((a, b) => a > b) },
  NumericGreaterThanEquals: { family: 'numeric', negated: false, test: compareNumbers((a, b) => a >= b) },
  DateEquals: { family: 'date', negated: false, test: compareDates((a, b) => a === b) },
  DateNotEquals: { family: 'date', negated: true, test: compareDates((a, b) => a === b) },
  DateLessThan: { family: 'date', negated: false, test: compareDates((a, b) => a < b) },
  DateLessThanEquals: { family: 'date', negated: false, test: compareDates((a, b) => a <= b) },
  DateGreaterThan: { family: 'date', negated: false, test: compareDates((a, b) => a > b) },
  DateGreaterThanEquals: { family: 'date', negated: false, test: compareDates((a, b) => a >= b) },
  Bool: { family: 'bool', negated: false, test: equalTextIgnoreCase },
  BinaryEquals: { family: 'binary', negated: false, test: equalText },
  IpAddress: { family: 'ip', negated: false, test: inNetwork },
  NotIpAddress: { family: 'ip', negated: true, test: inNetwork },
  ArnEquals: { family: 'arn', negated: false, test: (r, p) => arnMatches(p, r) },
  ArnLike: { family: 'arn', negated: false, test: (r, p) => arnMatches(p, r) },
  ArnNotEquals: { family: 'arn', negated: true, test: (r, p) => arnMatches(p, r) },
  ArnNotLike: { family: 'arn', negated: true, test: (r, p) => arnMatches(p, r) },
};

/** Families whose values may hold policy variables (sheet §3.5: String, ARN, and Bool with a warning). */
const VARIABLE_FAMILIES: ReadonlySet<Family> = new Set<Family>(['string', 'arn', 'bool']);
/** Families whose policy values are glob patterns (besides StringLike and StringNotLike). */
const WILDCARD_FAMILIES: ReadonlySet<Family> = new Set<Family>(['arn']);

/** Policy values as strings: a JSON string, number or boolean, or an array of them. */
export function policyValues(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : []));
}

/** One request value against all policy values: OR for a positive operator, NOR for a negated one. */
function singleValue(op: BaseOperator, requestValue: string, values: readonly (readonly GlobToken[] | null)[]): boolean {
  const anyMatch = values.some((p) => p !== null && op.test(requestValue, p));
  return op.negated ? !anyMatch : anyMatch;
}

/** Evaluates one `operator: { key: values }` clause for one key. */
export function evaluateClause(operator: string, key: string, rawValues: unknown, ctx: RefContext, variables: boolean): boolean {
  const texts = policyValues(rawValues);
  const requestValues = ctx.get(key.toLowerCase());
  const m = /^(ForAllValues:|ForAnyValue:)?(.*?)(IfExists)?$/.exec(operator)!;
  const setOp = m[1];
  const baseName = m[2]!;
  const ifExists = m[3] !== undefined;
  if (baseName === 'Null') {
    return texts.some((t) => (t.toLowerCase() === 'true' ? requestValues === undefined : t.toLowerCase() === 'false' ? requestValues !== undefined : false));
  }
  const op = BASE_OPERATORS[baseName];
  if (op === undefined) return false;
  const wildcards = WILDCARD_FAMILIES.has(op.family) || baseName === 'StringLike' || baseName === 'StringNotLike';
  const substituted = texts.map((t) => substitute(t, ctx, variables && VARIABLE_FAMILIES.has(op.family), wildcards));
  // A single empty string is the "null data set" of §3.4, like an absent key: vacuously true for ForAllValues, false for ForAnyValue.
  const emptySet = requestValues === undefined || (requestValues.length === 1 && requestValues[0] === '');
  if (setOp === 'ForAllValues:') {
    if (emptySet) return true;
    return requestValues.every((r) => singleValue(op, r, substituted));
  }
  if (setOp === 'ForAnyValue:') {
    if (emptySet) return false;
    return requestValues.some((r) => singleValue(op, r, substituted));
  }
  if (requestValues === undefined) return ifExists || op.negated;
  if (requestValues.length > 1) return false;
  return singleValue(op, requestValues[0]!, substituted);
}

/** Evaluates a whole Condition block: every operator and every key must hold. An absent block holds. */
export function evaluateConditionBlock(block: unknown, ctx: RefContext, variables: boolean): boolean {
  if (block === undefined) return true;
  if (block === null || typeof block !== 'object') return false;
  return Object.entries(block as Record<string, unknown>).every(([operator, keys]) =>
    keys !== null && typeof keys === 'object' && Object.entries(keys as Record<string, unknown>).every(([key, values]) => evaluateClause(operator, key, values, ctx, variables)),
  );
}
