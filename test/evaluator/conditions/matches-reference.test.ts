import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { compileConditionBlock, evaluateConditionBlock } from '../../../src/evaluator/conditions/index.js';
import { evaluateConditionBlock as referenceBlock } from '../../reference/conditions.js';
import { refContext } from '../../reference/context.js';
import { clauseFor, conditionBlock, requestCase } from '../../arbitraries/policy.js';
import { runs } from '../../arbitraries/runs.js';

describe('MATCHES-REFERENCE for conditions: the compiled evaluator agrees with the reference model [sheet §3, §9]', () => {
  it('on generated near-miss condition blocks and requests (both Versions)', () => {
    const arb = requestCase.chain((rc) =>
      fc.record({
        rc: fc.constant(rc),
        clauses: fc.array(clauseFor(rc.anchors, rc.request.principal), { minLength: 1, maxLength: 4 }),
        variables: fc.boolean(),
      }));
    fc.assert(fc.property(arb, ({ rc, clauses, variables }) => {
      const raw = conditionBlock(clauses);
      const { block } = compileConditionBlock(raw, '/Condition', { variables });
      const fast = evaluateConditionBlock(block, buildRequestContext(rc.request.context), null);
      const slow = referenceBlock(raw, refContext(rc.request), variables);
      expect({ raw, context: rc.request.context, variables, fast }).toEqual({ raw, context: rc.request.context, variables, fast: slow });
    }), { numRuns: runs(5000) });
  });
});
