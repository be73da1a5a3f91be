/** UntagUser: removes tags by key; keys that are absent are ignored, as in IAM. */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { tagKeys, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** UntagUser. */
export const untagUser = defineOperation({
  name: 'UntagUser',
  description: 'Removes tags from a user.',
  api: 'iam',
  input: obj({ UserName: userName, TagKeys: tagKeys }),
  validate: (account, input) => (userByName(account, input.UserName) === undefined ? noSuchEntity('user', input.UserName, '/UserName') : null),
  recipe: (input) => (draft) => {
    const tags = draft.users[input.UserName]!.tags;
    for (const k of input.TagKeys) delete tags[k];
  },
});
