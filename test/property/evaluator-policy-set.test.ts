/** compilePolicySet: the raw JSON Lines shape compiled with the right kinds, generated ids and prefixed problem paths. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePolicySet } from '../../src/evaluator/policy-set.js';
import { policyCase } from '../arbitraries/policy.js';
import { runs } from '../arbitraries/runs.js';

const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const rcpDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

describe('compilePolicySet', () => {
  it('SHAPE-KEPT: every document lands in its slot with its kind and a generated id; levels keep their order and sizes', () => {
    fc.assert(
      fc.property(policyCase, ({ policies: raw }) => {
        const r = compilePolicySet(raw);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const set = r.value;
        expect(set.identity.map((p) => [p.id, p.kind])).toEqual((raw.identity ?? []).map((_, i) => [`identity[${i}]`, 'identity']));
        expect(set.resource?.kind).toBe(raw.resource === undefined ? undefined : 'resource');
        expect(set.boundary?.kind).toBe(raw.boundary === undefined ? undefined : 'boundary');
        const sessions = raw.session === undefined ? 0 : Array.isArray(raw.session) ? raw.session.length : 1;
        expect(set.session?.length ?? 0).toBe(sessions);
        expect((set.scp ?? []).map((l) => l.length)).toEqual((raw.scp ?? []).map((l) => l.length));
        expect((set.rcp ?? []).map((l, i) => l.map((p, j) => p.id === `rcp[${i}][${j}]` && p.kind === 'rcp'))).toEqual((raw.rcp ?? []).map((l) => l.map(() => true)));
        expect(set.resourceMustAllow === true).toBe(raw.resourceMustAllow === true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('a lone session document and a list of them both compile; ids say which', () => {
    const one = compilePolicySet({ session: doc });
    const many = compilePolicySet({ session: [doc, doc] });
    expect(one.ok && one.value.session?.map((p) => p.id)).toEqual(['session']);
    expect(many.ok && many.value.session?.map((p) => p.id)).toEqual(['session[0]', 'session[1]']);
  });

  it.each([
    [{ identity: doc }, '/p/identity', 'identity must be an array'],
    [{ scp: [doc] }, '/p/scp', 'array of levels'],
    [{ rcp: [[rcpDoc], [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }]] }, '/p/rcp/1/0/Statement/0', ''],
    [{ identity: [doc, { Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] }] }, '/p/identity/1/Statement/0', ''],
    [{ resourceMustAllow: 'yes' }, '/p/resourceMustAllow', 'true or false'],
    [{ trusts: doc }, '/p/trusts', 'Unknown policy set field'],
    [{ trust: doc }, '/p/trust/Statement/0/Resource', ''],
    [{ trust: rcpDoc, resource: rcpDoc }, '/p/trust', 'either trust or resource'],
    [{ trust: rcpDoc, resourceMustAllow: false }, '/p/resourceMustAllow', 'cannot be false'],
    [[], '/p', 'must be a JSON object'],
  ])('%j is rejected at %s', (raw, path, message) => {
    const r = compilePolicySet(raw, '/p');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.some((p) => p.path.startsWith(path) && p.message.includes(message))).toBe(true);
      expect(r.error.every((p) => p.hint === undefined || p.hint.length > 0)).toBe(true);
    }
  });

  it('a trust policy compiles as kind trust and must allow; so does a resource policy that must allow an sts:AssumeRole* action', () => {
    const trust = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' } };
    const t = compilePolicySet({ trust });
    expect(t.ok && [t.value.resource?.kind, t.value.resource?.id, t.value.resourceMustAllow]).toEqual(['trust', 'trust', true]);
    for (const action of ['sts:AssumeRole', 'sts:assumerolewithwebidentity', 'sts:AssumeRoleWithSAML']) {
      const r = compilePolicySet({ resource: trust, resourceMustAllow: true }, '', { action });
      expect(r.ok && r.value.resource?.kind).toBe('trust');
    }
    expect(compilePolicySet({ resource: trust, resourceMustAllow: true }, '', { action: 'kms:Decrypt' }).ok).toBe(false);
    expect(compilePolicySet({ resource: trust }, '', { action: 'sts:AssumeRole' }).ok).toBe(false);
  });

  it('collects problems from every document, not only the first', () => {
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }] };
    const r = compilePolicySet({ identity: [bad, bad], boundary: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(new Set(r.error.map((p) => p.path.split('/Statement')[0]))).toEqual(new Set(['/identity/0', '/identity/1', '/boundary']));
  });
});
