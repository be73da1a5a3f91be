import { describe, expect, it } from 'vitest';
import { compileCached } from '../../src/evaluator/compile-cache.js';

describe('compileCached', () => {
  const doc = Object.freeze({ Version: '2012-10-17', Statement: Object.freeze([Object.freeze({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]) });

  it('returns the same compiled result for the same document object and options', () => {
    const a = compileCached(doc, { id: 'p', kind: 'identity' });
    const b = compileCached(doc, { id: 'p', kind: 'identity' });
    expect(a.ok).toBe(true);
    expect(b).toBe(a);
  });

  it('keys on the options as well', () => {
    const a = compileCached(doc, { id: 'p', kind: 'identity' });
    const b = compileCached(doc, { id: 'q', kind: 'identity' });
    const c = compileCached(doc, { id: 'p', kind: 'resource' });
    expect(b).not.toBe(a);
    expect(b.ok && b.value.statements[0]?.ref.policyId).toBe('q');
    expect(c.ok).toBe(false);
  });

  it('does not share results between equal but distinct documents', () => {
    const copy = JSON.parse(JSON.stringify(doc)) as unknown;
    expect(compileCached(copy, { id: 'p', kind: 'identity' })).not.toBe(compileCached(doc, { id: 'p', kind: 'identity' }));
  });

  it('compiles non-object documents without caching', () => {
    const r = compileCached('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}', { id: 's', kind: 'identity' });
    expect(r.ok).toBe(true);
    expect(compileCached(42, { id: 'n', kind: 'identity' }).ok).toBe(false);
  });
});
