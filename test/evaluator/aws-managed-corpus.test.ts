import { describe, expect, it } from 'vitest';
import { awsManagedPolicies } from '../../src/model/aws-managed.js';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';

// Source: every AWS managed policy (data/aws-managed-policies.json.gz): IAM accepted all of them, so must we.
describe('compilePolicy on the AWS managed policy catalog', () => {
  it('accepts every AWS managed policy as a managed identity policy (Version 2012-10-17 required, no size limit)', () => {
    const policies = awsManagedPolicies();
    expect(policies.length).toBeGreaterThan(1000);
    const rejected: string[] = [];
    for (const p of policies) {
      const r = compilePolicy(p.document, { id: p.arn, kind: 'identity', requireVersion2012: true, sizeLimit: null });
      if (!r.ok) rejected.push(`${p.name}: ${r.error.filter((e) => e.severity === 'error').map((e) => `${e.path} ${e.message}`).join('; ')}`);
    }
    expect(rejected).toEqual([]);
  });
});
