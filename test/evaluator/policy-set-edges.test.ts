import { describe, expect, it } from 'vitest';
import { compilePolicySet, isAssumeRoleAction, resourceIsTrust } from '../../src/evaluator/policy-set.js';
import type { PolicySet } from '../../src/evaluator/types.js';

// Source: issue 2 (batch mode, the `policies` object of an input line); sheet §1.1 step 4 (trust policies must allow).
const V = '2012-10-17';
const ID = { Version: V, Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
const RES = { Version: V, Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' } };
const TRUST = { Version: V, Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' } };
const BAD = { Version: V, Statement: { Effect: 'allow', Action: 's3:GetObject', Resource: '*' } };

function value(raw: unknown, prefix = '', opts = {}): PolicySet {
  const r = compilePolicySet(raw, prefix, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
function errors(raw: unknown, prefix = '', opts = {}) {
  const r = compilePolicySet(raw, prefix, opts);
  if (r.ok) throw new Error('expected problems');
  return r.error;
}

describe('isAssumeRoleAction', () => {
  it('is true for the three AssumeRole actions in any case, and nothing else', () => {
    for (const a of ['sts:AssumeRole', 'STS:assumerole', 'sts:AssumeRoleWithSAML', 'sts:assumerolewithwebidentity']) expect(isAssumeRoleAction(a), a).toBe(true);
    for (const a of ['sts:AssumeRoot', 'sts:AssumeRoleX', 'xsts:AssumeRole', 'sts:AssumeRoleWithSAMLx', 'sts:GetCallerIdentity', 'sts:AssumeRoleWith']) expect(isAssumeRoleAction(a), a).toBe(false);
  });
});

describe('resourceIsTrust', () => {
  it('is true only when the resource must allow and the action is an AssumeRole action', () => {
    expect(resourceIsTrust({ resourceMustAllow: true }, { action: 'sts:AssumeRole' })).toBe(true);
    expect(resourceIsTrust({ resourceMustAllow: true }, { action: 'kms:Decrypt' })).toBe(false);
    expect(resourceIsTrust({ resourceMustAllow: true })).toBe(false);
    expect(resourceIsTrust({ resourceMustAllow: 'true' }, { action: 'sts:AssumeRole' })).toBe(false);
    expect(resourceIsTrust({}, { action: 'sts:AssumeRole' })).toBe(false);
    expect(resourceIsTrust(null, { action: 'sts:AssumeRole' })).toBe(false);
    expect(resourceIsTrust([], { action: 'sts:AssumeRole' })).toBe(false);
  });
});

describe('compilePolicySet', () => {
  it('rejects a policy set that is not an object, at the prefix or at the root', () => {
    const problem = {
      code: 'policy-set-shape',
      severity: 'error',
      message: 'The policy set must be a JSON object.',
      path: '/',
      hint: 'Write {"identity": [DOC, …], "resource": DOC, "trust": DOC, "boundary": DOC, "session": DOC, "scp": [[DOC, …], …], "rcp": [[DOC, …], …]}.',
    };
    expect(errors([])).toEqual([problem]);
    expect(errors(null, '/policies')).toEqual([{ ...problem, path: '/policies' }]);
    expect(errors('x')).toEqual([problem]);
  });

  it('compiles an empty set to no identity policies and nothing else', () => {
    expect(value({})).toEqual({ identity: [] });
  });

  it('compiles each field with its kind and a generated id', () => {
    const set = value({ identity: [ID, ID], resource: RES, boundary: ID, session: [ID], scp: [[ID], [ID, ID]], rcp: [[RES]], resourceMustAllow: false });
    expect(set.identity.map((p) => [p.id, p.kind])).toEqual([['identity[0]', 'identity'], ['identity[1]', 'identity']]);
    expect([set.resource?.id, set.resource?.kind]).toEqual(['resource', 'resource']);
    expect([set.boundary?.id, set.boundary?.kind]).toEqual(['boundary', 'boundary']);
    expect(set.session?.map((p) => [p.id, p.kind])).toEqual([['session[0]', 'session']]);
    expect(set.scp?.map((l) => l.map((p) => [p.id, p.kind]))).toEqual([[['scp[0][0]', 'scp']], [['scp[1][0]', 'scp'], ['scp[1][1]', 'scp']]]);
    expect(set.rcp?.map((l) => l.map((p) => [p.id, p.kind]))).toEqual([[['rcp[0][0]', 'rcp']]]);
    expect(set.resourceMustAllow).toBe(false);
  });

  it('takes a lone session document as one session policy with the id "session"', () => {
    const set = value({ session: ID });
    expect(set.session?.map((p) => [p.id, p.kind])).toEqual([['session', 'session']]);
    expect(errors({ session: BAD }).map((p) => p.path)).toEqual(['/session/Statement/Effect']);
  });

  it('skips null fields', () => {
    expect(value({ identity: null, resource: null, boundary: null, session: null, scp: null, rcp: null, trust: null })).toEqual({ identity: [] });
  });

  it('prefixes every document problem with the document\'s place', () => {
    const ps = errors({ identity: [ID, BAD], boundary: BAD, scp: [[ID], [BAD]], resource: { Version: V, Statement: { ...BAD.Statement, Principal: '*' } } }, '/policies');
    expect(ps.map((p) => `${p.code} ${p.path}`)).toEqual([
      'effect-case /policies/identity/1/Statement/Effect',
      'effect-case /policies/boundary/Statement/Effect',
      'effect-case /policies/scp/1/0/Statement/Effect',
      'effect-case /policies/resource/Statement/Effect',
    ]);
  });

  it('compiles a set whose documents have only warnings', () => {
    const set = value({ identity: [{ Statement: ID.Statement }] });
    expect(set.identity[0]?.warnings.map((w) => w.code)).toEqual(['version-absent']);
  });

  it('reports unknown fields and a resourceMustAllow that is not a boolean', () => {
    expect(errors({ identities: [ID], resourceMustAllow: 'yes' }, '/p')).toEqual([
      { code: 'policy-set-shape', severity: 'error', message: 'Unknown policy set field "identities".', path: '/p/identities', hint: 'The fields are identity, resource, trust, boundary, session, scp, rcp and resourceMustAllow.' },
      { code: 'policy-set-shape', severity: 'error', message: 'resourceMustAllow must be true or false.', path: '/p/resourceMustAllow', hint: 'Use true for role trust policies and KMS key policies, which must themselves allow.' },
    ]);
  });

  it('does not take inherited object properties for fields', () => {
    expect(errors({ toString: [ID] }).map((p) => p.message)).toEqual(['Unknown policy set field "toString".']);
  });

  it('requires identity to be a list', () => {
    expect(errors({ identity: ID })).toEqual([{ code: 'policy-set-shape', severity: 'error', message: 'identity must be an array of policy documents.', path: '/identity', hint: 'Wrap the document in brackets: "identity": [DOC].' }]);
  });

  it('requires scp and rcp to be lists of levels', () => {
    const problem = (key: string) => ({
      code: 'policy-set-shape',
      severity: 'error',
      message: `${key} must be an array of levels, each an array of policy documents.`,
      path: `/${key}`,
      hint: `Write "${key}": [[ROOT_DOC, …], [OU_DOC, …], [ACCOUNT_DOC, …]], root first.`,
    });
    expect(errors({ scp: [ID] })).toEqual([problem('scp')]);
    expect(errors({ rcp: [[RES], RES] })).toEqual([problem('rcp')]);
    expect(errors({ scp: ID })).toEqual([problem('scp')]);
  });

  it('compiles a trust document as a trust policy in the resource place and makes it must-allow', () => {
    const set = value({ trust: TRUST });
    expect([set.resource?.id, set.resource?.kind, set.resourceMustAllow]).toEqual(['trust', 'trust', true]);
    expect(value({ trust: TRUST, resourceMustAllow: true }).resourceMustAllow).toBe(true);
  });

  it('rejects trust together with resource, and trust with resourceMustAllow false', () => {
    expect(errors({ trust: TRUST, resource: RES }, '/p')).toEqual([
      { code: 'policy-set-shape', severity: 'error', message: 'A policy set has one resource-side policy: give either trust or resource, not both.', path: '/p/trust', hint: 'Use trust for a role trust policy (sts:AssumeRole*), resource for any other resource-based policy.' },
    ]);
    expect(errors({ trust: TRUST, resourceMustAllow: false }, '/p')).toEqual([
      { code: 'policy-set-shape', severity: 'error', message: 'A role trust policy must always allow the caller itself; resourceMustAllow cannot be false with trust.', path: '/p/resourceMustAllow', hint: 'Drop resourceMustAllow: trust implies it.' },
    ]);
    expect(value({ trust: TRUST, resource: null }).resource?.kind).toBe('trust');
    expect(value({ trust: null, resource: RES, resourceMustAllow: false }).resource?.kind).toBe('resource');
  });

  it('compiles the resource document as a trust policy when it must allow an AssumeRole action', () => {
    expect(value({ resource: TRUST, resourceMustAllow: true }, '', { action: 'sts:AssumeRoleWithWebIdentity' }).resource?.kind).toBe('trust');
    expect(errors({ resource: TRUST, resourceMustAllow: true }, '', { action: 'kms:Decrypt' }).map((p) => `${p.code} ${p.path}`)).toEqual(['resource-missing /resource/Statement']);
    expect(errors({ resource: TRUST }, '', { action: 'sts:AssumeRole' }).map((p) => p.code)).toEqual(['resource-missing']);
  });
});
