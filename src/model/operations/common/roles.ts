/** Shared checks for role operations: existence, and that service-linked roles are not edited. */
import { noSuchEntity, unmodifiable, type IamError } from '../../errors.js';
import { roleByName } from '../../lookup.js';
import type { Account, Role } from '../../types.js';

/** Role trust policy size quota (IAM default). */
export const MAX_TRUST_POLICY_SIZE = 2048;

/** The role, NoSuchEntity, or UnmodifiableEntity for a service-linked role. */
export function editableRole(account: Account, name: string): Role | IamError {
  const r = roleByName(account, name);
  if (r === undefined) return noSuchEntity('role', name, '/RoleName');
  if (r.serviceLinked === true) return unmodifiable(`service-linked role ${name}`);
  return r;
}

/** Type guard separating an IamError from a role. */
export const isRoleError = (x: Role | IamError): x is IamError => !('arn' in x);
