/** DeleteGroup: removes a group that has no members and no policies. */
import { deleteConflict, noSuchEntity } from '../errors.js';
import { groupByName, groupMembers } from '../lookup.js';
import { nameRemoved } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { groupName } from './common/fields.js';
import { obj } from './common/schema.js';

/** DeleteGroup. */
export const deleteGroup = defineOperation({
  name: 'DeleteGroup',
  description: 'Deletes a group that has no members and no policies.',
  api: 'iam',
  input: obj({ GroupName: groupName }),
  validate(account, input) {
    const g = groupByName(account, input.GroupName);
    if (g === undefined) return noSuchEntity('group', input.GroupName, '/GroupName');
    const still: string[] = [];
    const members = groupMembers(account, input.GroupName);
    if (members.length > 0) still.push(`${members.length} member(s)`);
    if (g.attachedPolicies.length > 0) still.push(`${g.attachedPolicies.length} attached policy(ies)`);
    if (Object.keys(g.inlinePolicies).length > 0) still.push(`${Object.keys(g.inlinePolicies).length} inline policy(ies)`);
    if (still.length > 0) return deleteConflict(`Cannot delete entity, must remove ${still.join(', ')} first.`, 'call RemoveUserFromGroup, DetachGroupPolicy and DeleteGroupPolicy first');
    return null;
  },
  recipe: (input) => (draft) => {
    delete draft.groups[input.GroupName];
    nameRemoved(draft, 'groups', input.GroupName);
  },
});
