/** DeleteUserPermissionsBoundary: removes a user's permissions boundary. */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteUserPermissionsBoundary. NoSuchEntity when the user has no boundary. */
export const deleteUserPermissionsBoundary = defineOperation({
  name: 'DeleteUserPermissionsBoundary',
  description: "Removes a user's permissions boundary.",
  api: 'iam',
  input: obj({ UserName: userName }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.boundary === null) return noSuchEntity('permissions boundary of user', input.UserName, '/UserName');
    return null;
  },
  recipe: (input) => (draft) => {
    draft.users[input.UserName]!.boundary = null;
  },
});
