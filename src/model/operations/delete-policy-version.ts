/** DeletePolicyVersion: deletes a non-default version of a customer managed policy. */
import { deleteConflict } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { policyArn, versionId } from './common/fields.js';
import { editablePolicy, isIamError, noSuchVersion } from './common/managed-policies.js';
import { obj } from './common/schema.js';

/** DeletePolicyVersion. The default version cannot be deleted (DeleteConflict). */
export const deletePolicyVersion = defineOperation({
  name: 'DeletePolicyVersion',
  description: 'Deletes a non-default version of a customer managed policy.',
  api: 'iam',
  input: obj({ PolicyArn: policyArn, VersionId: versionId }),
  validate(account, input) {
    const p = editablePolicy(account, input.PolicyArn);
    if (isIamError(p)) return p;
    if (!p.versions.some((v) => v.id === input.VersionId)) return noSuchVersion(input.PolicyArn, input.VersionId);
    if (p.defaultVersion === input.VersionId) return deleteConflict('Cannot delete the default version of a policy.', 'make another version the default with SetDefaultPolicyVersion first');
    return null;
  },
  recipe: (input) => (draft) => {
    const versions = draft.policies[input.PolicyArn]!.versions;
    versions.splice(versions.findIndex((v) => v.id === input.VersionId), 1);
  },
});
