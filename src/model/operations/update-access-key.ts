/** UpdateAccessKey: makes a user's key Active or Inactive. */
import { noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { keyHolder } from './common/key-index.js';
import { asAccount } from './common/draft.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId, userName } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';

/** UpdateAccessKey. Without UserName the key's owner is found by id (AWS uses the caller; iamsim has no caller here). */
export const updateAccessKey = defineOperation({
  name: 'UpdateAccessKey',
  description: 'Activates or deactivates a user access key.',
  api: 'iam',
  input: obj({ AccessKeyId: accessKeyId, Status: oneOf(['Active', 'Inactive'] as const) }, { UserName: userName }),
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
    const name = input.UserName ?? ownerName(asAccount(draft), input.AccessKeyId);
    const key = draft.users[name]!.accessKeys.find((k) => k.id === input.AccessKeyId)!;
    key.status = input.Status;
  },
});

function ownerName(account: Parameters<typeof keyHolder>[0], id: string): string {
  const o = keyHolder(account, id);
  if (o?.kind !== 'user') throw new Error(`access key ${id} has no user owner`);
  return o.user;
}
