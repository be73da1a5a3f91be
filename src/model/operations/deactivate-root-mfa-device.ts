/** DeactivateRootMFADevice (iamsim): removes an MFA device from the root user. */
import { noSuchEntity } from '../errors.js';
import { mfaRemoved } from './common/mfa-index.js';
import { defineOperation } from './common/define-operation.js';
import { serialNumber } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeactivateRootMFADevice. */
export const deactivateRootMfaDevice = defineOperation({
  name: 'DeactivateRootMFADevice',
  description: 'Deactivates a root MFA device (iamsim name for DeactivateMFADevice called as root).',
  api: 'iamsim',
  input: obj({ SerialNumber: serialNumber }),
  validate: (account, input) => (account.root.mfa.some((d) => d.serial === input.SerialNumber) ? null : noSuchEntity('MFA device', input.SerialNumber, '/SerialNumber')),
  recipe: (input) => (draft) => {
    const mfa = draft.root.mfa;
    mfa.splice(mfa.findIndex((d) => d.serial === input.SerialNumber), 1);
    mfaRemoved(draft, input.SerialNumber);
  },
});
