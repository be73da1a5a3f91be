/** DetachRolePolicy: detaches a managed policy from a role. */
import { detachPolicyOperation } from './common/principal-policies.js';

/** DetachRolePolicy. */
export const detachRolePolicy = detachPolicyOperation('role');
