/** CreateInstanceProfile: an empty instance profile (a container for one role). */
import { alreadyExists } from '../errors.js';
import { nextId } from '../ids.js';
import { instanceProfileByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { iamPath, profileName } from './common/fields.js';
import { obj } from './common/schema.js';

/** CreateInstanceProfile. */
export const createInstanceProfile = defineOperation({
  name: 'CreateInstanceProfile',
  description: 'Creates an instance profile.',
  api: 'iam',
  input: obj({ InstanceProfileName: profileName }, { Path: iamPath }),
  validate: (account, input) =>
    instanceProfileByName(account, input.InstanceProfileName) !== undefined ? alreadyExists('Instance Profile', input.InstanceProfileName, '/InstanceProfileName') : null,
  recipe: (input, now) => (draft) => {
    const path = input.Path ?? '/';
    draft.instanceProfiles[input.InstanceProfileName] = {
      name: input.InstanceProfileName,
      arn: `arn:${draft.partition}:iam::${draft.id}:instance-profile${path}${input.InstanceProfileName}`,
      id: nextId(draft, 'instanceProfile'),
      created: now,
      roles: [],
    };
  },
});
