/** DeleteGroupPolicy: deletes an inline policy of a group. */
import { deleteInlinePolicyOperation } from './common/principal-policies.js';

/** DeleteGroupPolicy. */
export const deleteGroupPolicy = deleteInlinePolicyOperation('group');
