/** DeletePolicy: deletes a customer managed policy that is attached nowhere and has only its default version. */
import { deleteConflict } from '../errors.js';
import { policyUses } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { policyArn } from './common/fields.js';
import { editablePolicy, isIamError } from './common/managed-policies.js';
import { obj } from './common/schema.js';

/** DeletePolicy. As in the IAM API, attachments, boundary uses and non-default versions must go first. */
export const deletePolicy = defineOperation({
  name: 'DeletePolicy',
  description: 'Deletes a customer managed policy.',
  api: 'iam',
  input: obj({ PolicyArn: policyArn }),
  validate(account, input) {
    const p = editablePolicy(account, input.PolicyArn);
    if (isIamError(p)) return p;
    const u = policyUses(account, input.PolicyArn);
    const n = u.users.length + u.groups.length + u.roles.length;
    if (n > 0) return deleteConflict(`Cannot delete a policy attached to entities (${n}).`, 'detach it from every user, group and role first');
    if (u.userBoundaries.length + u.roleBoundaries.length > 0) {
      return deleteConflict('Cannot delete a policy used as a permissions boundary.', 'remove it as a boundary with DeleteUserPermissionsBoundary / DeleteRolePermissionsBoundary first');
    }
    if (p.versions.length > 1) return deleteConflict('Cannot delete a policy with non-default versions.', 'delete the other versions with DeletePolicyVersion first');
    return null;
  },
  recipe: (input) => (draft) => {
    delete draft.policies[input.PolicyArn];
  },
});
