/** SetDefaultPolicyVersion: makes an existing version the one that applies. */
import { defineOperation } from './common/define-operation.js';
import { policyArn, versionId } from './common/fields.js';
import { editablePolicy, isIamError, noSuchVersion } from './common/managed-policies.js';
import { obj } from './common/schema.js';

/** SetDefaultPolicyVersion. */
export const setDefaultPolicyVersion = defineOperation({
  name: 'SetDefaultPolicyVersion',
  description: 'Sets the default version of a customer managed policy.',
  api: 'iam',
  input: obj({ PolicyArn: policyArn, VersionId: versionId }),
  validate(account, input) {
    const p = editablePolicy(account, input.PolicyArn);
    if (isIamError(p)) return p;
    return p.versions.some((v) => v.id === input.VersionId) ? null : noSuchVersion(input.PolicyArn, input.VersionId);
  },
  recipe: (input) => (draft) => {
    draft.policies[input.PolicyArn]!.defaultVersion = input.VersionId;
  },
});
