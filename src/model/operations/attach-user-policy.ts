/** AttachUserPolicy: attaches a managed policy (customer or AWS) to a user; at most 10 per user. */
import { attachPolicyOperation } from './common/principal-policies.js';

/** AttachUserPolicy. */
export const attachUserPolicy = attachPolicyOperation('user');
