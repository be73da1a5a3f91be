/**
 * One condition clause as text, with the request's values against the policy's:
 * `NotIpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 → true`, or for a missing key why that makes the
 * clause true or false (IfExists, a negated operator, ForAllValues, …).
 */
import type { ConditionTrace } from '../evaluator/types.js';

type Relation = { readonly holds: string; readonly fails: string };

/** The words for "the request value relates to the policy value" per base operator, positive form. */
function relationOf(base: string): Relation {
  if (base.startsWith('Ip') || base === 'NotIpAddress') return { holds: 'in', fails: 'not in' };
  if (base.includes('Like') || base.startsWith('Arn')) return { holds: 'like', fails: 'not like' };
  if (base.endsWith('LessThanEquals')) return { holds: '<=', fails: 'not <=' };
  if (base.endsWith('LessThan')) return { holds: '<', fails: 'not <' };
  if (base.endsWith('GreaterThanEquals')) return { holds: '>=', fails: 'not >=' };
  if (base.endsWith('GreaterThan')) return { holds: '>', fails: 'not >' };
  if (base.includes('IgnoreCase')) return { holds: '= (ignoring case)', fails: '≠ (ignoring case)' };
  return { holds: '=', fails: '≠' };
}

const listText = (values: readonly string[]): string => (values.length === 1 ? values[0]! : `[${values.join(', ')}]`);

/** One condition clause as text, e.g. `NotIpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 → true` (`verdict: false` leaves out ` → true`). */
export function formatCondition(c: ConditionTrace, o: { readonly verdict?: boolean } = {}): string {
  const m = /^(ForAllValues:|ForAnyValue:)?(.*?)(IfExists)?$/.exec(c.operator);
  const setOp = m?.[1];
  const base = m?.[2] ?? c.operator;
  const verdict = c.matched ? 'true' : 'false';
  const tail = o.verdict === false ? '' : ` → ${verdict}`;
  if (base === 'Null') {
    return `${c.operator} ${c.key}: key ${c.requestValues === null ? 'absent' : `present (${listText(c.requestValues)})`}, policy wants null=${listText(c.policyValues)}${tail}`;
  }
  if (c.requestValues === null || c.requestValues.length === 0) {
    const why = setOp === 'ForAllValues:' ? 'vacuously true for ForAllValues' : setOp === 'ForAnyValue:' ? 'false for ForAnyValue' : m?.[3] !== undefined ? 'true for IfExists' : base.startsWith('Not') || base.includes('Not') ? 'true for a negated operator' : 'false for a positive operator';
    return `${c.operator} ${c.key}: key absent from the request (${why}) vs ${listText(c.policyValues)}${tail}`;
  }
  const negated = base.startsWith('Not') || base.includes('NotEquals') || base.includes('NotLike');
  const positiveBase = negated ? base.replace('Not', '') : base;
  const rel = relationOf(positiveBase);
  // For a negated operator the clause holds exactly when the positive relation fails (NOR over the policy values).
  const positiveHeld = negated ? !c.matched : c.matched;
  const word = positiveHeld ? rel.holds : rel.fails;
  const quantifier = setOp === 'ForAllValues:' ? 'every value of ' : setOp === 'ForAnyValue:' ? 'some value of ' : '';
  return `${c.operator} ${c.key} ${quantifier}${listText(c.requestValues)} ${word} ${listText(c.policyValues)}${tail}`;
}

