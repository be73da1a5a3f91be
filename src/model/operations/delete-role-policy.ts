/** DeleteRolePolicy: deletes an inline policy of a role. */
import { deleteInlinePolicyOperation } from './common/principal-policies.js';

/** DeleteRolePolicy. */
export const deleteRolePolicy = deleteInlinePolicyOperation('role');
