import { describe, expect, it } from 'vitest';
import { awsManagedPolicies } from '../../src/model/aws-managed.js';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { corpus } from '../arbitraries/runs.js';

// Source: every AWS managed policy (data/aws-managed-policies.json.gz): IAM accepted all of them, so must we.
describe('compilePolicy on the AWS managed policy catalog', () => {
  it('accepts every AWS managed policy as a managed identity policy (Version 2012-10-17 required, no size limit)', () => {
    expect(awsManagedPolicies().length).toBeGreaterThan(1000);
    const policies = corpus(awsManagedPolicies());
    const rejected: string[] = [];
    for (const p of policies) {
      const r = compilePolicy(p.document, { id: p.arn, kind: 'identity', requireVersion2012: true, sizeLimit: null });
      if (!r.ok) rejected.push(`${p.name}: ${r.error.filter((e) => e.severity === 'error').map((e) => `${e.path} ${e.message}`).join('; ')}`);
    }
    expect(rejected).toEqual([]);
  });
});

describe('evaluate on the AWS managed policy catalog', () => {
  it('reports no errors for two requests per policy, and agrees with the reference evaluator on every third policy', async () => {
    const { referenceEvaluate } = await import('../reference/evaluate.js');
    const { evaluate } = await import('../../src/evaluator/evaluate.js');
    const A = '111122223333';
    const principal = { kind: 'role-session', arn: `arn:aws:sts::${A}:assumed-role/R/s`, accountId: A, roleArn: `arn:aws:iam::${A}:role/R` } as const;
    const context = { 'aws:SourceIp': '203.0.113.9', 'aws:PrincipalAccount': A, 'aws:PrincipalArn': principal.roleArn, 'aws:RequestedRegion': 'us-east-1', 'aws:MultiFactorAuthPresent': 'true', 'aws:CurrentTime': '2026-06-01T00:00:00Z', 'aws:TagKeys': ['team'], 'aws:username': 'alice' };
    const requests = [
      { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', resourceAccount: A, context },
      { principal, action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k`, context: { ...context, 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    ];
    const mismatches: string[] = [];
    let allows = 0;
    const all = corpus(awsManagedPolicies());
    for (let i = 0; i < all.length; i++) {
      const p = all[i]!;
      const r = compilePolicy(p.document, { id: p.arn, kind: 'identity', sizeLimit: null });
      if (!r.ok) continue;
      for (const request of requests) {
        const d = evaluate(request, { identity: [r.value] });
        expect(d.errors).toEqual([]);
        if (d.effect === 'Allow') allows++;
        // The reference is slow: compare on every third policy (a fixed sample), check errors on all.
        if (i % 3 !== 0) continue;
        const ref = referenceEvaluate(request, { identity: [p.document] });
        if (ref !== d.effect) mismatches.push(`${p.name} ${request.action}: fast ${d.effect}, reference ${ref}`);
      }
    }
    expect(mismatches).toEqual([]);
    // 30 on the whole catalog; the same share of a sample.
    expect(allows).toBeGreaterThan(Math.floor((30 * all.length) / awsManagedPolicies().length));
  });
});
