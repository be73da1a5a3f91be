/** Condition operators [sheet §3]: compile a Condition element once, evaluate it per request. */
export { compileConditionBlock, type CompileConditionOptions, type CompiledCondition } from './compile.js';
export { evaluateConditionBlock, evaluateClause, isEmptyConditionBlock } from './evaluate.js';
export type { Clause, ConditionBlock, ValueTest } from './types.js';
export { BASE_OPERATORS, OPERATORS, VARIABLES_IN, isBaseOperator, type BaseOperator, type Comparison, type OperatorFamily, type OperatorInfo } from './operators.js';
export { parseOperator, type ParsedOperator, type SetPrefix, type UnknownOperator } from './parse-operator.js';
export { CONDITION_PROBLEMS, conditionProblem, type ConditionProblemCode } from './messages.js';
