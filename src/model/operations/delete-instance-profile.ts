/** DeleteInstanceProfile: deletes an instance profile that holds no role and no instance uses. */
import { deleteConflict, noSuchEntity } from '../errors.js';
import { instanceProfileByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { profileName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteInstanceProfile. */
export const deleteInstanceProfile = defineOperation({
  name: 'DeleteInstanceProfile',
  description: 'Deletes an instance profile.',
  api: 'iam',
  input: obj({ InstanceProfileName: profileName }),
  validate(account, input) {
    const p = instanceProfileByName(account, input.InstanceProfileName);
    if (p === undefined) return noSuchEntity('instance profile', input.InstanceProfileName, '/InstanceProfileName');
    if (p.roles.length > 0) return deleteConflict('Cannot delete entity, must remove roles from instance profile first.', 'call RemoveRoleFromInstanceProfile first');
    const used = Object.values(account.instances).filter((i) => i.instanceProfile === input.InstanceProfileName);
    if (used.length > 0) return deleteConflict(`Instance profile is associated with instance(s) ${used.map((i) => i.id).join(', ')}.`);
    return null;
  },
  recipe: (input) => (draft) => {
    delete draft.instanceProfiles[input.InstanceProfileName];
  },
});
