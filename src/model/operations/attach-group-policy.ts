/** AttachGroupPolicy: attaches a managed policy (customer or AWS) to a group; at most 10 per group. */
import { attachPolicyOperation } from './common/principal-policies.js';

/** AttachGroupPolicy. */
export const attachGroupPolicy = attachPolicyOperation('group');
