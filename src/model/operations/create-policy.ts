/** CreatePolicy: a new customer managed policy with version v1 as its default. */
import { iamError, limitExceeded } from '../errors.js';
import { nextId } from '../ids.js';
import { customerPolicyArn } from '../lookup.js';
import { asAccount } from './common/draft.js';
import { defineOperation } from './common/define-operation.js';
import { iamPath, policyDocumentField, policyName } from './common/fields.js';
import { checkManagedSize, MAX_CUSTOMER_POLICIES } from './common/managed-policies.js';
import { checkDocument, documentOf } from './common/policy-document.js';
import { obj, str } from './common/schema.js';

/** CreatePolicy. */
export const createPolicy = defineOperation({
  name: 'CreatePolicy',
  description: 'Creates a customer managed policy.',
  api: 'iam',
  input: obj({ PolicyName: policyName, PolicyDocument: policyDocumentField }, { Path: iamPath, Description: str({ maxLength: 1000 }) }),
  validate(account, input) {
    const suffix = `/${input.PolicyName.toLowerCase()}`;
    if (Object.keys(account.policies).some((arn) => arn.toLowerCase().endsWith(suffix))) {
      return iamError('EntityAlreadyExists', `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`, {
        path: '/PolicyName',
        hint: 'customer managed policy names are unique in the account, whatever the path and the case',
      });
    }
    if (Object.keys(account.policies).length >= MAX_CUSTOMER_POLICIES) return limitExceeded('PoliciesPerAccount', MAX_CUSTOMER_POLICIES, '/PolicyName');
    const doc = checkDocument(input.PolicyDocument, 'identity', '/PolicyDocument', { requireVersion2012: true });
    if (!doc.ok) return doc.error;
    return checkManagedSize(doc.value, '/PolicyDocument');
  },
  recipe: (input, now) => (draft) => {
    const path = input.Path ?? '/';
    const arn = customerPolicyArn(asAccount(draft), input.PolicyName, path);
    draft.policies[arn] = {
      arn,
      name: input.PolicyName,
      path,
      id: nextId(draft, 'policy'),
      created: now,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      versions: [{ id: 'v1', document: documentOf(input.PolicyDocument), created: now }],
      defaultVersion: 'v1',
      lastReviewed: null,
    };
  },
});
