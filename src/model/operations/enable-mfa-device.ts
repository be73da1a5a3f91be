/** EnableMFADevice: associates a virtual or hardware MFA device with a user. */
import { alreadyExists, limitExceeded, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { mfaKind, serialNumber, userName } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';

/** IAM allows up to 8 MFA devices per user (and per root). */
export const MAX_MFA_DEVICES = 8;

/**
 * EnableMFADevice. Serial uniqueness is checked against this user and root only (a scan of every user would make
 * bulk account building quadratic); IAM itself rejects a serial in use anywhere in the account.
 */
export const enableMfaDevice = defineOperation({
  name: 'EnableMFADevice',
  description: 'Enables an MFA device for a user.',
  api: 'iam',
  input: obj({ UserName: userName, SerialNumber: serialNumber }, { Kind: oneOf(['virtual', 'hardware'] as const, 'default: virtual when the serial is an ARN') }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.mfa.some((d) => d.serial === input.SerialNumber) || account.root.mfa.some((d) => d.serial === input.SerialNumber)) {
      return alreadyExists('MFA device', input.SerialNumber, '/SerialNumber');
    }
    if (u.mfa.length >= MAX_MFA_DEVICES) return limitExceeded('MFA devices per user', MAX_MFA_DEVICES, '/SerialNumber');
    return null;
  },
  recipe: (input, now) => (draft) => {
    draft.users[input.UserName]!.mfa.push({ serial: input.SerialNumber, kind: mfaKind(input.SerialNumber, input.Kind), enabled: now });
  },
});
