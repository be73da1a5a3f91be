import { describe, expect, it } from 'vitest';
import { policySize, SIZE_LIMITS } from '../../src/evaluator/validate/size.js';

// Source: sheet §6.2 (IAM counts characters without whitespace; Organizations counts bytes with whitespace).
describe('policySize', () => {
  const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:Get Object', Resource: '*' } };
  const compact = JSON.stringify(doc);

  it('counts non-whitespace characters of the compact JSON', () => {
    expect(policySize(doc)).toBe(compact.length - 1);
  });

  it('measures a string document as given, ignoring its layout', () => {
    expect(policySize(JSON.stringify(doc, null, 2))).toBe(policySize(doc));
  });

  it('counts UTF-8 bytes when asked', () => {
    expect(policySize({ a: 'é' }, 'bytes')).toBe(JSON.stringify({ a: 'é' }).length + 1);
  });

  it('never throws', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(policySize(cyclic)).toBe(0);
    expect(policySize(undefined)).toBe(0);
  });

  it('exposes the documented limits', () => {
    expect(SIZE_LIMITS).toMatchObject({ managed: 6144, inlineUser: 2048, inlineGroup: 5120, inlineRole: 10240, trust: 2048, scp: 5120 });
  });
});
