/** PutUserPermissionsBoundary: sets a managed policy as a user's permissions boundary. */
import { iamError, noSuchEntity } from '../errors.js';
import { managedPolicy, userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { policyArn, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** PutUserPermissionsBoundary. */
export const putUserPermissionsBoundary = defineOperation({
  name: 'PutUserPermissionsBoundary',
  description: "Sets or replaces a user's permissions boundary.",
  api: 'iam',
  input: obj({ UserName: userName, PermissionsBoundary: policyArn }),
  validate(account, input) {
    if (userByName(account, input.UserName) === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (managedPolicy(account, input.PermissionsBoundary) === undefined) {
      return iamError('NoSuchEntity', `Policy ${input.PermissionsBoundary} does not exist or is not attachable.`, { path: '/PermissionsBoundary' });
    }
    return null;
  },
  recipe: (input) => (draft) => {
    draft.users[input.UserName]!.boundary = input.PermissionsBoundary;
  },
});
