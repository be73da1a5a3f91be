/** PutGroupPolicy: adds or replaces an inline policy of a group, checked by the policy parser and the inline size quota. */
import { putPolicyOperation } from './common/principal-policies.js';

/** PutGroupPolicy. */
export const putGroupPolicy = putPolicyOperation('group');
