/** UpdateAssumeRolePolicy: replaces a role's trust policy. */
import { iamError } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { policyDocumentField, roleName } from './common/fields.js';
import { checkDocument, documentOf, policySize } from './common/policy-document.js';
import { editableRole, isRoleError, MAX_TRUST_POLICY_SIZE } from './common/roles.js';
import { obj } from './common/schema.js';

/** UpdateAssumeRolePolicy. */
export const updateAssumeRolePolicy = defineOperation({
  name: 'UpdateAssumeRolePolicy',
  description: "Replaces a role's trust policy.",
  api: 'iam',
  input: obj({ RoleName: roleName, PolicyDocument: policyDocumentField }),
  validate(account, input) {
    const r = editableRole(account, input.RoleName);
    if (isRoleError(r)) return r;
    const doc = checkDocument(input.PolicyDocument, 'trust', '/PolicyDocument');
    if (!doc.ok) return doc.error;
    if (policySize(doc.value) > MAX_TRUST_POLICY_SIZE) return iamError('LimitExceeded', `Cannot exceed quota for ACLSizePerRole: ${MAX_TRUST_POLICY_SIZE}.`, { path: '/PolicyDocument' });
    return null;
  },
  recipe: (input) => (draft) => {
    draft.roles[input.RoleName]!.trustPolicy = documentOf(input.PolicyDocument);
  },
});
