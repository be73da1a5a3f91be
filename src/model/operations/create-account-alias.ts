/** CreateAccountAlias: names the account (one alias per account; creating another replaces it, as in IAM). */
import { defineOperation } from './common/define-operation.js';
import { obj, str } from './common/schema.js';

/** CreateAccountAlias. */
export const createAccountAlias = defineOperation({
  name: 'CreateAccountAlias',
  description: 'Sets the account alias.',
  api: 'iam',
  input: obj({ AccountAlias: str({ minLength: 3, maxLength: 63, pattern: '^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$' }) }),
  validate: () => null,
  recipe: (input) => (draft) => {
    draft.alias = input.AccountAlias;
  },
});
