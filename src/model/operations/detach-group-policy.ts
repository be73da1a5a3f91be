/** DetachGroupPolicy: detaches a managed policy from a group. */
import { detachPolicyOperation } from './common/principal-policies.js';

/** DetachGroupPolicy. */
export const detachGroupPolicy = detachPolicyOperation('group');
