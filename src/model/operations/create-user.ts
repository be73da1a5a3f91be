/** CreateUser: a new IAM user with no credentials, policies or groups. */
import { alreadyExists, invalidInput, noSuchEntity } from '../errors.js';
import { nextId } from '../ids.js';
import { managedPolicy } from '../lookup.js';
import { nameAdded, nameTaken } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { iamPath, normalizeTags, policyArn, tagsField, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** CreateUser. Names are unique ignoring case, as in IAM. */
export const createUser = defineOperation({
  name: 'CreateUser',
  description: 'Creates an IAM user.',
  api: 'iam',
  input: obj({ UserName: userName }, { Path: iamPath, Tags: tagsField, PermissionsBoundary: policyArn }),
  validate(account, input) {
    const taken = nameTaken(account, 'users', input.UserName);
    if (taken !== undefined) return alreadyExists('User', taken, '/UserName');
    if (input.PermissionsBoundary !== undefined && managedPolicy(account, input.PermissionsBoundary) === undefined) {
      return noSuchEntity('policy', input.PermissionsBoundary, '/PermissionsBoundary');
    }
    if (Object.keys(normalizeTags(input.Tags)).length > 50) return invalidInput('A user can have at most 50 tags.', '/Tags');
    return null;
  },
  recipe: (input, now) => (draft) => {
    const path = input.Path ?? '/';
    draft.users[input.UserName] = {
      name: input.UserName,
      path,
      arn: `arn:${draft.partition}:iam::${draft.id}:user${path}${input.UserName}`,
      id: nextId(draft, 'user'),
      created: now,
      attachedPolicies: [],
      inlinePolicies: {},
      tags: normalizeTags(input.Tags),
      loginProfile: null,
      mfa: [],
      accessKeys: [],
      groups: [],
      boundary: input.PermissionsBoundary ?? null,
    };
    nameAdded(draft, 'users', input.UserName);
  },
});
