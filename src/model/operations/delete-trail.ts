/** DeleteTrail: removes a trail. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj } from './common/schema.js';
import { trailName } from './create-trail.js';

/** DeleteTrail. */
export const deleteTrail = defineOperation({
  name: 'DeleteTrail',
  description: 'Deletes a CloudTrail trail.',
  api: 'cloudtrail',
  input: obj({ Name: trailName }),
  validate: (account, input) => (Object.hasOwn(account.trails, input.Name) ? null : noSuchEntity('trail', input.Name, '/Name')),
  recipe: (input) => (draft) => {
    delete draft.trails[input.Name];
  },
});
