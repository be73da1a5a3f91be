/** DeleteResourcePolicy (iamsim): removes the resource-based policy of a resource (DeleteBucketPolicy and the like). */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { anyArn } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteResourcePolicy. The resource and its tags stay. */
export const deleteResourcePolicy = defineOperation({
  name: 'DeleteResourcePolicy',
  description: 'Removes the resource-based policy of a resource.',
  api: 'resource',
  input: obj({ ResourceArn: anyArn }),
  validate: (account, input) =>
    Object.hasOwn(account.resources, input.ResourceArn) && account.resources[input.ResourceArn]!.policy !== null ? null : noSuchEntity('resource policy', input.ResourceArn, '/ResourceArn'),
  recipe: (input) => (draft) => {
    draft.resources[input.ResourceArn]!.policy = null;
  },
});
