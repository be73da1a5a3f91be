/** Which policies apply to a principal, and where each came from (attached directly, through group X, boundary, SCP level). */
import { principalPolicies, type GatheredPolicy, type PolicySubject } from '../policies-for.js';
import type { Account } from '../types.js';
import { findPrincipal, type QueryPrincipal } from './find-principal.js';

/** The answer of policiesFor(). */
export interface PoliciesForAnswer {
  readonly principal: QueryPrincipal;
  /** Identity policies in evaluation order: the entity's inline, its attached, then per group inline and attached. */
  readonly identity: readonly GatheredPolicy[];
  readonly boundary: GatheredPolicy | null;
  /** SCP levels root first; null when SCPs do not apply (no organization, management account, service-linked role). */
  readonly scp: readonly (readonly GatheredPolicy[])[] | null;
  /** Every policy above, flattened in that order. */
  readonly all: readonly GatheredPolicy[];
  /** Referenced managed policies, groups or org policies that do not exist. */
  readonly missing: readonly string[];
}

/** The subject policy gathering works on for a query principal (root is the root caller, without MFA). */
export function subjectOf(p: QueryPrincipal): PolicySubject {
  switch (p.kind) {
    case 'user':
      return { kind: 'user', user: p.user, via: 'access-key', accessKeyId: null, mfa: false, signedInAt: p.user.created };
    case 'role':
      return { kind: 'role', role: p.role };
    case 'root':
      return { kind: 'root', via: 'console', accessKeyId: null, mfa: false, signedInAt: '1970-01-01T00:00:00Z' };
    default: {
      const never: never = p;
      throw new Error(`unknown principal ${JSON.stringify(never)}`);
    }
  }
}

/** The policies that apply to a principal (ARN, `user/NAME`, `role/NAME` or `root`); undefined when it does not exist. */
export function policiesFor(account: Account, principalArn: string): PoliciesForAnswer | undefined {
  const principal = findPrincipal(account, principalArn);
  if (principal === undefined) return undefined;
  const p = principalPolicies(account, subjectOf(principal));
  const all = [...p.identity, ...(p.boundary !== null ? [p.boundary] : []), ...(p.scp ?? []).flat()];
  return { principal, identity: p.identity, boundary: p.boundary, scp: p.scp, all, missing: p.missing };
}
