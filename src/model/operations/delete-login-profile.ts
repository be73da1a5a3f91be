/** DeleteLoginProfile: removes a user's console password. */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteLoginProfile. */
export const deleteLoginProfile = defineOperation({
  name: 'DeleteLoginProfile',
  description: "Deletes a user's console password.",
  api: 'iam',
  input: obj({ UserName: userName }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.loginProfile === null) return noSuchEntity('login profile for user', input.UserName, '/UserName');
    return null;
  },
  recipe: (input) => (draft) => {
    draft.users[input.UserName]!.loginProfile = null;
  },
});
