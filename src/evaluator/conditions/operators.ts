/**
 * The condition operators [sheet §3.3], as data: each base operator's family, whether it is negated, how it compares,
 * and whether policy variables may appear in its values. `Record<BaseOperator, …>` makes a missing entry a compile error.
 */

/** The 26 comparison operators plus Null, exactly as IAM spells them (operator names are case-sensitive [I-moto]). */
export const BASE_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
] as const;

/** One base operator name. */
export type BaseOperator = (typeof BASE_OPERATORS)[number];

/** How a family compares a request value with a policy value. */
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

/** What an operator does, as data. The negated operators reuse their positive comparison and negate it (NOR). */
export type OperatorInfo =
  | { readonly family: 'string'; readonly mode: 'exact' | 'ignore-case' | 'like'; readonly negated: boolean }
  | { readonly family: 'numeric' | 'date'; readonly cmp: Comparison; readonly negated: boolean }
  | { readonly family: 'bool' | 'binary' | 'ip' | 'arn' | 'null'; readonly negated: boolean };

/** The family of an operator, for messages and the variables rule. */
export type OperatorFamily = OperatorInfo['family'];

/** Every base operator's behaviour [sheet §3.3]. ArnEquals and ArnLike "behave identically". */
export const OPERATORS: Readonly<Record<BaseOperator, OperatorInfo>> = {
  StringEquals: { family: 'string', mode: 'exact', negated: false },
  StringNotEquals: { family: 'string', mode: 'exact', negated: true },
  StringEqualsIgnoreCase: { family: 'string', mode: 'ignore-case', negated: false },
  StringNotEqualsIgnoreCase: { family: 'string', mode: 'ignore-case', negated: true },
  StringLike: { family: 'string', mode: 'like', negated: false },
  StringNotLike: { family: 'string', mode: 'like', negated: true },
  NumericEquals: { family: 'numeric', cmp: 'eq', negated: false },
  NumericNotEquals: { family: 'numeric', cmp: 'eq', negated: true },
  NumericLessThan: { family: 'numeric', cmp: 'lt', negated: false },
  NumericLessThanEquals: { family: 'numeric', cmp: 'le', negated: false },
  NumericGreaterThan: { family: 'numeric', cmp: 'gt', negated: false },
  NumericGreaterThanEquals: { family: 'numeric', cmp: 'ge', negated: false },
  DateEquals: { family: 'date', cmp: 'eq', negated: false },
  DateNotEquals: { family: 'date', cmp: 'eq', negated: true },
  DateLessThan: { family: 'date', cmp: 'lt', negated: false },
  DateLessThanEquals: { family: 'date', cmp: 'le', negated: false },
  DateGreaterThan: { family: 'date', cmp: 'gt', negated: false },
  DateGreaterThanEquals: { family: 'date', cmp: 'ge', negated: false },
  Bool: { family: 'bool', negated: false },
  BinaryEquals: { family: 'binary', negated: false },
  IpAddress: { family: 'ip', negated: false },
  NotIpAddress: { family: 'ip', negated: true },
  ArnEquals: { family: 'arn', negated: false },
  ArnLike: { family: 'arn', negated: false },
  ArnNotEquals: { family: 'arn', negated: true },
  ArnNotLike: { family: 'arn', negated: true },
  Null: { family: 'null', negated: false },
};

/**
 * Whether policy variables may appear in a family's values [sheet §3.5]: String and ARN yes; Bool is accepted with a
 * warning (the 2023 pages disagree); Numeric, Date, Binary, IP and Null no.
 */
export const VARIABLES_IN: Readonly<Record<OperatorFamily, 'yes' | 'warn' | 'no'>> = {
  string: 'yes',
  arn: 'yes',
  bool: 'warn',
  numeric: 'no',
  date: 'no',
  binary: 'no',
  ip: 'no',
  null: 'no',
};

/** Whether `name` is a base operator. */
export function isBaseOperator(name: string): name is BaseOperator {
  return Object.prototype.hasOwnProperty.call(OPERATORS, name);
}
