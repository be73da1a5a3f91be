/**
 * How AWS names each policy type in its AccessDenied messages ("with an explicit deny in a service control policy",
 * "because no permissions boundary allows the … action") [IAM troubleshoot_access-denied.html]. A role's trust
 * policy is a resource-based policy.
 */
import type { PolicyKind } from '../evaluator/types.js';

/** `a permissions boundary`: the policy type after "an explicit deny in". */
export const POLICY_TYPE_TEXT: Readonly<Record<PolicyKind, string>> = {
  identity: 'an identity-based policy',
  resource: 'a resource-based policy',
  trust: 'a resource-based policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
};

/** `no permissions boundary`: the policy type before "allows the … action". */
export const NO_ALLOW_TEXT: Readonly<Record<PolicyKind, string>> = {
  identity: 'no identity-based policy',
  resource: 'no resource-based policy',
  trust: 'no resource-based policy',
  boundary: 'no permissions boundary',
  session: 'no session policy',
  scp: 'no service control policy',
  rcp: 'no resource control policy',
};
