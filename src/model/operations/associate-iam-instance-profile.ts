/** AssociateIamInstanceProfile: gives a running instance an instance profile (it must have none yet, as in EC2). */
import { invalidInput, noSuchEntity } from '../errors.js';
import { instanceProfileByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { profileName } from './common/fields.js';
import { bool, obj, str } from './common/schema.js';

/** AssociateIamInstanceProfile. `Replace: true` acts as ReplaceIamInstanceProfileAssociation. */
export const associateIamInstanceProfile = defineOperation({
  name: 'AssociateIamInstanceProfile',
  description: 'Associates an instance profile with an EC2 instance.',
  api: 'ec2',
  input: obj({ InstanceId: str({ pattern: '^i-[0-9a-f]{8,17}$' }), IamInstanceProfile: profileName }, { Replace: bool('replace an existing association') }),
  validate(account, input) {
    const i = Object.hasOwn(account.instances, input.InstanceId) ? account.instances[input.InstanceId] : undefined;
    if (i === undefined) return noSuchEntity('instance', input.InstanceId, '/InstanceId');
    if (instanceProfileByName(account, input.IamInstanceProfile) === undefined) return noSuchEntity('instance profile', input.IamInstanceProfile, '/IamInstanceProfile');
    if (i.instanceProfile !== null && input.Replace !== true) {
      return invalidInput(`Instance ${input.InstanceId} already has instance profile ${i.instanceProfile}.`, '/InstanceId', 'pass Replace: true to replace the association');
    }
    return null;
  },
  recipe: (input) => (draft) => {
    draft.instances[input.InstanceId]!.instanceProfile = input.IamInstanceProfile;
  },
});
