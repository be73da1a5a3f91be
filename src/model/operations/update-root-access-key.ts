/** UpdateRootAccessKey (iamsim): activates or deactivates a root access key. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId } from './common/fields.js';
import { obj, oneOf } from './common/schema.js';

/** UpdateRootAccessKey. */
export const updateRootAccessKey = defineOperation({
  name: 'UpdateRootAccessKey',
  description: 'Activates or deactivates a root access key (iamsim name for UpdateAccessKey called as root).',
  api: 'iamsim',
  input: obj({ AccessKeyId: accessKeyId, Status: oneOf(['Active', 'Inactive'] as const) }),
  validate: (account, input) => (account.root.accessKeys.some((k) => k.id === input.AccessKeyId) ? null : noSuchEntity('root access key', input.AccessKeyId, '/AccessKeyId')),
  recipe: (input) => (draft) => {
    draft.root.accessKeys.find((k) => k.id === input.AccessKeyId)!.status = input.Status;
  },
});
