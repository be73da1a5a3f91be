/** MarkPolicyReviewed (iamsim): records that a person reviewed a customer managed policy now (practice 7). */
import { defineOperation } from './common/define-operation.js';
import { policyArn } from './common/fields.js';
import { editablePolicy, isIamError } from './common/managed-policies.js';
import { obj } from './common/schema.js';

/** MarkPolicyReviewed. Not an AWS API: reviews happen outside AWS, so the simulator records them. */
export const markPolicyReviewed = defineOperation({
  name: 'MarkPolicyReviewed',
  description: 'Records a review of a customer managed policy at the current time (practice 7).',
  api: 'iamsim',
  input: obj({ PolicyArn: policyArn }),
  validate(account, input) {
    const p = editablePolicy(account, input.PolicyArn);
    return isIamError(p) ? p : null;
  },
  recipe: (input, now) => (draft) => {
    draft.policies[input.PolicyArn]!.lastReviewed = now;
  },
});
