/** RegisterPerson (iamsim): a human in the simulation's ground truth (practice 3); checks never read people. */
import { alreadyExists } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { arr, obj, str } from './common/schema.js';

/** RegisterPerson. */
export const registerPerson = defineOperation({
  name: 'RegisterPerson',
  description: 'Adds a person to the ground truth (who holds which credentials).',
  api: 'iamsim',
  input: obj({ PersonId: str({ minLength: 1, maxLength: 128 }) }, { Name: str({ minLength: 1, maxLength: 256 }), Ips: arr(str({ minLength: 2, maxLength: 64 }), { maxItems: 32 }) }),
  validate: (account, input) => (Object.hasOwn(account.people, input.PersonId) ? alreadyExists('Person', input.PersonId, '/PersonId') : null),
  recipe: (input) => (draft) => {
    draft.people[input.PersonId] = {
      id: input.PersonId,
      name: input.Name ?? input.PersonId,
      credentials: [],
      ...(input.Ips !== undefined ? { ips: [...input.Ips] } : {}),
    };
  },
});
