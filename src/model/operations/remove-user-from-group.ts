/** RemoveUserFromGroup: removes a user from a group. */
import { noSuchEntity } from '../errors.js';
import { groupByName, userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { groupName, userName } from './common/fields.js';
import { obj } from './common/schema.js';

/** RemoveUserFromGroup. */
export const removeUserFromGroup = defineOperation({
  name: 'RemoveUserFromGroup',
  description: 'Removes a user from a group.',
  api: 'iam',
  input: obj({ GroupName: groupName, UserName: userName }),
  validate(account, input) {
    if (groupByName(account, input.GroupName) === undefined) return noSuchEntity('group', input.GroupName, '/GroupName');
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (!u.groups.includes(input.GroupName)) return noSuchEntity(`member of group ${input.GroupName}`, input.UserName, '/UserName');
    return null;
  },
  recipe: (input) => (draft) => {
    const groups = draft.users[input.UserName]!.groups;
    groups.splice(groups.indexOf(input.GroupName), 1);
  },
});
