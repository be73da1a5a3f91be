import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import type { AuthzRequest, CompiledPolicy, ConditionTrace } from '../../src/evaluator/types.js';
import type { ConditionBlock } from '../../src/evaluator/conditions/index.js';

const A = '111111111111';
const request: AuthzRequest = {
  principal: { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A },
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  resourceAccount: A,
  context: {},
};

function compiled(doc: unknown): CompiledPolicy {
  const r = compilePolicy(doc, { id: 'p', kind: 'identity' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('evaluate: errors are collected, never thrown (types.ts EvalError)', () => {
  it('skips a statement whose evaluation fails, reports it, and decides on the rest', () => {
    const good = compiled({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const base = compiled({ Version: '2012-10-17', Statement: [{ Sid: 'Broken', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:username': 'x' } } }] });
    const broken: ConditionBlock = { clauses: null } as unknown as ConditionBlock;
    const bad: CompiledPolicy = { ...base, index: undefined, statements: base.statements.map((s) => ({ ...s, condition: broken })) };
    for (const trace of [false, true]) {
      const d = evaluate(request, { identity: [bad, good] }, { trace });
      expect(d.effect).toBe('Allow');
      expect(d.errors).toHaveLength(1);
      expect(d.errors[0]).toMatchObject({ code: 'statement-failed', statement: { policyId: 'p', sid: 'Broken', index: 0 } });
    }
  });

  it('works with hand-built policies that have no statement index', () => {
    const p = compiled({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const { index: _index, ...plain } = p;
    expect(evaluate(request, { identity: [plain] }).effect).toBe('Allow');
  });

  it('visits only statements for the action\'s service when not tracing, all of them when tracing', () => {
    const p = compiled({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Effect: 'Allow', Action: ['iam:GetUser', 's3:GetObject'], Resource: '*' },
        { Effect: 'Deny', NotAction: 's3:*', Resource: '*' },
        { Effect: 'Allow', Action: '*:GetObject', Resource: 'arn:aws:s3:::other/*' },
      ],
    });
    expect(p.index?.byService.get('s3')?.map((s) => s.ref.index)).toEqual([1, 2, 3]);
    expect(p.index?.byService.get('ec2')?.map((s) => s.ref.index)).toEqual([0, 2, 3]);
    expect(p.index?.other.map((s) => s.ref.index)).toEqual([2, 3]);
    const d = evaluate(request, { identity: [p] }, { trace: true });
    expect(d.trace.filter((e) => e.kind === 'statement')).toHaveLength(4);
    expect(d.effect).toBe('Allow');
    expect(evaluate({ ...request, action: 'S3:GETOBJECT' }, { identity: [p] }).effect).toBe('Allow');
    expect(evaluate({ ...request, action: 'lambda:Invoke' }, { identity: [p] }).effect).toBe('ExplicitDeny');
  });

  it('records the conditions of a Deny it evaluated, with request and policy values', () => {
    const p = compiled({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/team': ['blue', '${aws:username}'] } } }] });
    const d = evaluate({ ...request, context: { 'aws:principaltag/TEAM': 'red', 'aws:username': 'alice' } }, { identity: [p] }, { trace: true });
    expect(d.effect).toBe('ExplicitDeny');
    const ev = d.trace.find((e) => e.kind === 'statement' && e.effect === 'Deny');
    const conditions: readonly ConditionTrace[] = ev?.kind === 'statement' ? ev.conditions : [];
    expect(conditions).toEqual([{ operator: 'StringNotEquals', key: 'aws:PrincipalTag/team', requestValues: ['red'], policyValues: ['blue', 'alice'], matched: true }]);
  });
});

describe('compilePolicy: kind-specific documents that must be accepted', () => {
  const ok = (doc: unknown, kind: Parameters<typeof compilePolicy>[1]['kind']): readonly unknown[] => {
    const r = compilePolicy(doc, { id: 'x', kind });
    return r.ok ? [] : r.error;
  };

  it('SCPs take the full policy language (§1.4): Allow with NotAction, NotResource and Condition', () => {
    expect(ok({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::x/*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }] }, 'scp')).toEqual([]);
  });

  it('RCPs with Principal "*" and conditions (§1.4)', () => {
    expect(ok({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-123' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }] }, 'rcp')).toEqual([]);
  });

  it('a resource policy may use a short ARN without * (a warning: it matches nothing)', () => {
    const r = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1' }] }, { id: 'x', kind: 'resource' });
    expect(r.ok && r.value.warnings.map((w) => w.code)).toEqual(['resource-short-warning']);
  });

  it('a role trust policy for web identity federation', () => {
    expect(ok({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:abc' } } }] }, 'trust')).toEqual([]);
  });

  it('a session policy and a boundary like identity policies', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    expect(ok(doc, 'session')).toEqual([]);
    expect(ok(doc, 'boundary')).toEqual([]);
  });
});

describe('evaluate: malformed requests from untyped input', () => {
  it.each([
    ['no principal', { action: 's3:GetObject', resource: '*', context: {} }],
    ['principal without accountId', { principal: { kind: 'user', arn: 'arn:aws:iam::1:user/a' }, action: 's3:GetObject', resource: '*', context: {} }],
    ['action not a string', { principal: request.principal, action: 3, resource: '*', context: {} }],
    ['resource missing', { principal: request.principal, action: 's3:GetObject', context: {} }],
    ['context null', { principal: request.principal, action: 's3:GetObject', resource: '*', context: null }],
    ['not an object', null],
  ])('%s: ImplicitDeny with an invalid-request error, no throw', (_name, bad) => {
    const d = evaluate(bad as unknown as AuthzRequest, { identity: [] });
    expect(d.effect).toBe('ImplicitDeny');
    expect(d.errors.map((e) => e.code)).toEqual(['invalid-request']);
  });
});

describe('evaluate: combine events name the step that decided', () => {
  const allow = compiled({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const scpOther = (() => {
    const r = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }, { id: 'ou-scp', kind: 'scp' });
    if (!r.ok) throw new Error('compile');
    return r.value;
  })();
  const scpFull = (() => {
    const r = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, { id: 'full', kind: 'scp' });
    if (!r.ok) throw new Error('compile');
    return r.value;
  })();
  const combines = (d: ReturnType<typeof evaluate>): string[] => d.trace.flatMap((e) => (e.kind === 'combine' ? [`${e.step}:${e.outcome}`] : []));

  it('an SCP level without an Allow: the scp step denies and names the level', () => {
    const d = evaluate(request, { identity: [allow], scp: [[scpFull], [scpOther]] }, { trace: true });
    expect(combines(d)).toEqual(['explicit-deny:pass', 'rcp:not-applicable', 'scp:deny']);
    const last = d.trace[d.trace.length - 1];
    expect(last?.kind === 'combine' && last.message).toMatch(/SCP level 1/);
  });

  it('an allow walks every step to the decision', () => {
    const d = evaluate(request, { identity: [allow] }, { trace: true });
    expect(combines(d)).toEqual(['explicit-deny:pass', 'rcp:not-applicable', 'scp:not-applicable', 'resource:not-applicable', 'identity:allow', 'boundary:not-applicable', 'session:not-applicable', 'decision:allow']);
  });

  it('tracing off: no trace work at all, the shared empty trace', () => {
    const a = evaluate(request, { identity: [allow] });
    const b = evaluate(request, { identity: [allow] });
    expect(a.trace).toHaveLength(0);
    expect(a.trace).toBe(b.trace);
    expect(Object.isFrozen(a.trace)).toBe(true);
  });
});
