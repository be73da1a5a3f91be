/** RemoveRoleFromInstanceProfile: takes the role out of an instance profile. */
import { noSuchEntity } from '../errors.js';
import { instanceProfileByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { profileName, roleName } from './common/fields.js';
import { obj } from './common/schema.js';

/** RemoveRoleFromInstanceProfile. */
export const removeRoleFromInstanceProfile = defineOperation({
  name: 'RemoveRoleFromInstanceProfile',
  description: 'Removes a role from an instance profile.',
  api: 'iam',
  input: obj({ InstanceProfileName: profileName, RoleName: roleName }),
  validate(account, input) {
    const p = instanceProfileByName(account, input.InstanceProfileName);
    if (p === undefined) return noSuchEntity('instance profile', input.InstanceProfileName, '/InstanceProfileName');
    if (!p.roles.includes(input.RoleName)) return noSuchEntity(`role in instance profile ${input.InstanceProfileName}`, input.RoleName, '/RoleName');
    return null;
  },
  recipe: (input) => (draft) => {
    const roles = draft.instanceProfiles[input.InstanceProfileName]!.roles;
    roles.splice(roles.indexOf(input.RoleName), 1);
  },
});
