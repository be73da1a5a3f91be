/** AttachRolePolicy: attaches a managed policy (customer or AWS) to a role; at most 10 per role. */
import { attachPolicyOperation } from './common/principal-policies.js';

/** AttachRolePolicy. */
export const attachRolePolicy = attachPolicyOperation('role');
