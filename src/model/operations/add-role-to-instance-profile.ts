/** AddRoleToInstanceProfile: puts a role into an empty instance profile (a profile holds at most one role). */
import { limitExceeded, noSuchEntity } from '../errors.js';
import { instanceProfileByName, roleByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { profileName, roleName } from './common/fields.js';
import { obj } from './common/schema.js';

/** AddRoleToInstanceProfile. */
export const addRoleToInstanceProfile = defineOperation({
  name: 'AddRoleToInstanceProfile',
  description: 'Adds a role to an instance profile.',
  api: 'iam',
  input: obj({ InstanceProfileName: profileName, RoleName: roleName }),
  validate(account, input) {
    const p = instanceProfileByName(account, input.InstanceProfileName);
    if (p === undefined) return noSuchEntity('instance profile', input.InstanceProfileName, '/InstanceProfileName');
    if (roleByName(account, input.RoleName) === undefined) return noSuchEntity('role', input.RoleName, '/RoleName');
    if (p.roles.length >= 1) return limitExceeded('InstanceSessionsPerInstanceProfile', 1, '/RoleName');
    return null;
  },
  recipe: (input) => (draft) => {
    draft.instanceProfiles[input.InstanceProfileName]!.roles.push(input.RoleName);
  },
});
