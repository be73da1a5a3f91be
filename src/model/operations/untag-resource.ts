/** UntagResource (iamsim): removes tags from a resource by key. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { anyArn, tagKeys } from './common/fields.js';
import { obj } from './common/schema.js';

/** UntagResource. */
export const untagResource = defineOperation({
  name: 'UntagResource',
  description: 'Removes tags from a resource.',
  api: 'resource',
  input: obj({ ResourceArn: anyArn, TagKeys: tagKeys }),
  validate: (account, input) => (Object.hasOwn(account.resources, input.ResourceArn) ? null : noSuchEntity('resource', input.ResourceArn, '/ResourceArn')),
  recipe: (input) => (draft) => {
    const tags = draft.resources[input.ResourceArn]!.tags;
    for (const k of input.TagKeys) delete tags[k];
  },
});
