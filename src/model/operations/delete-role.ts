/** DeleteRole: deletes a role with no policies that is in no instance profile. */
import { deleteConflict } from '../errors.js';
import { nameRemoved } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { roleName } from './common/fields.js';
import { editableRole, isRoleError } from './common/roles.js';
import { obj } from './common/schema.js';

/** DeleteRole. Service-linked roles give UnmodifiableEntity (the service deletes them). */
export const deleteRole = defineOperation({
  name: 'DeleteRole',
  description: 'Deletes a role that has no policies and is in no instance profile.',
  api: 'iam',
  input: obj({ RoleName: roleName }),
  validate(account, input) {
    const r = editableRole(account, input.RoleName);
    if (isRoleError(r)) return r;
    const still: string[] = [];
    if (r.attachedPolicies.length > 0) still.push(`${r.attachedPolicies.length} attached policy(ies)`);
    if (Object.keys(r.inlinePolicies).length > 0) still.push(`${Object.keys(r.inlinePolicies).length} inline policy(ies)`);
    const profiles = Object.values(account.instanceProfiles).filter((p) => p.roles.includes(input.RoleName));
    if (profiles.length > 0) still.push(`instance profile(s) ${profiles.map((p) => p.name).join(', ')}`);
    if (still.length > 0) {
      return deleteConflict(`Cannot delete entity, must remove ${still.join(', ')} first.`, 'call DetachRolePolicy, DeleteRolePolicy and RemoveRoleFromInstanceProfile first');
    }
    return null;
  },
  recipe: (input) => (draft) => {
    delete draft.roles[input.RoleName];
    nameRemoved(draft, 'roles', input.RoleName);
  },
});
