import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import { BASE_OPERATORS, OPERATORS, compileConditionBlock, evaluateConditionBlock } from '../../../src/evaluator/conditions/index.js';
import { evaluateConditionBlock as referenceBlock } from '../../reference/conditions.js';
import type { RefContext } from '../../reference/context.js';
import type { ContextValue } from '../../../src/evaluator/types.js';
import { runs } from '../../arbitraries/runs.js';

/**
 * A second MATCHES-REFERENCE property with its own, broader vocabulary: every operator family, set prefixes and
 * IfExists on every operator, multivalued keys, escapes and defaults, cross-family keys (a date key under Numeric).
 * Only valid policy values are generated (invalid ones are compile errors, not evaluation questions), and the
 * documented divergences are left out: non-canonical numbers (`+1`, `.5`, `1.`, which the reference accepts),
 * non-canonical base-64 and IPv4 text with leading zeros.
 */
const REQUEST: Record<string, readonly string[]> = {
  'k:s': ['alice', 'Alice', 'a*', 'bob', 'home/alice/x', 'us-east-1', ''],
  'k:n': ['9', '10', '10.5', '11', '-1', 'abc'],
  'k:d': ['2026-06-15T10:30:00Z', '2026-06-15T10:30:01Z', '2026-06-15T12:30:00+02:00', '1781519400', 'nope'],
  'k:ip': ['203.0.113.9', '203.0.114.1', '10.1.2.3', '2001:db8::1', '::ffff:203.0.113.9', 'x'],
  'k:arn': ['arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::111122223333:user/alice', 'arn:aws:s3:::b/k:x', 'not-arn'],
  'k:b': ['true', 'false', 'TRUE', 'maybe'],
  'k:bin': ['QQ==', 'Qg==', 'QUJD'],
};
const KEYS = Object.keys(REQUEST);

const POLICY: Record<string, readonly string[]> = {
  string: ['alice', 'ALICE', 'a*', 'a?ice', '*', 'home/${k:s}/*', '${k:s}', "${k:missing, 'bob'}", '${k:missing}', 'a${*}', 'us-*', ''],
  numeric: ['9', '10', '10.5', '-1'],
  date: ['2026-06-15T10:30:00Z', '2026-06-15T10:30:00.500Z', '2026-01-01', '1781519400', '2026-06-15T11:30:00+01:00'],
  bool: ['true', 'false', 'True'],
  binary: ['QQ==', 'QUJD'],
  ip: ['203.0.113.0/24', '203.0.113.9', '10.0.0.0/8', '2001:db8::/32', '0.0.0.0/0', '::/0'],
  arn: ['arn:aws:iam::*:role/Admin', 'arn:aws:iam::111122223333:*', 'arn:aws:iam::*:user/${k:s}', 'arn:aws:s3:::b/*', 'arn:aws:iam:*', '*', 'arn:aws:*:*:*:*'],
  null: ['true', 'false'],
};

const requestValue = (key: string): fc.Arbitrary<ContextValue> =>
  fc.oneof(fc.constantFrom(...REQUEST[key]!), fc.subarray([...REQUEST[key]!], { maxLength: 3 }));

const clause = fc.record({
  base: fc.constantFrom(...BASE_OPERATORS),
  prefix: fc.constantFrom('', '', 'ForAllValues:', 'ForAnyValue:'),
  ifExists: fc.boolean(),
  key: fc.constantFrom(...KEYS, 'k:missing'),
}).chain(({ base, prefix, ifExists, key }) => {
  const family = OPERATORS[base].family;
  const operator = base === 'Null' ? 'Null' : `${prefix}${base}${ifExists ? 'IfExists' : ''}`;
  const values = fc.oneof(fc.constantFrom(...POLICY[family]!), fc.subarray([...POLICY[family]!], { minLength: 1, maxLength: Math.min(3, POLICY[family]!.length) }));
  return fc.record({ operator: fc.constant(operator), key: fc.constant(key), values });
});

function refContextOf(ctx: Record<string, ContextValue>): RefContext {
  const out = new Map<string, readonly string[]>();
  for (const [k, v] of Object.entries(ctx)) {
    const list = typeof v === 'string' ? [v] : [...v];
    if (list.length > 0) out.set(k.toLowerCase(), list);
  }
  return out;
}

describe('MATCHES-REFERENCE, broad vocabulary [sheet §3]', () => {
  it('agrees with the reference on every operator family, prefix and IfExists', () => {
    const context = fc.record(Object.fromEntries(KEYS.map((k) => [k, requestValue(k)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, ContextValue>>;
    fc.assert(fc.property(fc.array(clause, { minLength: 1, maxLength: 3 }), context, fc.boolean(), (clauses, ctx, variables) => {
      const raw: Record<string, Record<string, unknown>> = {};
      for (const c of clauses) raw[c.operator] = { ...(raw[c.operator] ?? {}), [c.key]: c.values };
      const { block, problems } = compileConditionBlock(raw, '/Condition', { variables });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      const fast = evaluateConditionBlock(block, buildRequestContext(ctx), null);
      const slow = referenceBlock(raw, refContextOf(ctx), variables);
      expect({ raw, ctx, variables, fast }).toEqual({ raw, ctx, variables, fast: slow });
    }), { numRuns: runs(10000) });
  });
});
