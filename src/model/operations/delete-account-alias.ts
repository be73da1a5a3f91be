/** DeleteAccountAlias: removes the account alias. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj, str } from './common/schema.js';

/** DeleteAccountAlias. NoSuchEntity when the alias is not the account's. */
export const deleteAccountAlias = defineOperation({
  name: 'DeleteAccountAlias',
  description: 'Deletes the account alias.',
  api: 'iam',
  input: obj({ AccountAlias: str({ minLength: 3, maxLength: 63 }) }),
  validate: (account, input) => (account.alias === input.AccountAlias ? null : noSuchEntity('account alias', input.AccountAlias, '/AccountAlias')),
  recipe: () => (draft) => {
    draft.alias = null;
  },
});
