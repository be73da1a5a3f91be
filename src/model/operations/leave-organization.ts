/** LeaveOrganization: the account becomes standalone; no SCP or RCP applies any more. */
import { iamError } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj } from './common/schema.js';

/** LeaveOrganization (AWS Organizations API). */
export const leaveOrganization = defineOperation({
  name: 'LeaveOrganization',
  description: 'Removes the account from its organization.',
  api: 'organizations',
  input: obj({}),
  validate: (account) => (account.organization === null ? iamError('NoSuchEntity', 'The account is not a member of an organization.') : null),
  recipe: () => (draft) => {
    draft.organization = null;
  },
});
