/**
 * Compiles a raw Condition element into a ConditionBlock, collecting every problem with its JSON pointer [sheet §3, §6.1].
 * Values are validated and pre-parsed here (dates to epoch ms, numbers, CIDRs to masks, base-64 to bytes, globs split,
 * IgnoreCase values lowercased) so that evaluation does no repeated work. Never throws, whatever the input.
 */
import { lowerKey } from '../context.js';
import type { PolicyProblem } from '../types.js';
import { decodeBase64 } from '../values/binary.js';
import { parseBoolValue } from '../values/bool.js';
import { parseDateValue } from '../values/date.js';
import { parseCidr, type CidrValue } from '../values/ip.js';
import { parseNumberValue } from '../values/number.js';
import type { Glob } from '../values/glob.js';
import { compileArnPattern } from '../values/arn.js';
import { compileTemplate, templateHasVariables, templateProblems, type Template } from '../variables.js';
import { OPERATORS, VARIABLES_IN, type OperatorInfo } from './operators.js';
import { parseOperator, type ParsedOperator } from './parse-operator.js';
import type { Clause, ConditionBlock, ValueTest } from './types.js';

/** Options: `variables` is true only for Version 2012-10-17 documents. */
export interface CompileConditionOptions {
  readonly variables: boolean;
}

/** The result of compiling a Condition element. */
export interface CompiledCondition {
  readonly block: ConditionBlock;
  readonly problems: PolicyProblem[];
}

/** Keys that AWS documents as multivalued (ArrayOf… types) [sheet §3.4]; a plain operator on them is a lint warning. */
const KNOWN_MULTIVALUED = new Set(['aws:tagkeys', 'aws:calledvia', 'aws:principalservicenameslist', 'aws:principalorgpaths']);

const SYNTAX = 'Syntax errors in policy.';
const LEGACY = 'The policy failed legacy parsing';

/** Escapes one JSON-pointer reference token (RFC 6901). */
function token(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FAMILY_TITLE: Readonly<Record<OperatorInfo['family'], string>> = {
  string: 'String', numeric: 'Numeric', date: 'Date', bool: 'Bool', binary: 'Binary', ip: 'IP address', arn: 'ARN', null: 'Null',
};

/** Compiles a Condition element found at JSON pointer `path`. Problems carry pointers below `path`. */
export function compileConditionBlock(raw: unknown, path: string, opts: CompileConditionOptions): CompiledCondition {
  const problems: PolicyProblem[] = [];
  const clauses: Clause[] = [];
  if (!isPlainObject(raw)) {
    problems.push({
      code: 'condition-not-object', severity: 'error', path,
      message: `${SYNTAX} Condition must be an object of operators, e.g. {"StringEquals": {"aws:username": "alice"}}.`,
    });
    clauses.push(invalidClause('', ''));
    return { block: { clauses }, problems };
  }
  for (const operator of Object.keys(raw)) {
    const body = raw[operator];
    const opPath = `${path}/${token(operator)}`;
    const parsed = parseOperator(operator);
    if ('unknown' in parsed) {
      const empty = isPlainObject(body) && Object.keys(body).length === 0;
      problems.push({
        code: 'condition-operator-unknown', severity: empty ? 'warning' : 'error', path: opPath,
        message: `${empty ? '' : `${SYNTAX} `}Unknown condition operator "${operator}".`,
        hint: parsed.suggestion !== null
          ? `Operator names are case-sensitive: did you mean "${parsed.suggestion}"?`
          : 'Use one of the IAM condition operators (StringEquals, ArnLike, DateLessThan, …), optionally with ForAllValues:/ForAnyValue: and IfExists.',
      });
      if (!empty) clauses.push(invalidClause(operator, ''));
      continue;
    }
    if (!isPlainObject(body)) {
      problems.push({
        code: 'condition-operator-not-object', severity: 'error', path: opPath,
        message: `${SYNTAX} The body of ${operator} must be an object mapping condition keys to values.`,
      });
      clauses.push(invalidClause(operator, ''));
      continue;
    }
    const info = OPERATORS[parsed.base];
    if (info.family === 'null' && (parsed.ifExists || parsed.set !== 'none')) {
      problems.push({
        code: 'condition-null-modifier', severity: 'warning', path: opPath,
        message: `${operator}: Null takes neither IfExists nor a set prefix; it is evaluated as plain Null.`,
        hint: 'Write "Null" and use "true" (key absent) or "false" (key present).',
      });
    }
    for (const keyText of Object.keys(body)) {
      clauses.push(compileClause(operator, parsed, info, keyText, body[keyText], `${opPath}/${token(keyText)}`, opts, problems));
    }
  }
  return { block: { clauses }, problems };
}

function invalidClause(operator: string, keyText: string): Clause {
  return { operator, keyText, key: keyText.toLowerCase(), set: 'none', ifExists: false, negated: false, raw: [], test: { kind: 'invalid' } };
}

/** The values of one key as text, or null when their JSON type is wrong (reported). */
function valueTexts(v: unknown, path: string, problems: PolicyProblem[]): string[] | null {
  const one = (x: unknown): string | null =>
    typeof x === 'string' ? x : typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) ? String(x) : null;
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  let bad = false;
  list.forEach((x, i) => {
    const s = one(x);
    if (s === null) {
      bad = true;
      problems.push({
        code: 'condition-value-type', severity: 'error', path: Array.isArray(v) ? `${path}/${i}` : path,
        message: `${SYNTAX} A condition value must be a string, a number, a boolean, or a list of them.`,
      });
    } else {
      out.push(s);
    }
  });
  return bad ? null : out;
}

function compileClause(
  operator: string, parsed: ParsedOperator, info: OperatorInfo, keyText: string, rawValue: unknown, path: string,
  opts: CompileConditionOptions, problems: PolicyProblem[],
): Clause {
  const key = lowerKey(keyText);
  const base = { operator, keyText, key, set: parsed.set, ifExists: parsed.ifExists, negated: info.negated };
  if (keyText.indexOf(':') <= 0) {
    problems.push({
      code: 'condition-key-no-vendor', severity: 'error', path,
      message: `Conditions must be prefaced by a vendor, e.g., aws, iam, s3, ec2: "${keyText}".`,
      hint: 'Write the full key, e.g. "aws:SourceIp" or "s3:prefix".',
    });
  }
  if (parsed.set === 'none' && info.family !== 'null' && KNOWN_MULTIVALUED.has(key)) {
    problems.push({
      code: 'condition-multivalued-key-needs-set', severity: 'warning', path,
      message: `${keyText} is multivalued; without ForAllValues: or ForAnyValue: the condition never matches a request that carries it.`,
      hint: `Use ForAnyValue:${parsed.base} or ForAllValues:${parsed.base} [IAM reference_policies_condition-single-vs-multi-valued-context-keys].`,
    });
  }
  const texts = valueTexts(rawValue, path, problems);
  if (texts === null) return { ...base, raw: [], test: { kind: 'invalid' } };
  if (texts.length === 0) {
    problems.push({
      code: 'condition-value-empty', severity: 'warning', path,
      message: `${operator} on ${keyText} has no values: a positive operator never matches, a negated one always does.`,
    });
  }
  const at = (i: number): string => (Array.isArray(rawValue) ? `${path}/${i}` : path);
  const test = compileValues(operator, info, texts, at, opts, problems);
  return { ...base, raw: texts, test };
}

function compileValues(
  operator: string, info: OperatorInfo, texts: readonly string[], at: (i: number) => string,
  opts: CompileConditionOptions, problems: PolicyProblem[],
): ValueTest {
  const family = info.family;
  const varRule = VARIABLES_IN[family];
  const templates: Template[] = [];
  let dynamic = false;
  texts.forEach((text, i) => {
    const t = compileTemplate(text, opts.variables);
    templates.push(t);
    if (t.kind === 'parts') dynamic = true;
    if (!opts.variables || text.indexOf('${') < 0) return;
    if (varRule === 'no' && templateHasVariables(t)) {
      problems.push({
        code: 'condition-variable-not-allowed', severity: 'error', path: at(i),
        message: `Policy variables cannot be used with ${FAMILY_TITLE[family]} operators (${operator}): "${text}".`,
        hint: 'Policy variables work only in String, ARN and Bool condition values and in the resource part of Resource.',
      });
      return;
    }
    if (varRule === 'warn' && templateHasVariables(t)) {
      problems.push({
        code: 'condition-variable-in-bool', severity: 'warning', path: at(i),
        message: `A policy variable in a Bool value (${operator}): AWS documentation disagrees on whether this is supported.`,
      });
    }
    if (varRule !== 'no') {
      for (const m of templateProblems(text)) {
        problems.push({ code: 'condition-variable-malformed', severity: 'warning', path: at(i), message: `${m}; it is read as literal text.` });
      }
    }
  });
  const invalid = (i: number, what: string, hint: string, legacy = false): void => {
    problems.push({
      code: 'condition-value-invalid', severity: 'error', path: at(i),
      message: `${legacy ? `${LEGACY}: ` : ''}"${texts[i]}" is not a valid ${what} for ${operator}.`, hint,
    });
  };
  switch (family) {
    case 'string': {
      if (info.family !== 'string') throw new Error('unreachable');
      switch (info.mode) {
        case 'exact': {
          const fixed = dynamic ? null : [...texts];
          return { kind: 'string-exact', templates, fixed, lookup: setOf(fixed) };
        }
        case 'ignore-case': {
          const fixed = dynamic ? null : texts.map((s) => s.toLowerCase());
          return { kind: 'string-ignore-case', templates, fixed, lookup: setOf(fixed) };
        }
        case 'like':
          return { kind: 'string-like', templates, fixed: dynamic ? null : templates.map(fixedGlob) };
        default: {
          const never: never = info.mode;
          throw new Error(`unknown string mode ${String(never)}`);
        }
      }
    }
    case 'arn': {
      if (dynamic) return { kind: 'arn', templates, fixed: null };
      const fixed = templates.map((t) => compileArnPattern(fixedGlob(t)));
      fixed.forEach((p, i) => {
        if (p.segments.length > 0) return;
        problems.push({
          code: 'condition-arn-never-matches', severity: 'warning', path: at(i),
          message: `"${texts[i]}" is not an ARN pattern (arn:partition:service:region:account:resource), so ${operator} never matches it.`,
          hint: 'Write all six colon-separated parts, or end a shorter pattern with * (e.g. arn:aws:sqs:*).',
        });
      });
      return { kind: 'arn', templates, fixed };
    }
    case 'numeric':
    case 'date': {
      if (info.family !== 'numeric' && info.family !== 'date') throw new Error('unreachable');
      const values: number[] = [];
      texts.forEach((s, i) => {
        const v = family === 'numeric' ? parseNumberValue(s) : parseDateValue(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) {
          if (family === 'numeric') invalid(i, 'number', 'Write an integer or decimal such as 10 or 3.5, with nothing around it.');
          else invalid(i, 'date', 'Write a W3C ISO 8601 date such as 2026-04-01T00:00:00Z, or integer epoch seconds.', true);
        }
      });
      return { kind: family, cmp: info.cmp, values };
    }
    case 'bool': {
      const fixed = texts.map((s, i) => {
        const b = parseBoolValue(s);
        if (b === null && !templateHasVariables(templates[i]!)) invalid(i, 'boolean', 'Write "true" or "false".');
        return b;
      });
      return { kind: 'bool', templates, fixed: dynamic ? null : fixed };
    }
    case 'binary': {
      const values: string[] = [];
      texts.forEach((s, i) => {
        const v = decodeBase64(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) invalid(i, 'base-64 value', 'Write the bytes in padded base-64, e.g. "QmluYXJ5VmFsdWU=".');
      });
      return { kind: 'binary', values };
    }
    case 'ip': {
      const values: CidrValue[] = [];
      texts.forEach((s, i) => {
        const v = parseCidr(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) invalid(i, 'IP address or CIDR', 'Write an IPv4 or IPv6 address or CIDR, e.g. 203.0.113.0/24 or 2001:DB8::/32.');
      });
      return { kind: 'ip', values };
    }
    case 'null': {
      const values: boolean[] = [];
      texts.forEach((s, i) => {
        const b = parseBoolValue(s);
        if (b !== null) values.push(b);
        else invalid(i, 'Null value', 'Write "true" (the key is absent) or "false" (the key is present).');
      });
      return { kind: 'null', values };
    }
    default: {
      const never: never = family;
      throw new Error(`unknown operator family ${String(never)}`);
    }
  }
}

/** Beyond this many values a Set beats a linear scan. */
const SET_THRESHOLD = 8;

function setOf(values: readonly string[] | null): ReadonlySet<string> | null {
  return values !== null && values.length > SET_THRESHOLD ? new Set(values) : null;
}

function fixedGlob(t: Template): Glob {
  if (t.kind !== 'literal') throw new Error('fixedGlob on a template with parts');
  return t.glob;
}
