/** CreatePolicyVersion: a new version of a customer managed policy (at most 5), optionally made the default. */
import { limitExceeded } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { policyArn, policyDocumentField } from './common/fields.js';
import { checkManagedSize, editablePolicy, isIamError, MAX_POLICY_VERSIONS, nextVersionId } from './common/managed-policies.js';
import { checkDocument, documentOf } from './common/policy-document.js';
import { bool, obj } from './common/schema.js';

/** CreatePolicyVersion. AWS managed policies give UnmodifiableEntity. */
export const createPolicyVersion = defineOperation({
  name: 'CreatePolicyVersion',
  description: 'Creates a new version of a customer managed policy.',
  api: 'iam',
  input: obj({ PolicyArn: policyArn, PolicyDocument: policyDocumentField }, { SetAsDefault: bool() }),
  validate(account, input) {
    const p = editablePolicy(account, input.PolicyArn);
    if (isIamError(p)) return p;
    if (p.versions.length >= MAX_POLICY_VERSIONS) return limitExceeded('PolicyVersionsPerPolicy', MAX_POLICY_VERSIONS, '/PolicyArn');
    const doc = checkDocument(input.PolicyDocument, 'identity', '/PolicyDocument', { requireVersion2012: true });
    if (!doc.ok) return doc.error;
    return checkManagedSize(doc.value, '/PolicyDocument');
  },
  recipe: (input, now) => (draft) => {
    const p = draft.policies[input.PolicyArn]!;
    const id = nextVersionId(p);
    p.versions.push({ id, document: documentOf(input.PolicyDocument), created: now });
    if (input.SetAsDefault === true) p.defaultVersion = id;
  },
});
