/** Small builders shared by the decision tests: a compiled policy, a request for s3:GetObject, a resource statement. */
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import type { AuthzRequest, CompiledPolicy, PolicyKind, RequestPrincipal } from '../../src/evaluator/types.js';
import { A } from './principals.js';

/** A resource-policy statement on bucket/* for `principal`. */
export const rp = (principal: unknown, effect = 'Allow'): Record<string, unknown> => ({ Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });

/** A compiled policy of `kind` named `id`; throws on a problem (fixtures are valid). */
export function pol(kind: PolicyKind, id: string, ...statements: unknown[]): CompiledPolicy {
  const r = compilePolicy({ Version: '2012-10-17', Statement: statements }, { id, kind });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** s3:GetObject on bucket/key in account A by `principal`. */
export function req(principal: RequestPrincipal, extra: Partial<AuthzRequest> = {}): AuthzRequest {
  return { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', resourceAccount: A, context: {}, ...extra };
}
