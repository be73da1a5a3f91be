import { describe, expect, it } from 'vitest';
import { compilePolicySet } from '../../src/evaluator/policy-set.js';

// Source: issue 2 (batch mode, the `policies` object of an input line).
const V = '2012-10-17';
const ID = { Version: V, Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };

describe('compilePolicySet: absent fields', () => {
  it('treats a field that is null as absent', () => {
    const r = compilePolicySet({ identity: null, resource: null, trust: null, boundary: null, session: null, scp: null, rcp: null });
    expect(r).toEqual({ ok: true, value: { identity: [] } });
  });

  it('treats a field that is undefined (a JavaScript caller) as absent', () => {
    const r = compilePolicySet({ identity: undefined, resource: undefined, trust: undefined, boundary: undefined, session: undefined, scp: undefined, rcp: undefined });
    expect(r).toEqual({ ok: true, value: { identity: [] } });
  });

  it('keeps the other fields when one is null', () => {
    const r = compilePolicySet({ identity: [ID], boundary: null });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value)).toEqual(['identity']);
    expect(r.value.identity.map((p) => p.id)).toEqual(['identity[0]']);
  });

  it('rejects a set whose only problem is a document with errors, listing its warnings too', () => {
    const noVersion = { Statement: { Effect: 'Allow', Action: 's3', Resource: '*' } };
    const r = compilePolicySet({ identity: [noVersion] }, '/policies');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual(['warning version-absent /policies/identity/0', 'error action-no-vendor /policies/identity/0/Statement/Action']);
  });
});
