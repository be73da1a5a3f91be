/** TagUser: adds or overwrites tags on a user (at most 50). */
import { limitExceeded, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { MAX_TAGS, normalizeTags, tagsField, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** TagUser. */
export const tagUser = defineOperation({
  name: 'TagUser',
  description: 'Adds or overwrites tags on a user.',
  api: 'iam',
  input: obj({ UserName: userName, Tags: tagsField }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (Object.keys({ ...u.tags, ...normalizeTags(input.Tags) }).length > MAX_TAGS) return limitExceeded('tags per user', MAX_TAGS, '/Tags');
    return null;
  },
  recipe: (input) => (draft) => {
    Object.assign(draft.users[input.UserName]!.tags, normalizeTags(input.Tags));
  },
});
