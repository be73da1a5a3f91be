/** PutUserPolicy: adds or replaces an inline policy of a user, checked by the policy parser and the inline size quota. */
import { putPolicyOperation } from './common/principal-policies.js';

/** PutUserPolicy. */
export const putUserPolicy = putPolicyOperation('user');
