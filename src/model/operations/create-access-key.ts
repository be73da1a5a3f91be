/** CreateAccessKey: a new long-term access key for a user (at most 2 per user). */
import { alreadyExists, limitExceeded, noSuchEntity } from '../errors.js';
import { nextId } from '../ids.js';
import { userByName } from '../lookup.js';
import { keyAdded, keyHolder, trackKeys } from './common/key-index.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId, userName } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';

/** The most access keys a user (or root) may have. */
export const MAX_ACCESS_KEYS = 2;

/**
 * CreateAccessKey. `AccessKeyId` is an iamsim extension so scenarios can name the key they refer to later;
 * without it the id is derived from `account.seq`. `Status` (default Active) is also an extension.
 */
export const createAccessKey = defineOperation({
  name: 'CreateAccessKey',
  description: 'Creates an access key for a user.',
  api: 'iam',
  input: obj({ UserName: userName }, { AccessKeyId: accessKeyId, Status: oneOf(['Active', 'Inactive'] as const) }),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.accessKeys.length >= MAX_ACCESS_KEYS) return limitExceeded('AccessKeysPerUser', MAX_ACCESS_KEYS, '/UserName');
    trackKeys(account);
    if (input.AccessKeyId !== undefined && keyHolder(account, input.AccessKeyId) !== undefined) return alreadyExists('Access key', input.AccessKeyId, '/AccessKeyId');
    return null;
  },
  recipe: (input, now) => (draft) => {
    const id = input.AccessKeyId ?? nextId(draft, 'accessKey');
    draft.users[input.UserName]!.accessKeys.push({ id, status: input.Status ?? 'Active', created: now });
    keyAdded(draft, id, input.UserName);
  },
});
