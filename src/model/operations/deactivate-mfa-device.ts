/** DeactivateMFADevice: removes an MFA device from a user. */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { mfaRemoved } from './common/mfa-index.js';
import { defineOperation } from './common/define-operation.js';
import { serialNumber, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeactivateMFADevice. */
export const deactivateMfaDevice = defineOperation({
  name: 'DeactivateMFADevice',
  description: 'Deactivates (removes) a user MFA device.',
  api: 'iam',
  input: obj({ UserName: userName, SerialNumber: serialNumber }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (!u.mfa.some((d) => d.serial === input.SerialNumber)) return noSuchEntity('MFA device', input.SerialNumber, '/SerialNumber');
    return null;
  },
  recipe: (input) => (draft) => {
    const mfa = draft.users[input.UserName]!.mfa;
    mfa.splice(mfa.findIndex((d) => d.serial === input.SerialNumber), 1);
    mfaRemoved(draft, input.SerialNumber);
  },
});
