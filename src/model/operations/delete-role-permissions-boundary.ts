/** DeleteRolePermissionsBoundary: removes a role's permissions boundary. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { roleName } from './common/fields.js';
import { editableRole, isRoleError } from './common/roles.js';
import { obj } from './common/schema.js';

/** DeleteRolePermissionsBoundary. NoSuchEntity when the role has no boundary. */
export const deleteRolePermissionsBoundary = defineOperation({
  name: 'DeleteRolePermissionsBoundary',
  description: "Removes a role's permissions boundary.",
  api: 'iam',
  input: obj({ RoleName: roleName }),
  validate(account, input) {
    const r = editableRole(account, input.RoleName);
    if (isRoleError(r)) return r;
    if (r.boundary === null) return noSuchEntity('permissions boundary of role', input.RoleName, '/RoleName');
    return null;
  },
  recipe: (input) => (draft) => {
    draft.roles[input.RoleName]!.boundary = null;
  },
});
