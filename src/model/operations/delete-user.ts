/** DeleteUser: removes a user that no longer has credentials, policies or group memberships (IAM's DeleteConflict rule). */
import { deleteConflict, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { nameRemoved } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteUser. */
export const deleteUser = defineOperation({
  name: 'DeleteUser',
  description: 'Deletes a user that has no password, access keys, MFA devices, policies or groups.',
  api: 'iam',
  input: obj({ UserName: userName }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    const still: string[] = [];
    if (u.loginProfile !== null) still.push('a login profile');
    if (u.accessKeys.length > 0) still.push(`${u.accessKeys.length} access key(s)`);
    if (u.mfa.length > 0) still.push(`${u.mfa.length} MFA device(s)`);
    if (u.attachedPolicies.length > 0) still.push(`${u.attachedPolicies.length} attached policy(ies)`);
    if (Object.keys(u.inlinePolicies).length > 0) still.push(`${Object.keys(u.inlinePolicies).length} inline policy(ies)`);
    if (u.groups.length > 0) still.push(`${u.groups.length} group membership(s)`);
    if (still.length > 0) {
      return deleteConflict(
        `Cannot delete entity, must ${still.length === 1 ? 'remove' : 'remove all of'} ${still.join(', ')} first.`,
        'call DeleteLoginProfile, DeleteAccessKey, DeactivateMFADevice, DetachUserPolicy, DeleteUserPolicy and RemoveUserFromGroup before DeleteUser',
      );
    }
    return null;
  },
  recipe: (input) => (draft) => {
    delete draft.users[input.UserName];
    nameRemoved(draft, 'users', input.UserName);
  },
});
