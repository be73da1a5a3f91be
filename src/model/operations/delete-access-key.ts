/** DeleteAccessKey: deletes a user's key. Its last-used record stays in `usage` (history is not rewritten). */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { keyHolder, keyRemoved } from './common/key-index.js';
import { asAccount } from './common/draft.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteAccessKey. */
export const deleteAccessKey = defineOperation({
  name: 'DeleteAccessKey',
  description: 'Deletes a user access key.',
  api: 'iam',
  input: obj({ AccessKeyId: accessKeyId }, { UserName: userName }),
  validate(account, input) {
    if (input.UserName !== undefined) {
      const u = userByName(account, input.UserName);
      if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
      if (!u.accessKeys.some((k) => k.id === input.AccessKeyId)) return noSuchEntity('access key', input.AccessKeyId, '/AccessKeyId');
      return null;
    }
    return keyHolder(account, input.AccessKeyId)?.kind === 'user' ? null : noSuchEntity('access key', input.AccessKeyId, '/AccessKeyId');
  },
  recipe: (input) => (draft) => {
    const o = input.UserName ?? (keyHolder(asAccount(draft), input.AccessKeyId) as { user: string }).user;
    const keys = draft.users[o]!.accessKeys;
    keys.splice(keys.findIndex((k) => k.id === input.AccessKeyId), 1);
    keyRemoved(draft, input.AccessKeyId);
  },
});
