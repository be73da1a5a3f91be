/** DetachUserPolicy: detaches a managed policy from a user. */
import { detachPolicyOperation } from './common/principal-policies.js';

/** DetachUserPolicy. */
export const detachUserPolicy = detachPolicyOperation('user');
