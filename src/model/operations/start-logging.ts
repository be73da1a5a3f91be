/** StartLogging: Starts recording API calls to a trail. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj } from './common/schema.js';
import { trailName } from './create-trail.js';

/** StartLogging. */
export const startLogging = defineOperation({
  name: 'StartLogging',
  description: 'Starts logging for a CloudTrail trail.',
  api: 'cloudtrail',
  input: obj({ Name: trailName }),
  validate: (account, input) => (Object.hasOwn(account.trails, input.Name) ? null : noSuchEntity('trail', input.Name, '/Name')),
  recipe: (input) => (draft) => {
    draft.trails[input.Name]!.isLogging = true;
  },
});
