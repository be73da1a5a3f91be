/**
 * AssignCredentialToPerson (iamsim): records that a person holds a credential (a user's console password, an access
 * key, or root). Two people holding the same credential is practice 3's violation, so it is allowed.
 */
import { iamError, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { keyHolder } from './common/key-index.js';
import type { CredentialRef } from '../types.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId, userName } from './common/fields.js';
import { anyOf, obj, oneOf, str } from './common/schema.js';

const credential = anyOf([
  obj({ kind: oneOf(['console'] as const), user: userName }),
  obj({ kind: oneOf(['access-key'] as const), accessKeyId }),
  obj({ kind: oneOf(['root'] as const) }),
] as const);

const same = (a: CredentialRef, b: CredentialRef): boolean => JSON.stringify(a) === JSON.stringify(b);

/** AssignCredentialToPerson. Assigning the same credential twice to one person changes nothing. */
export const assignCredentialToPerson = defineOperation({
  name: 'AssignCredentialToPerson',
  description: 'Records that a person holds a credential (ground truth for shared-credential detection).',
  api: 'iamsim',
  input: obj({ PersonId: str({ minLength: 1, maxLength: 128 }), Credential: credential }),
  validate(account, input) {
    if (!Object.hasOwn(account.people, input.PersonId)) return noSuchEntity('person', input.PersonId, '/PersonId');
    const c = input.Credential as CredentialRef;
    switch (c.kind) {
      case 'console':
        return userByName(account, c.user) === undefined ? noSuchEntity('user', c.user, '/Credential/user') : null;
      case 'access-key':
        return keyHolder(account, c.accessKeyId) === undefined ? iamError('NoSuchEntity', `Access key ${c.accessKeyId} cannot be found.`, { path: '/Credential/accessKeyId' }) : null;
      case 'root':
        return null;
      default: {
        const never: never = c;
        return never;
      }
    }
  },
  recipe: (input) => (draft) => {
    const creds = draft.people[input.PersonId]!.credentials;
    const c = input.Credential as CredentialRef;
    if (!creds.some((x) => same(x, c))) creds.push(c);
  },
});
