/** The reference evaluator: an executable model of the semantics sheet, used as the oracle for the fast evaluator. */
export { referenceEvaluate, referenceDecide, resourceAccountOf, type ReferenceDecision } from './evaluate.js';
export { globMatches, wildcardTokens } from './glob.js';
export { parseInstant, parseIpNet, parseNumber, ipInNet } from './values.js';
