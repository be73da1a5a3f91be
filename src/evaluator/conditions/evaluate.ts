/**
 * Evaluates a compiled ConditionBlock against a request [sheet §3]. The rules, in order:
 * - Clauses (operators × keys) are ANDed; a clause's policy values are ORed, and NORed for a negated operator: a request
 *   value satisfies a negated operator when it matches none of the policy values [sheet §3.1].
 * - Missing key [sheet §3.2]: positive → false, negated → true, …IfExists → true, Null "true"/"false" → true/false,
 *   ForAllValues → true, ForAnyValue → false (also with IfExists). An empty list counts as absent.
 * - Single- or multivalued is decided by the number of values in the request [sheet §3.4]: a one-element array is a
 *   single value. A plain operator on a key with two or more values → false, whatever the operator [sheet §3.4, §8.3].
 * - Set operators treat a single value as a one-element set, and a single empty string as the empty set [sheet §3.4].
 * - An unresolved policy variable never matches: positive → no match, negated → match [sheet §3.5, §8.2].
 * - A request value that does not parse for the family (a non-number for Numeric, a non-date, a non-IP, non-base-64,
 *   a Bool that is not true/false) matches no policy value; so a positive operator is false and a negated one
 *   (NumericNotEquals, DateNotEquals, NotIpAddress) is true, as "matches none of the values" reads.
 */
import { cachedBinary, cachedDate, cachedIp, cachedNumber } from './parse-cache.js';
import type { ConditionTrace, ContextValue } from '../types.js';
import type { ContextReader } from '../context.js';
import { arnPatternMatch, compileArnPattern, type ArnPattern } from '../values/arn.js';
import { parseBoolValue } from '../values/bool.js';
import { cidrContains } from '../values/ip.js';
import { globMatch, type Glob } from '../values/glob.js';
import { renderTemplate, resolvePattern, resolveTemplate } from '../variables.js';
import type { Comparison } from './operators.js';
import type { Clause, ConditionBlock, ValueTest } from './types.js';

/** True when the block has no clauses (an absent or `{}` Condition): it always holds. */
export function isEmptyConditionBlock(block: ConditionBlock): boolean {
  return block.clauses.length === 0;
}

/**
 * Whether every clause of the block holds for the request. Fills `trace` with one entry per clause when it is non-null
 * (then every clause is evaluated, for the explanation); when null, stops at the first false clause and allocates
 * nothing for tracing.
 */
export function evaluateConditionBlock(block: ConditionBlock, ctx: ContextReader, trace: ConditionTrace[] | null): boolean {
  const clauses = block.clauses;
  let all = true;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    const ok = evaluateClause(c, ctx);
    if (trace !== null) {
      const v = ctx.get(c.key);
      trace.push({
        operator: c.operator,
        key: c.keyText,
        requestValues: v === undefined || (typeof v !== 'string' && v.length === 0) ? null : typeof v === 'string' ? [v] : [...v],
        policyValues: policyValuesForTrace(c, ctx),
        matched: ok,
      });
      if (!ok) all = false;
    } else if (!ok) {
      return false;
    }
  }
  return all;
}

function policyValuesForTrace(c: Clause, ctx: ContextReader): string[] {
  const t = c.test;
  if (t.kind === 'string-exact' || t.kind === 'string-ignore-case' || t.kind === 'string-like' || t.kind === 'arn' || t.kind === 'bool') {
    return t.templates.map((x) => renderTemplate(x, ctx));
  }
  return [...c.raw];
}

/** One clause: the missing-key table, the multivalued rule, then the set operator over the request's values. */
export function evaluateClause(c: Clause, ctx: ContextReader): boolean {
  const test = c.test;
  if (test.kind === 'invalid') return false;
  let v: ContextValue | undefined = ctx.get(c.key);
  if (v !== undefined && typeof v !== 'string') v = v.length === 0 ? undefined : v.length === 1 ? v[0] : v;
  if (test.kind === 'null') {
    const absent = v === undefined;
    // Stryker disable next-line EqualityOperator: values[length] is undefined, which never equals the boolean `absent`.
    for (let i = 0; i < test.values.length; i++) if (test.values[i] === absent) return true;
    return false;
  }
  switch (c.set) {
    case 'none':
      if (v === undefined) return c.ifExists || c.negated;
      if (typeof v !== 'string') return false;
      return c.negated !== anyMatch(test, ctx, v);
    case 'for-all-values': {
      if (v === undefined || v === '') return true;
      if (typeof v === 'string') return c.negated !== anyMatch(test, ctx, v);
      for (let i = 0; i < v.length; i++) {
        if (c.negated === anyMatch(test, ctx, v[i]!)) return false;
      }
      return true;
    }
    case 'for-any-value': {
      if (v === undefined || v === '') return false;
      if (typeof v === 'string') return c.negated !== anyMatch(test, ctx, v);
      for (let i = 0; i < v.length; i++) {
        if (c.negated !== anyMatch(test, ctx, v[i]!)) return true;
      }
      return false;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive `never` check, unreachable for any SetPrefix.
    default: {
      const never: never = c.set;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown set prefix ${String(never)}`);
    }
  }
}

/** ARN patterns for substituted globs, kept while the template memo keeps returning the same glob. */
const arnPatterns = new WeakMap<Glob, ArnPattern>();

function arnPatternOf(g: Glob): ArnPattern {
  let p = arnPatterns.get(g);
  // Stryker disable next-line ConditionalExpression: a memo; compiling the pattern again gives an equal pattern.
  if (p === undefined) {
    p = compileArnPattern(g);
    arnPatterns.set(g, p);
  }
  return p;
}

function compare(cmp: Comparison, request: number, policy: number): boolean {
  switch (cmp) {
    case 'eq':
      return request === policy;
    case 'lt':
      return request < policy;
    case 'le':
      return request <= policy;
    case 'gt':
      return request > policy;
    case 'ge':
      return request >= policy;
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive `never` check, unreachable for any Comparison.
    default: {
      const never: never = cmp;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown comparison ${String(never)}`);
    }
  }
}

/**
 * Whether the single request value `rv` positively matches at least one policy value. Values with variables are
 * substituted here, per template; the template memo makes a repeat substitution one lookup per variable.
 */
function anyMatch(test: ValueTest, ctx: ContextReader, rv: string): boolean {
  switch (test.kind) {
    case 'string-exact': {
      // Stryker disable next-line ConditionalExpression: the Set is an index over `fixed`; scanning `fixed` gives the same answer.
      if (test.lookup !== null) return test.lookup.has(rv);
      const vs = test.fixed;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; the templates of fixed values are literals with the same texts.
      if (vs !== null) {
        // Stryker disable next-line EqualityOperator: vs[length] is undefined, which never equals a string.
        for (let i = 0; i < vs.length; i++) if (vs[i] === rv) return true;
        return false;
      }
      for (const t of test.templates) if (resolveTemplate(t, ctx) === rv) return true;
      return false;
    }
    case 'string-ignore-case': {
      const lower = rv.toLowerCase();
      // Stryker disable next-line ConditionalExpression: the Set is an index over `fixed`; scanning `fixed` gives the same answer.
      if (test.lookup !== null) return test.lookup.has(lower);
      const vs = test.fixed;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; the literal templates lowercased are the same texts.
      if (vs !== null) {
        // Stryker disable next-line EqualityOperator: vs[length] is undefined, which never equals a string.
        for (let i = 0; i < vs.length; i++) if (vs[i] === lower) return true;
        return false;
      }
      for (const t of test.templates) if (resolveTemplate(t, ctx)?.toLowerCase() === lower) return true;
      return false;
    }
    case 'string-like': {
      const vs = test.fixed;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; resolvePattern of a literal template is its precompiled glob.
      if (vs !== null) {
        for (let i = 0; i < vs.length; i++) if (globMatch(vs[i]!, rv)) return true;
        return false;
      }
      for (const t of test.templates) {
        const g = resolvePattern(t, ctx);
        if (g !== null && globMatch(g, rv)) return true;
      }
      return false;
    }
    case 'arn': {
      const vs = test.fixed;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; a literal template's glob compiles to the same ARN pattern.
      if (vs !== null) {
        for (let i = 0; i < vs.length; i++) if (arnPatternMatch(vs[i]!, rv)) return true;
        return false;
      }
      for (const t of test.templates) {
        const g = resolvePattern(t, ctx);
        if (g !== null && arnPatternMatch(arnPatternOf(g), rv)) return true;
      }
      return false;
    }
    case 'numeric':
    case 'date': {
      const x = test.kind === 'numeric' ? cachedNumber(rv) : cachedDate(rv);
      if (x === null) return false;
      // Stryker disable next-line EqualityOperator: comparing with values[length] (undefined, NaN as a number) is always false.
      for (let i = 0; i < test.values.length; i++) if (compare(test.cmp, x, test.values[i]!)) return true;
      return false;
    }
    case 'bool': {
      // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path for the common spellings; parseBoolValue gives the same boolean.
      const b = rv === 'true' ? true : rv === 'false' ? false : parseBoolValue(rv);
      if (b === null) return false;
      const vs = test.fixed;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; `fixed` holds parseBoolValue of the same literal texts.
      if (vs !== null) {
        // Stryker disable next-line EqualityOperator: vs[length] is undefined, which never equals a boolean.
        for (let i = 0; i < vs.length; i++) if (vs[i] === b) return true;
        return false;
      }
      for (const t of test.templates) {
        // An unresolved variable (null) parses to null, which never equals b.
        if (parseBoolValue(resolveTemplate(t, ctx)) === b) return true;
      }
      return false;
    }
    case 'binary': {
      const bytes = cachedBinary(rv);
      // Stryker disable next-line ConditionalExpression: `values` holds only decoded byte strings, never null, so a null request value matches none anyway.
      if (bytes === null) return false;
      // Stryker disable next-line EqualityOperator: values[length] is undefined, which never equals a string.
      for (let i = 0; i < test.values.length; i++) if (test.values[i] === bytes) return true;
      return false;
    }
    case 'ip': {
      const ip = cachedIp(rv);
      if (ip === null) return false;
      for (let i = 0; i < test.values.length; i++) if (cidrContains(test.values[i]!, ip)) return true;
      return false;
    }
    // Stryker disable next-line StringLiteral: unreachable, evaluateClause handles Null and invalid tests before calling anyMatch.
    case 'null':
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, as above.
    case 'invalid':
      // Stryker disable next-line BooleanLiteral: unreachable, as above.
      return false;
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive `never` check, unreachable for any ValueTest.
    default: {
      const never: never = test;
      // Stryker disable next-line StringLiteral: unreachable, as above.
      throw new Error(`unknown value test ${String((never as ValueTest).kind)}`);
    }
  }
}
