/** Reading a draft account as an Account: immer drafts are readable like the base object (persistent collections are not drafted). */
import type { Draft } from 'immer';
import type { Account } from '../../types.js';

/** A draft seen as a readonly Account, for validators and lookups inside a batch. */
export const asAccount = (draft: Draft<Account>): Account => draft as unknown as Account;
