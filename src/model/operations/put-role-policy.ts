/** PutRolePolicy: adds or replaces an inline policy of a role, checked by the policy parser and the inline size quota. */
import { putPolicyOperation } from './common/principal-policies.js';

/** PutRolePolicy. */
export const putRolePolicy = putPolicyOperation('role');
