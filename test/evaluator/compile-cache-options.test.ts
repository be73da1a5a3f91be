import { describe, expect, it } from 'vitest';
import { compileCached } from '../../src/evaluator/compile-cache.js';

const big = Object.freeze({ Version: '2012-10-17', Statement: Object.freeze({ Effect: 'Allow', Action: Object.freeze(Array.from({ length: 150 }, (_, i) => `s3:GetObject${i}`)), Resource: '*' }) });
const old = Object.freeze({ Version: '2008-10-17', Statement: Object.freeze({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });

describe('compileCached: every option is part of the key', () => {
  it('a different size limit gives that limit\'s answer', () => {
    expect(compileCached(big, { id: 'p', kind: 'identity' }).ok).toBe(true);
    expect(compileCached(big, { id: 'p', kind: 'identity', sizeLimit: 2_048 }).ok).toBe(false);
    expect(compileCached(big, { id: 'p', kind: 'identity', sizeLimit: null }).ok).toBe(true);
    expect(compileCached(big, { id: 'p', kind: 'identity', sizeLimit: 2_048 }).ok).toBe(false);
  });

  it('requiring Version 2012-10-17 gives that answer, and false is the same as absent', () => {
    expect(compileCached(old, { id: 'p', kind: 'identity' }).ok).toBe(true);
    expect(compileCached(old, { id: 'p', kind: 'identity', requireVersion2012: true }).ok).toBe(false);
    expect(compileCached(old, { id: 'p', kind: 'identity', requireVersion2012: false })).toBe(compileCached(old, { id: 'p', kind: 'identity' }));
  });

  it('compiles null and other non-objects every time, to a document-not-object problem', () => {
    for (const d of [null, 42, true]) {
      const r = compileCached(d, { id: 'p', kind: 'identity' });
      expect(r.ok ? [] : r.error.map((p) => p.code)).toEqual(['document-not-object']);
    }
  });

  it('a document compiled under many ids keeps answering with the right id', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 20; i++) {
        const r = compileCached(old, { id: `id${i}`, kind: 'identity' });
        expect(r.ok && r.value.id).toBe(`id${i}`);
      }
    }
  });
});
