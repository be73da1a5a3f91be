/** CreateGroup: a new, empty IAM group (at most 300 per account, IAM's default quota). */
import { alreadyExists, limitExceeded } from '../errors.js';
import { nextId } from '../ids.js';
import { nameAdded, nameTaken } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { groupName, iamPath } from './common/fields.js';
import { obj } from './common/schema.js';

/** IAM's default quota of groups per account. */
export const MAX_GROUPS_PER_ACCOUNT = 300;

/** CreateGroup. */
export const createGroup = defineOperation({
  name: 'CreateGroup',
  description: 'Creates an IAM group.',
  api: 'iam',
  input: obj({ GroupName: groupName }, { Path: iamPath }),
  validate(account, input) {
    const taken = nameTaken(account, 'groups', input.GroupName);
    if (taken !== undefined) return alreadyExists('Group', taken, '/GroupName');
    if (Object.keys(account.groups).length >= MAX_GROUPS_PER_ACCOUNT) return limitExceeded('GroupsPerAccount', MAX_GROUPS_PER_ACCOUNT, '/GroupName');
    return null;
  },
  recipe: (input, now) => (draft) => {
    const path = input.Path ?? '/';
    draft.groups[input.GroupName] = {
      name: input.GroupName,
      path,
      arn: `arn:${draft.partition}:iam::${draft.id}:group${path}${input.GroupName}`,
      id: nextId(draft, 'group'),
      created: now,
      attachedPolicies: [],
      inlinePolicies: {},
    };
    nameAdded(draft, 'groups', input.GroupName);
  },
});
