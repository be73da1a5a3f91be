import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import type { PolicyKind } from '../../src/evaluator/types.js';
import { runs } from '../arbitraries/runs.js';

const KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session'];

// Policy-shaped JSON: the right keys with random values, so validation goes deep rather than stopping at the top.
const anyValue = fc.jsonValue({ maxDepth: 3 });
const statement = fc.dictionary(
  fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Other'),
  fc.oneof(anyValue, fc.constantFrom('Allow', 'Deny', '*', 's3:GetObject', 'arn:aws:s3:::b/${aws:username}', 'arn:aws:s3', { AWS: '*' }, { StringEquals: { 'aws:username': 'a' } })),
);
const policyShaped = fc.record(
  { Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), anyValue), Id: anyValue, Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 }), anyValue) },
  { requiredKeys: [] },
);

describe('compilePolicy never throws (bad input never crashes)', () => {
  test.prop([fc.oneof(fc.jsonValue(), policyShaped), fc.constantFrom(...KINDS), fc.boolean()], { numRuns: runs(1500) })(
    'returns a Result for any JSON value',
    (doc, kind, requireVersion2012) => {
      const r = compilePolicy(doc, { id: 'x', kind, requireVersion2012 });
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) {
        expect(r.error.length).toBeGreaterThan(0);
        for (const p of r.error) expect(p.path === '' || p.path.startsWith('/')).toBe(true);
        expect(r.error.some((p) => p.code === 'internal-error')).toBe(false);
      }
    },
  );
});

describe('duplicateKeyProblems', () => {
  test.prop([fc.jsonValue(), fc.boolean()], { numRuns: runs(500) })('finds nothing in serialised JSON, which cannot repeat a key', async (v, pretty) => {
    const { duplicateKeyProblems } = await import('../../src/evaluator/validate/duplicate-keys.js');
    expect(duplicateKeyProblems(JSON.stringify(v, null, pretty ? 2 : undefined) ?? 'null')).toEqual([]);
  });
});
