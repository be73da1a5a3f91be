/**
 * Splits an operator as written (`ForAnyValue:StringLikeIfExists`) into its set prefix, base operator and IfExists
 * suffix [sheet §3.3, §3.4]. Names are case-sensitive, as IAM's validator treats them [I-moto].
 */
import { BASE_OPERATORS, isBaseOperator, type BaseOperator } from './operators.js';

/** `none` for a plain operator, else the set operator prefix. */
export type SetPrefix = 'none' | 'for-all-values' | 'for-any-value';

/** A recognised operator. */
export interface ParsedOperator {
  readonly set: SetPrefix;
  readonly base: BaseOperator;
  readonly ifExists: boolean;
}

/** Why an operator name was not recognised, with a suggestion when one is close (a case slip). */
export interface UnknownOperator {
  readonly unknown: true;
  readonly suggestion: string | null;
}

const BY_LOWER = new Map<string, string>(BASE_OPERATORS.map((b) => [b.toLowerCase(), b]));

/** Parses an operator name, or says it is unknown (with a case-corrected suggestion when there is one). */
export function parseOperator(text: string): ParsedOperator | UnknownOperator {
  let rest = text;
  let set: SetPrefix = 'none';
  let prefix = '';
  if (rest.startsWith('ForAllValues:')) {
    set = 'for-all-values';
    prefix = 'ForAllValues:';
  } else if (rest.startsWith('ForAnyValue:')) {
    set = 'for-any-value';
    prefix = 'ForAnyValue:';
  }
  rest = rest.slice(prefix.length);
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (isBaseOperator(rest)) return { set, base: rest, ifExists };
  return { unknown: true, suggestion: suggest(text) };
}

/** A case-corrected spelling of `text`, if it differs from a real operator only in letter case. */
function suggest(text: string): string | null {
  const m = /^(forallvalues:|foranyvalue:)?(.*?)(ifexists)?$/i.exec(text);
  if (m === null) return null;
  // Stryker disable next-line StringLiteral: group 2 always takes part in a match (possibly as ''), so the fallback is never used.
  const base = BY_LOWER.get((m[2] ?? '').toLowerCase());
  if (base === undefined) return null;
  const pre = m[1] === undefined ? '' : m[1].toLowerCase() === 'forallvalues:' ? 'ForAllValues:' : 'ForAnyValue:';
  return `${pre}${base}${m[3] === undefined ? '' : 'IfExists'}`;
}
