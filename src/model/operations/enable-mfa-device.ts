/** EnableMFADevice: associates a virtual or hardware MFA device with a user. */
import { alreadyExists, limitExceeded, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { mfaAdded, mfaHolder } from './common/mfa-index.js';
import { defineOperation } from './common/define-operation.js';
import { mfaKind, serialNumber, userName } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';

/** IAM allows up to 8 MFA devices per user (and per root). */
export const MAX_MFA_DEVICES = 8;

/** EnableMFADevice. A serial in use by anyone in the account (users or root) gives EntityAlreadyExists, as in IAM. */
export const enableMfaDevice = defineOperation({
  name: 'EnableMFADevice',
  description: 'Enables an MFA device for a user.',
  api: 'iam',
  input: obj({ UserName: userName, SerialNumber: serialNumber }, { Kind: oneOf(['virtual', 'hardware'] as const, 'default: virtual when the serial is an ARN') }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (mfaHolder(account, input.SerialNumber) !== undefined) return alreadyExists('MFA device', input.SerialNumber, '/SerialNumber');
    if (u.mfa.length >= MAX_MFA_DEVICES) return limitExceeded('MFA devices per user', MAX_MFA_DEVICES, '/SerialNumber');
    return null;
  },
  recipe: (input, now) => (draft) => {
    draft.users[input.UserName]!.mfa.push({ serial: input.SerialNumber, kind: mfaKind(input.SerialNumber, input.Kind), enabled: now });
    mfaAdded(draft, input.SerialNumber, input.UserName);
  },
});
