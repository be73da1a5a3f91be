/** CreateRole: a new IAM role with a trust policy. */
import { alreadyExists, iamError, invalidInput, noSuchEntity } from '../errors.js';
import { nextId } from '../ids.js';
import { managedPolicy } from '../lookup.js';
import { nameAdded, nameTaken } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { iamPath, normalizeTags, policyArn, policyDocumentField, roleName, tagsField } from './common/fields.js';
import { checkDocument, documentOf, policySize } from './common/policy-document.js';
import { MAX_TRUST_POLICY_SIZE } from './common/roles.js';
import { int, obj, str } from './common/schema.js';

/** CreateRole. The /aws-service-role/ path is reserved for CreateServiceLinkedRole, as in IAM. */
export const createRole = defineOperation({
  name: 'CreateRole',
  description: 'Creates an IAM role.',
  api: 'iam',
  input: obj(
    { RoleName: roleName, AssumeRolePolicyDocument: policyDocumentField },
    {
      Path: iamPath,
      Description: str({ maxLength: 1000 }),
      MaxSessionDuration: int({ minimum: 3600, maximum: 43200 }),
      PermissionsBoundary: policyArn,
      Tags: tagsField,
    },
  ),
  validate(account, input) {
    const taken = nameTaken(account, 'roles', input.RoleName);
    if (taken !== undefined) return alreadyExists('Role', taken, '/RoleName');
    if (input.Path?.startsWith('/aws-service-role/') === true) {
      return invalidInput('The path /aws-service-role/ is reserved for service-linked roles.', '/Path', 'use CreateServiceLinkedRole');
    }
    if (input.PermissionsBoundary !== undefined && managedPolicy(account, input.PermissionsBoundary) === undefined) {
      return noSuchEntity('policy', input.PermissionsBoundary, '/PermissionsBoundary');
    }
    const doc = checkDocument(input.AssumeRolePolicyDocument, 'trust', '/AssumeRolePolicyDocument');
    if (!doc.ok) return doc.error;
    if (policySize(doc.value) > MAX_TRUST_POLICY_SIZE) return iamError('LimitExceeded', `Cannot exceed quota for ACLSizePerRole: ${MAX_TRUST_POLICY_SIZE}.`, { path: '/AssumeRolePolicyDocument' });
    return null;
  },
  recipe: (input, now) => (draft) => {
    const path = input.Path ?? '/';
    draft.roles[input.RoleName] = {
      name: input.RoleName,
      path,
      arn: `arn:${draft.partition}:iam::${draft.id}:role${path}${input.RoleName}`,
      id: nextId(draft, 'role'),
      created: now,
      attachedPolicies: [],
      inlinePolicies: {},
      tags: normalizeTags(input.Tags),
      trustPolicy: documentOf(input.AssumeRolePolicyDocument),
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      boundary: input.PermissionsBoundary ?? null,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
    };
    nameAdded(draft, 'roles', input.RoleName);
  },
});
