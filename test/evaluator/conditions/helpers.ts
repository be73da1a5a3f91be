import { expect } from 'vitest';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { compileConditionBlock, evaluateConditionBlock } from '../../../src/evaluator/conditions/index.js';
import type { ContextValue, PolicyProblem } from '../../../src/evaluator/types.js';

/** Compiles a Condition (asserting it has no errors) and evaluates it against a context, with and without a trace. */
export function holds(condition: unknown, context: Record<string, ContextValue>, variables = true): boolean {
  const { block, problems } = compileConditionBlock(condition, '/Statement/0/Condition', { variables });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const ctx = buildRequestContext(context);
  const fast = evaluateConditionBlock(block, ctx, null);
  const trace: import('../../../src/evaluator/types.js').ConditionTrace[] = [];
  const traced = evaluateConditionBlock(block, ctx, trace);
  expect(traced).toBe(fast);
  // A context not built by buildRequestContext (no parse memo) gives the same answer.
  expect(evaluateConditionBlock(block, new Map(ctx), null)).toBe(fast);
  return fast;
}

/** The problems of compiling a Condition. */
export function problemsOf(condition: unknown, variables = true): PolicyProblem[] {
  return compileConditionBlock(condition, '/Statement/0/Condition', { variables }).problems;
}
