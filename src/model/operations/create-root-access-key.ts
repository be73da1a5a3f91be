/** CreateRootAccessKey (iamsim): an access key for the root user, the thing practice 4 says never to have. */
import { alreadyExists, limitExceeded } from '../errors.js';
import { nextId } from '../ids.js';
import { keyAdded, keyHolder, trackKeys } from './common/key-index.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';
import { MAX_ACCESS_KEYS } from './create-access-key.js';

/** CreateRootAccessKey. In AWS this is CreateAccessKey called by root with no UserName. */
export const createRootAccessKey = defineOperation({
  name: 'CreateRootAccessKey',
  description: 'Creates an access key for the root user (iamsim name for CreateAccessKey called as root).',
  api: 'iamsim',
  input: obj({}, { AccessKeyId: accessKeyId, Status: oneOf(['Active', 'Inactive'] as const) }),
  validate(account, input) {
    if (account.root.accessKeys.length >= MAX_ACCESS_KEYS) return limitExceeded('AccessKeysPerUser', MAX_ACCESS_KEYS);
    trackKeys(account);
    if (input.AccessKeyId !== undefined && keyHolder(account, input.AccessKeyId) !== undefined) return alreadyExists('Access key', input.AccessKeyId, '/AccessKeyId');
    return null;
  },
  recipe: (input, now) => (draft) => {
    const id = input.AccessKeyId ?? nextId(draft, 'accessKey');
    draft.root.accessKeys.push({ id, status: input.Status ?? 'Active', created: now });
    keyAdded(draft, id);
  },
});
