/** DeleteUserPolicy: deletes an inline policy of a user. */
import { deleteInlinePolicyOperation } from './common/principal-policies.js';

/** DeleteUserPolicy. */
export const deleteUserPolicy = deleteInlinePolicyOperation('user');
