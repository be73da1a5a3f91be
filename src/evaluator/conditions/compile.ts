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
import { conditionProblem, type ConditionProblemCode } from './messages.js';
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

/** Global keys AWS documents as single-valued [sheet §3.4, §4.1], and the single-valued tag-key families. */
const KNOWN_SINGLE_VALUED = new Set([
  'aws:sourceip', 'aws:username', 'aws:userid', 'aws:principalarn', 'aws:principalaccount', 'aws:principalorgid',
  'aws:principaltype', 'aws:requestedregion', 'aws:currenttime', 'aws:epochtime', 'aws:securetransport',
  'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:tokenissuetime', 'aws:viaawsservice',
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip', 'aws:calledviafirst', 'aws:calledvialast',
]);
const SINGLE_VALUED_PREFIXES = ['aws:requesttag/', 'aws:resourcetag/', 'aws:principaltag/'];

function isKnownSingleValued(key: string): boolean {
  return KNOWN_SINGLE_VALUED.has(key) || SINGLE_VALUED_PREFIXES.some((p) => key.startsWith(p));
}


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
    problems.push(conditionProblem('condition-not-object', path));
    clauses.push(invalidClause('', ''));
    return { block: { clauses }, problems };
  }
  for (const operator of Object.keys(raw)) {
    const body = raw[operator];
    const opPath = `${path}/${token(operator)}`;
    const parsed = parseOperator(operator);
    if ('unknown' in parsed) {
      const empty = isPlainObject(body) && Object.keys(body).length === 0;
      const hint = parsed.suggestion !== null
        ? `Operator names are case-sensitive: did you mean "${parsed.suggestion}"?`
        : 'Use an IAM condition operator (StringEquals, ArnLike, DateLessThan, …), optionally with ForAllValues:/ForAnyValue: and IfExists.';
      problems.push(conditionProblem(empty ? 'condition-operator-unknown-empty' : 'condition-operator-unknown', opPath, { operator, hint }));
      if (!empty) clauses.push(invalidClause(operator, ''));
      continue;
    }
    if (!isPlainObject(body)) {
      problems.push(conditionProblem('condition-operator-not-object', opPath, { operator }));
      clauses.push(invalidClause(operator, ''));
      continue;
    }
    const info = OPERATORS[parsed.base];
    if (info.family === 'null' && (parsed.ifExists || parsed.set !== 'none')) {
      problems.push(conditionProblem('condition-null-modifier', opPath, { operator }));
    }
    for (const keyText of Object.keys(body)) {
      clauses.push(compileClause(operator, parsed, info, keyText, body[keyText], `${opPath}/${token(keyText)}`, opts, problems));
    }
  }
  return { block: { clauses }, problems };
}

function invalidClause(operator: string, keyText: string): Clause {
  return {
    operator,
    keyText,
    // Stryker disable next-line MethodExpression: every caller passes keyText '', the same in either case.
    key: keyText.toLowerCase(),
    // Stryker disable next-line StringLiteral,BooleanLiteral: evaluateClause returns false for an invalid test before it reads set, ifExists or negated.
    set: 'none', ifExists: false, negated: false,
    raw: [],
    test: { kind: 'invalid' },
  };
}

/** The values of one key as text, or null when their JSON type is wrong (reported). */
function valueTexts(v: unknown, path: string, problems: PolicyProblem[]): string[] | null {
  const one = (x: unknown): string | null =>
    typeof x === 'string' ? x : typeof x === 'boolean' || Number.isFinite(x) ? String(x) : null;
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  let bad = false;
  list.forEach((x, i) => {
    const s = one(x);
    if (s === null) {
      bad = true;
      problems.push(conditionProblem('condition-value-type', Array.isArray(v) ? `${path}/${i}` : path));
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
    problems.push(conditionProblem('condition-key-no-vendor', path, { key: keyText }));
  }
  if (parsed.set === 'none' && info.family !== 'null' && KNOWN_MULTIVALUED.has(key)) {
    problems.push(conditionProblem('condition-multivalued-key-needs-set', path, { key: keyText, base: parsed.base }));
  }
  // Null is evaluated as plain Null whatever its prefix (condition-null-modifier says so), so no set advice for it.
  if (parsed.set !== 'none' && info.family !== 'null' && isKnownSingleValued(key)) {
    problems.push(conditionProblem('condition-set-on-single-valued-key', path, { key: keyText, operator, base: parsed.base }));
  }
  const texts = valueTexts(rawValue, path, problems);
  if (texts === null) return { ...base, raw: [], test: { kind: 'invalid' } };
  if (texts.length === 0) {
    problems.push(conditionProblem('condition-value-empty', path, { operator, key: keyText }));
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
    if (!opts.variables) return;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; a text without "${" has no variable and no malformed one, so the checks below report nothing.
    if (text.indexOf('${') < 0) return;
    if (varRule === 'no' && templateHasVariables(t)) {
      problems.push(conditionProblem('condition-variable-not-allowed', at(i), { family: FAMILY_TITLE[family], operator, value: text }));
      return;
    }
    if (varRule === 'warn' && templateHasVariables(t)) {
      problems.push(conditionProblem('condition-variable-in-bool', at(i), { operator }));
    }
    if (varRule !== 'no') {
      for (const m of templateProblems(text)) {
        problems.push(conditionProblem('condition-variable-malformed', at(i), { detail: m }));
      }
    }
  });
  const invalid = (i: number, code: ConditionProblemCode): void => {
    // Stryker disable next-line StringLiteral: i is always an index of texts, so the fallback is never used.
    problems.push(conditionProblem(code, at(i), { value: texts[i] ?? '', operator }));
  };
  switch (family) {
    case 'string': {
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, family is info.family; the check only narrows the type.
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
        // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive `never` check, unreachable for any string mode.
        default: {
          const never: never = info.mode;
          // Stryker disable next-line StringLiteral: unreachable, as above.
          throw new Error(`unknown string mode ${String(never)}`);
        }
      }
    }
    case 'arn': {
      if (dynamic) return { kind: 'arn', templates, fixed: null };
      const fixed = templates.map((t) => compileArnPattern(fixedGlob(t)));
      fixed.forEach((p, i) => {
        if (p.segments.length === 0) invalid(i, 'condition-arn-never-matches');
      });
      return { kind: 'arn', templates, fixed };
    }
    case 'numeric':
    case 'date': {
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, family is info.family; the check only narrows the type.
      if (info.family !== 'numeric' && info.family !== 'date') throw new Error('unreachable');
      // Stryker disable next-line ArrayDeclaration: an extra non-number compares false with every request value (NaN), so it never matches.
      const values: number[] = [];
      texts.forEach((s, i) => {
        const v = family === 'numeric' ? parseNumberValue(s) : parseDateValue(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) {
          invalid(i, family === 'numeric' ? 'condition-number-invalid' : 'condition-date-invalid');
        }
      });
      return { kind: family, cmp: info.cmp, values };
    }
    case 'bool': {
      const fixed = texts.map((s, i) => {
        const b = parseBoolValue(s);
        if (b === null && !templateHasVariables(templates[i]!)) invalid(i, 'condition-bool-invalid');
        return b;
      });
      return { kind: 'bool', templates, fixed: dynamic ? null : fixed };
    }
    case 'binary': {
      // Stryker disable next-line ArrayDeclaration: an extra entry that is not lowercase hex never equals the bytes of a request value.
      const values: string[] = [];
      texts.forEach((s, i) => {
        const v = decodeBase64(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) invalid(i, 'condition-binary-invalid');
      });
      return { kind: 'binary', values };
    }
    case 'ip': {
      const values: CidrValue[] = [];
      texts.forEach((s, i) => {
        const v = parseCidr(s);
        if (v !== null) values.push(v);
        else if (!(opts.variables && templateHasVariables(templates[i]!))) invalid(i, 'condition-ip-invalid');
      });
      return { kind: 'ip', values };
    }
    case 'null': {
      // Stryker disable next-line ArrayDeclaration: an extra string entry never equals the boolean `absent`, so it never matches.
      const values: boolean[] = [];
      texts.forEach((s, i) => {
        const b = parseBoolValue(s);
        if (b !== null) values.push(b);
        else invalid(i, 'condition-null-invalid');
      });
      return { kind: 'null', values };
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive `never` check, unreachable for any family.
    default: {
      const never: never = family;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown operator family ${String(never)}`);
    }
  }
}

/** Beyond this many values a Set beats a linear scan. */
const SET_THRESHOLD = 8;

function setOf(values: readonly string[] | null): ReadonlySet<string> | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the Set is only an index; evaluate scans `fixed` when it is null and gets the same answer.
  return values !== null && values.length > SET_THRESHOLD ? new Set(values) : null;
}

function fixedGlob(t: Template): Glob {
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, fixedGlob is called only when no template has parts.
  if (t.kind !== 'literal') throw new Error('fixedGlob on a template with parts');
  return t.glob;
}
