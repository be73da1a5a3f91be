/** DeleteRootAccessKey (iamsim): deletes a root access key. */
import { noSuchEntity } from '../errors.js';
import { keyRemoved } from './common/key-index.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteRootAccessKey. */
export const deleteRootAccessKey = defineOperation({
  name: 'DeleteRootAccessKey',
  description: 'Deletes a root access key (iamsim name for DeleteAccessKey called as root).',
  api: 'iamsim',
  input: obj({ AccessKeyId: accessKeyId }),
  validate: (account, input) => (account.root.accessKeys.some((k) => k.id === input.AccessKeyId) ? null : noSuchEntity('root access key', input.AccessKeyId, '/AccessKeyId')),
  recipe: (input) => (draft) => {
    const keys = draft.root.accessKeys;
    keys.splice(keys.findIndex((k) => k.id === input.AccessKeyId), 1);
    keyRemoved(draft, input.AccessKeyId);
  },
});
