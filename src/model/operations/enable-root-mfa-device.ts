/** EnableRootMFADevice (iamsim): associates an MFA device with the root user (practice 4 wants a hardware one). */
import { alreadyExists, limitExceeded } from '../errors.js';
import { mfaAdded, mfaHolder } from './common/mfa-index.js';
import { defineOperation } from './common/define-operation.js';
import { mfaKind, serialNumber } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';
import { MAX_MFA_DEVICES } from './enable-mfa-device.js';

/** EnableRootMFADevice. */
export const enableRootMfaDevice = defineOperation({
  name: 'EnableRootMFADevice',
  description: 'Enables an MFA device for the root user (iamsim name for EnableMFADevice called as root).',
  api: 'iamsim',
  input: obj({ SerialNumber: serialNumber }, { Kind: oneOf(['virtual', 'hardware'] as const, 'default: virtual when the serial is an ARN') }),
  validate(account, input) {
    if (mfaHolder(account, input.SerialNumber) !== undefined) return alreadyExists('MFA device', input.SerialNumber, '/SerialNumber');
    if (account.root.mfa.length >= MAX_MFA_DEVICES) return limitExceeded('MFA devices per user', MAX_MFA_DEVICES, '/SerialNumber');
    return null;
  },
  recipe: (input, now) => (draft) => {
    draft.root.mfa.push({ serial: input.SerialNumber, kind: mfaKind(input.SerialNumber, input.Kind), enabled: now });
    mfaAdded(draft, input.SerialNumber);
  },
});
