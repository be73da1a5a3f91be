/** UntagRole: removes tags from a role by key. */
import { noSuchEntity } from '../errors.js';
import { roleByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { roleName, tagKeys } from './common/fields.js';
import { obj } from './common/schema.js';

/** UntagRole. */
export const untagRole = defineOperation({
  name: 'UntagRole',
  description: 'Removes tags from a role.',
  api: 'iam',
  input: obj({ RoleName: roleName, TagKeys: tagKeys }),
  validate: (account, input) => (roleByName(account, input.RoleName) === undefined ? noSuchEntity('role', input.RoleName, '/RoleName') : null),
  recipe: (input) => (draft) => {
    const tags = draft.roles[input.RoleName]!.tags;
    for (const k of input.TagKeys) delete tags[k];
  },
});
