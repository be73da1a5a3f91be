import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompileOptions } from '../../src/evaluator/parse-policy.js';
import type { CompiledPolicy, PolicyKind, PolicyProblem } from '../../src/evaluator/types.js';

// Source: sheet §6.1 (grammar and IAM's texts via moto), §2.3 (Principal / NotPrincipal).
const V = '2012-10-17';

function problems(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}): readonly PolicyProblem[] {
  const r = compilePolicy(doc, { id: 'p', kind, ...extra });
  return r.ok ? r.value.warnings : r.error;
}
function compiled(doc: unknown, kind: PolicyKind = 'identity'): CompiledPolicy {
  const r = compilePolicy(doc, { id: 'p', kind });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const stmts = (statement: unknown) => ({ Version: V, Statement: statement });

describe('compilePolicy: exact problems a user sees', () => {
  it('quotes the JSON parser\'s own message for text that is not JSON', () => {
    const text = '{"Version": ';
    let detail = '';
    try {
      JSON.parse(text);
    } catch (e) {
      detail = (e as Error).message;
    }
    expect(detail).not.toBe('');
    expect(problems(text)).toEqual([
      { code: 'invalid-json', severity: 'error', message: `Syntax errors in policy. The document is not valid JSON: ${detail}`, path: '', hint: 'Check the JSON syntax (quotes, commas, brackets).' },
    ]);
  });

  it('shows a Version that is not a string as JSON', () => {
    const p = problems({ Version: ['2012-10-17'], Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } });
    expect(p).toEqual([
      {
        code: 'version-invalid',
        severity: 'error',
        message: 'Syntax errors in policy. Version "["2012-10-17"]" is not a policy language version.',
        path: '/Version',
        hint: 'Use "Version": "2012-10-17" (the only other value is the obsolete "2008-10-17").',
      },
    ]);
    expect(problems({ Version: { v: 1 }, Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } })[0]?.message).toBe(
      'Syntax errors in policy. Version "{"v":1}" is not a policy language version.',
    );
  });

  it('reports only version-invalid, not also version-required-2012, for a bad Version where 2012-10-17 is required', () => {
    const doc = { Version: '2012-10-18', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    expect(problems(doc, 'identity', { requireVersion2012: true }).map((p) => `${p.code} ${p.path}`)).toEqual(['version-invalid /Version']);
    expect(problems({ ...doc, Version: '2008-10-17' }, 'identity', { requireVersion2012: true }).map((p) => `${p.code} ${p.path}`)).toEqual(['version-required-2012 /Version']);
  });

  it('still asks for Version 2012-10-17 where it is required and absent, next to other problems', () => {
    const doc = { Foo: 1, Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    expect(problems(doc, 'identity', { requireVersion2012: true }).map((p) => `${p.code} ${p.path}`)).toEqual(['unknown-element /Foo', 'version-required-2012 ']);
  });

  it('names Principal and NotPrincipal when a statement has both', () => {
    const p = problems(stmts({ Effect: 'Deny', Principal: '*', NotPrincipal: '*', Action: 's3:GetObject', Resource: '*' }), 'resource');
    expect(p).toEqual([
      { code: 'both-elements', severity: 'error', message: 'Syntax errors in policy. A statement cannot have both Principal and NotPrincipal.', path: '/Statement', hint: 'Keep one of Principal and NotPrincipal.' },
    ]);
  });

  it('names the element in a string principal that is not "*"', () => {
    const arn = 'arn:aws:iam::111111111111:root';
    const principal = problems(stmts({ Effect: 'Allow', Principal: arn, Action: 's3:GetObject', Resource: '*' }), 'resource');
    expect(principal.map((p) => [p.path, p.message])).toEqual([['/Statement/Principal', `Invalid principal in policy: "Principal":"${arn}"`]]);
    const notPrincipal = problems(stmts({ Effect: 'Deny', NotPrincipal: arn, Action: 's3:GetObject', Resource: '*' }), 'resource');
    expect(notPrincipal.map((p) => [p.path, p.message])).toEqual([['/Statement/NotPrincipal', `Invalid principal in policy: "NotPrincipal":"${arn}"`]]);
  });

  it('reports a non-string Action or Resource entry once, not also as a missing element', () => {
    expect(problems(stmts({ Effect: 'Allow', Action: [5], Resource: '*' })).map((p) => `${p.code} ${p.path}`)).toEqual(['not-a-string /Statement/Action/0']);
    expect(problems(stmts({ Effect: 'Allow', Action: 's3:GetObject', Resource: [true] })).map((p) => `${p.code} ${p.path}`)).toEqual(['not-a-string /Statement/Resource/0']);
  });

  it('reports a statement without Action as exactly that, and goes on to the next statement', () => {
    const p = problems(stmts([{ Effect: 'Allow', Resource: '*' }, { Effect: 'Allow', Action: 's3', Resource: '*' }]));
    expect(p.map((x) => `${x.code} ${x.path}`)).toEqual(['action-missing /Statement/0', 'action-no-vendor /Statement/1/Action']);
  });
});

describe('compilePolicy: the compiled form', () => {
  it('gives a statement without Sid a ref without a sid key', () => {
    const p = compiled(stmts([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: 'S', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]));
    expect(p.statements[0]!.ref).toStrictEqual({ policyId: 'p', policyKind: 'identity', index: 0 });
    expect(Object.keys(p.statements[0]!.ref)).toEqual(['policyId', 'policyKind', 'index']);
    expect(p.statements[1]!.ref).toStrictEqual({ policyId: 'p', policyKind: 'identity', sid: 'S', index: 1 });
  });

  it('indexes statements under exactly the services their actions name', () => {
    const p = compiled(
      stmts([
        { Effect: 'Allow', Action: ['s3:GetObject', 'ec2:*'], Resource: '*' },
        { Effect: 'Allow', Action: 'iam:Get*', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ]),
    );
    expect([...p.index!.byService.keys()].sort()).toEqual(['ec2', 's3', 'iam'].sort());
    expect(p.index!.other.map((s) => s.ref.index)).toEqual([2]);
  });

  it('a role trust policy compiles to statements without resources', () => {
    const p = compiled(stmts({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), 'trust');
    expect(p.statements[0]).toMatchObject({ notResource: false, resources: null });
  });
});
