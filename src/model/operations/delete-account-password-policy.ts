/** DeleteAccountPasswordPolicy: removes the password policy (IAM's defaults then apply to new passwords). */
import { iamError } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj } from './common/schema.js';

/** DeleteAccountPasswordPolicy. NoSuchEntity when there is none, as in IAM. */
export const deleteAccountPasswordPolicy = defineOperation({
  name: 'DeleteAccountPasswordPolicy',
  description: 'Deletes the account password policy.',
  api: 'iam',
  input: obj({}),
  validate: (account) => (account.passwordPolicy === null ? iamError('NoSuchEntity', 'The account password policy cannot be found.') : null),
  recipe: () => (draft) => {
    draft.passwordPolicy = null;
  },
});
