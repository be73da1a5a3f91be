/** PutRolePermissionsBoundary: sets a managed policy as a role's permissions boundary. */
import { iamError } from '../errors.js';
import { managedPolicy } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { policyArn, roleName } from './common/fields.js';
import { editableRole, isRoleError } from './common/roles.js';
import { obj } from './common/schema.js';

/** PutRolePermissionsBoundary. Service-linked roles give UnmodifiableEntity. */
export const putRolePermissionsBoundary = defineOperation({
  name: 'PutRolePermissionsBoundary',
  description: "Sets or replaces a role's permissions boundary.",
  api: 'iam',
  input: obj({ RoleName: roleName, PermissionsBoundary: policyArn }),
  validate(account, input) {
    const r = editableRole(account, input.RoleName);
    if (isRoleError(r)) return r;
    if (managedPolicy(account, input.PermissionsBoundary) === undefined) {
      return iamError('NoSuchEntity', `Policy ${input.PermissionsBoundary} does not exist or is not attachable.`, { path: '/PermissionsBoundary' });
    }
    return null;
  },
  recipe: (input) => (draft) => {
    draft.roles[input.RoleName]!.boundary = input.PermissionsBoundary;
  },
});
