/**
 * PutResourcePolicy (iamsim): sets the resource-based policy of any resource by ARN (an S3 bucket policy, a KMS key
 * policy, an SQS queue policy, …). AWS has one API per service (PutBucketPolicy, PutKeyPolicy, SetQueueAttributes);
 * the simulator needs only one. The resource is created if the account did not know it yet.
 */
import { iamError } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { anyArn, policyDocumentField } from './common/fields.js';
import { checkDocument, documentOf } from './common/policy-document.js';
import { obj } from './common/schema.js';

/** Resource policies are capped at 20 KB (S3 bucket policies); iamsim applies that to all. */
export const MAX_RESOURCE_POLICY_SIZE = 20480;

/** PutResourcePolicy. */
export const putResourcePolicy = defineOperation({
  name: 'PutResourcePolicy',
  description: 'Sets the resource-based policy of a resource (S3 bucket, KMS key, SQS queue, …) by ARN.',
  api: 'resource',
  input: obj({ ResourceArn: anyArn, Policy: policyDocumentField }),
  validate(_account, input) {
    const doc = checkDocument(input.Policy, 'resource', '/Policy');
    if (!doc.ok) return doc.error;
    const size = JSON.stringify(doc.value).length;
    return size > MAX_RESOURCE_POLICY_SIZE ? iamError('LimitExceeded', `Resource policy is ${size} bytes; the limit is ${MAX_RESOURCE_POLICY_SIZE}.`, { path: '/Policy' }) : null;
  },
  recipe: (input) => (draft) => {
    const existing = draft.resources[input.ResourceArn];
    if (existing !== undefined) existing.policy = documentOf(input.Policy);
    else draft.resources[input.ResourceArn] = { arn: input.ResourceArn, policy: documentOf(input.Policy), tags: {} };
  },
});
