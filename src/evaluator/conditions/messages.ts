/**
 * Every problem compileConditionBlock can report, as data: severity, an IAM-like message template and a hint, keyed by
 * code. `{{name}}` placeholders are filled from the problem's data. English lives here, not in the compiler.
 * "Syntax errors in policy." and "The policy failed legacy parsing" are the texts IAM itself returns [sheet §6.1, I-moto].
 */
import type { PolicyProblem } from '../types.js';

interface ProblemInfo {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint?: string;
}

/** The condition problems, by code. */
export const CONDITION_PROBLEMS = {
  'condition-not-object': {
    severity: 'error',
    message: 'Syntax errors in policy. Condition must be an object of operators.',
    hint: 'Write e.g. {"StringEquals": {"aws:username": "alice"}}.',
  },
  'condition-operator-unknown': {
    severity: 'error',
    message: 'Syntax errors in policy. Unknown condition operator "{{operator}}".',
    hint: '{{hint}}',
  },
  'condition-operator-unknown-empty': {
    severity: 'warning',
    message: 'Unknown condition operator "{{operator}}" with an empty body: IAM accepts it and it has no effect.',
    hint: '{{hint}}',
  },
  'condition-operator-not-object': {
    severity: 'error',
    message: 'Syntax errors in policy. The body of {{operator}} must be an object mapping condition keys to values.',
  },
  'condition-null-modifier': {
    severity: 'warning',
    message: '{{operator}}: Null takes neither IfExists nor a set prefix; it is evaluated as plain Null.',
    hint: 'Write "Null" with "true" (the key is absent) or "false" (the key is present).',
  },
  'condition-key-no-vendor': {
    severity: 'error',
    message: 'Conditions must be prefaced by a vendor, e.g., aws, iam, s3, ec2: "{{key}}".',
    hint: 'Write the full key, e.g. "aws:SourceIp" or "s3:prefix".',
  },
  'condition-multivalued-key-needs-set': {
    severity: 'warning',
    message: '{{key}} is multivalued; without ForAllValues: or ForAnyValue: the condition never matches a request that carries several values.',
    hint: 'Use ForAnyValue:{{base}} or ForAllValues:{{base}} (IAM reference_policies_condition-single-vs-multi-valued-context-keys).',
  },
  'condition-set-on-single-valued-key': {
    severity: 'warning',
    message: '{{key}} is single-valued; {{operator}} treats it as a one-element set, and ForAllValues is true when the key is absent, which can be overly permissive.',
    hint: 'Use {{base}} (or {{base}}IfExists) for single-valued keys (IAM reference_policies_condition-single-vs-multi-valued-context-keys).',
  },
  'condition-value-type': {
    severity: 'error',
    message: 'Syntax errors in policy. A condition value must be a string, a number, a boolean, or a list of them.',
  },
  'condition-value-empty': {
    severity: 'warning',
    message: '{{operator}} on {{key}} has no values: a positive operator never matches, a negated one always does.',
  },
  'condition-variable-not-allowed': {
    severity: 'error',
    message: 'Policy variables cannot be used with {{family}} operators ({{operator}}): "{{value}}".',
    hint: 'Policy variables work only in String, ARN and Bool condition values and in the resource part of Resource.',
  },
  'condition-variable-in-bool': {
    severity: 'warning',
    message: 'A policy variable in a Bool value ({{operator}}): the AWS documentation disagrees on whether this is supported.',
  },
  'condition-variable-malformed': {
    severity: 'warning',
    message: '{{detail}}; it is read as literal text.',
    hint: "Write ${key} or ${key, 'default'}; ${*}, ${?} and ${$} stand for the literal characters.",
  },
  'condition-number-invalid': {
    severity: 'error',
    message: '"{{value}}" is not a valid number for {{operator}}.',
    hint: 'Write an integer or decimal such as 10 or 3.5, with nothing around it.',
  },
  'condition-date-invalid': {
    severity: 'error',
    message: 'The policy failed legacy parsing: "{{value}}" is not a valid date for {{operator}}.',
    hint: 'Write a W3C ISO 8601 date such as 2026-04-01T00:00:00Z, or integer epoch seconds.',
  },
  'condition-bool-invalid': {
    severity: 'error',
    message: '"{{value}}" is not a valid boolean for {{operator}}.',
    hint: 'Write "true" or "false".',
  },
  'condition-binary-invalid': {
    severity: 'error',
    message: '"{{value}}" is not a valid base-64 value for {{operator}}.',
    hint: 'Write the bytes in padded base-64, e.g. "QmluYXJ5VmFsdWU=".',
  },
  'condition-ip-invalid': {
    severity: 'error',
    message: '"{{value}}" is not a valid IP address or CIDR for {{operator}}.',
    hint: 'Write an IPv4 or IPv6 address or CIDR, e.g. 203.0.113.0/24 or 2001:DB8::/32.',
  },
  'condition-null-invalid': {
    severity: 'error',
    message: '"{{value}}" is not a valid value for Null.',
    hint: 'Write "true" (the key is absent) or "false" (the key is present).',
  },
  'condition-arn-never-matches': {
    severity: 'warning',
    message: '"{{value}}" is not an ARN pattern (arn:partition:service:region:account:resource), so {{operator}} never matches it.',
    hint: 'Write all six colon-separated parts, or end a shorter pattern with * (e.g. arn:aws:sqs:*).',
  },
} as const satisfies Record<string, ProblemInfo>;

/** A condition problem code. */
export type ConditionProblemCode = keyof typeof CONDITION_PROBLEMS;

function fill(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => data[name] ?? whole);
}

/** Builds the PolicyProblem for `code` at `path`, filling its templates from `data`. */
export function conditionProblem(code: ConditionProblemCode, path: string, data: Readonly<Record<string, string>> = {}): PolicyProblem {
  const info: ProblemInfo = CONDITION_PROBLEMS[code];
  const problem = { code, severity: info.severity, path, message: fill(info.message, data) };
  return info.hint === undefined ? problem : { ...problem, hint: fill(info.hint, data) };
}
