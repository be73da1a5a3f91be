/** AddUserToGroup: adds a user to a group (at most 10 groups per user); adding a member again succeeds, as in IAM. */
import { limitExceeded, noSuchEntity } from '../errors.js';
import { groupByName, userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { groupName, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** IAM's quota of groups per user. */
export const MAX_GROUPS_PER_USER = 10;

/** AddUserToGroup. */
export const addUserToGroup = defineOperation({
  name: 'AddUserToGroup',
  description: 'Adds a user to a group.',
  api: 'iam',
  input: obj({ GroupName: groupName, UserName: userName }),
  validate(account, input) {
    if (groupByName(account, input.GroupName) === undefined) return noSuchEntity('group', input.GroupName, '/GroupName');
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (!u.groups.includes(input.GroupName) && u.groups.length >= MAX_GROUPS_PER_USER) return limitExceeded('GroupsPerUser', MAX_GROUPS_PER_USER, '/GroupName');
    return null;
  },
  recipe: (input) => (draft) => {
    const groups = draft.users[input.UserName]!.groups;
    if (!groups.includes(input.GroupName)) groups.push(input.GroupName);
  },
});
