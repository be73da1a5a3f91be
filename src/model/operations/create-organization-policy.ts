/** CreateOrganizationPolicy: an SCP or RCP in the account's organization (AWS Organizations CreatePolicy). */
import { alreadyExists, iamError } from '../errors.js';
import { lowerId, nextSeq } from '../ids.js';
import { defineOperation } from './common/define-operation.js';
import { policyDocumentField } from './common/fields.js';
import { checkDocument, documentOf } from './common/policy-document.js';
import { obj, oneOf, str } from './common/schema.js';

/** SCP and RCP documents are limited to 5,120 bytes, whitespace included. */
export const MAX_ORG_POLICY_SIZE = 5120;

/** The org policy id of a call: given, or `p-` plus 8 characters from the account's sequence. */
const policyIdPattern = '^p-[0-9a-zA-Z_]{8,128}$';

/** CreateOrganizationPolicy. `Id` (an iamsim extension) lets scenarios refer to the policy by a known id. */
export const createOrganizationPolicy = defineOperation({
  name: 'CreateOrganizationPolicy',
  description: 'Creates a service control policy (SCP) or resource control policy (RCP) in the organization.',
  api: 'organizations',
  input: obj(
    { Name: str({ minLength: 1, maxLength: 128 }), Type: oneOf(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const), Content: policyDocumentField },
    { Id: str({ pattern: policyIdPattern }), Description: str({ maxLength: 512 }) },
  ),
  validate(account, input) {
    const org = account.organization;
    if (org === null) return iamError('NoSuchEntity', 'The account is not in an organization.', { hint: 'call PlaceAccountInOrganization first' });
    if (input.Id !== undefined && Object.hasOwn(org.policies, input.Id)) return alreadyExists('Organization policy', input.Id, '/Id');
    if (Object.values(org.policies).some((p) => p.name === input.Name)) return alreadyExists('Organization policy', input.Name, '/Name');
    const doc = checkDocument(input.Content, input.Type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp', '/Content');
    if (!doc.ok) return doc.error;
    const size = typeof input.Content === 'string' ? input.Content.length : JSON.stringify(input.Content).length;
    return size > MAX_ORG_POLICY_SIZE ? iamError('LimitExceeded', `Policy content is ${size} bytes; the limit is ${MAX_ORG_POLICY_SIZE}.`, { path: '/Content' }) : null;
  },
  recipe: (input) => (draft) => {
    const id = input.Id ?? `p-${lowerId(draft.id, nextSeq(draft), 8)}`;
    draft.organization!.policies[id] = {
      id,
      name: input.Name,
      kind: input.Type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp',
      document: documentOf(input.Content),
    };
  },
});
