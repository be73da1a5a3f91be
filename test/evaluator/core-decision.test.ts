import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import type { AuthzRequest, CompiledPolicy, Decision, PolicyKind, PolicySet, StatementRef } from '../../src/evaluator/types.js';
import type { ConditionBlock } from '../../src/evaluator/conditions/index.js';
import { pol, req, rp } from './decision-fixtures.js';
import { A, B, P } from './principals.js';

// Source: sheet §1.1 (decision flow and the statements that decide), §1.2 (resource policy grants: exact, role/owner,
// account), §2.3 (NotPrincipal with Deny and permissions boundaries).
const GET = { Action: 's3:GetObject', Resource: '*' };
const allowGet = { Effect: 'Allow', ...GET };

const ref = (policyId: string, policyKind: PolicyKind, index: number): StatementRef => ({ policyId, policyKind, index });
/** The decision with and without a trace (both must agree on everything but the trace). */
function both(request: AuthzRequest, policies: PolicySet): Decision[] {
  return [evaluate(request, policies), evaluate(request, policies, { trace: true })];
}

describe('evaluate: the statements that determine an Allow', () => {
  it('names the identity Allow and the boundary Allow that let a user through', () => {
    for (const d of both(req(P.user), { identity: [pol('identity', 'id', allowGet)], boundary: pol('boundary', 'bnd', allowGet) })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('bnd', 'boundary', 0)] });
    }
  });

  it('names the identity Allow and the session policy Allow of a role session', () => {
    for (const d of both(req(P.session), { identity: [pol('identity', 'id', allowGet)], session: [pol('session', 'sess', allowGet)] })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('sess', 'session', 0)] });
    }
  });

  it('names both the identity Allow and a resource policy grant to the session\'s role', () => {
    const resource = pol('resource', 'res', rp({ AWS: P.session.roleArn }));
    for (const d of both(req(P.session), { identity: [pol('identity', 'id', allowGet)], resource })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('res', 'resource', 0)] });
    }
  });

  it('in the same account, does not name a resource policy that only delegates to the account', () => {
    const resource = pol('resource', 'res', rp({ AWS: A }));
    for (const d of both(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0)] });
    }
  });

  it('names the account grant of a resource policy that must itself allow (a KMS key policy)', () => {
    const resource = pol('resource', 'key', rp({ AWS: `arn:aws:iam::${A}:root` }));
    for (const d of both(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource, resourceMustAllow: true })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('key', 'resource', 0)] });
    }
  });

  it('names a grant to the session\'s role once when the resource policy must itself allow', () => {
    const resource = pol('resource', 'key', rp({ AWS: P.session.roleArn }));
    for (const d of both(req(P.session), { identity: [pol('identity', 'id', allowGet)], resource, resourceMustAllow: true })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('key', 'resource', 0)] });
    }
  });
});

describe('evaluate: resource policy statements for other principals', () => {
  it('a Deny that names another principal does not deny the caller', () => {
    const resource = pol('resource', 'res', rp({ AWS: P.otherUser.arn }, 'Deny'));
    for (const d of both(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0)] });
    }
  });

  it('a statement that does not name the caller is skipped before its condition is read', () => {
    const base = pol('resource', 'res', { ...rp({ AWS: P.otherUser.arn }, 'Deny'), Condition: { StringEquals: { 'aws:username': 'x' } } });
    const broken = { clauses: null } as unknown as ConditionBlock;
    const resource: CompiledPolicy = { ...base, index: undefined, statements: base.statements.map((s) => ({ ...s, condition: broken })) };
    const d = evaluate(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource });
    expect(d).toMatchObject({ effect: 'Allow', errors: [] });
  });

  it('a statement with no Principal in the resource policy\'s place names every caller (hand-built policy set)', () => {
    // compilePolicySet never puts an identity-kind policy there; a library caller can.
    const resource = pol('identity', 'loose', allowGet);
    for (const d of both(req(P.user), { identity: [], resource })) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('loose', 'identity', 0)] });
    }
    for (const d of both(req(P.otherUser), { identity: [], resource })) {
      expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null, determining: [] });
    }
  });

  it('a permissions boundary makes only NotPrincipal Denies apply to everyone, not a hand-built NotPrincipal Allow', () => {
    // compilePolicy rejects NotPrincipal with Allow ("not supported"); evaluate still reads NotPrincipal as written.
    const base = pol('resource', 'res', { Effect: 'Deny', NotPrincipal: { AWS: [A, P.user.arn] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
    const resource: CompiledPolicy = { ...base, index: undefined, statements: base.statements.map((s) => ({ ...s, effect: 'Allow' as const })) };
    const policies: PolicySet = { identity: [], boundary: pol('boundary', 'bnd', allowGet), resource };
    for (const d of both(req(P.user), policies)) expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null, determining: [] });
    for (const d of both(req(P.otherUser, { resourceAccount: B }), policies)) {
      expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('res', 'resource', 0)] });
    }
  });
});

describe('evaluate: the trace', () => {
  it('holds the statement events in scan order, then the combine events, and nothing else', () => {
    const d = evaluate(req(P.user), { identity: [pol('identity', 'id', allowGet)] }, { trace: true });
    expect(d.trace).toEqual([
      {
        kind: 'statement',
        ref: ref('id', 'identity', 0),
        effect: 'Allow',
        actionMatched: true,
        resourceMatched: true,
        principalMatched: null,
        conditionsMatched: null,
        conditions: [],
        matched: true,
      },
      { kind: 'combine', step: 'explicit-deny', outcome: 'pass', message: 'No Deny statement matched.' },
      { kind: 'combine', step: 'rcp', outcome: 'not-applicable', message: 'No RCPs apply to this request.' },
      { kind: 'combine', step: 'scp', outcome: 'not-applicable', message: 'No SCPs apply to this request.' },
      { kind: 'combine', step: 'resource', outcome: 'not-applicable', message: 'No resource-based policy applies.' },
      { kind: 'combine', step: 'identity', outcome: 'allow', message: 'An identity-based policy allows: id#0.' },
      { kind: 'combine', step: 'boundary', outcome: 'not-applicable', message: 'No permissions boundary is set.' },
      { kind: 'combine', step: 'session', outcome: 'not-applicable', message: "No session policy was passed: a role session keeps its role's permissions." },
      { kind: 'combine', step: 'decision', outcome: 'allow', message: 'Allowed: every policy type that applies allows the request.' },
    ]);
  });

  it('is empty without trace: true', () => {
    expect(evaluate(req(P.user), { identity: [pol('identity', 'id', allowGet)] }).trace).toEqual([]);
    expect(evaluate(req(P.user), { identity: [pol('identity', 'id', allowGet)] }, { trace: false }).trace).toEqual([]);
  });
});
