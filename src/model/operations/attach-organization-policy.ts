/** AttachOrganizationPolicy: attaches an SCP or RCP to a level (root, OU or the account); at most 5 per level and kind. */
import { alreadyExists, iamError, limitExceeded } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj, str } from './common/schema.js';

/** Policies of one kind attached per root, OU or account. */
export const MAX_ORG_POLICIES_PER_TARGET = 5;

/** AttachOrganizationPolicy (AWS Organizations AttachPolicy). `TargetId` is a level id: `r-…`, `ou-…` or the account id. */
export const attachOrganizationPolicy = defineOperation({
  name: 'AttachOrganizationPolicy',
  description: 'Attaches an SCP or RCP to the root, an OU, or the account.',
  api: 'organizations',
  input: obj({ PolicyId: str({ minLength: 3 }), TargetId: str({ minLength: 1, description: 'r-…, ou-…, or the 12-digit account id' }) }),
  validate(account, input) {
    const org = account.organization;
    if (org === null) return iamError('NoSuchEntity', 'The account is not in an organization.', { hint: 'call PlaceAccountInOrganization first' });
    const p = Object.hasOwn(org.policies, input.PolicyId) ? org.policies[input.PolicyId] : undefined;
    if (p === undefined) return iamError('NoSuchEntity', `Organization policy ${input.PolicyId} cannot be found.`, { path: '/PolicyId' });
    const level = org.levels.find((l) => l.id === input.TargetId);
    if (level === undefined) return iamError('NoSuchEntity', `Target ${input.TargetId} is not on this account's path in the organization.`, { path: '/TargetId', hint: `levels: ${org.levels.map((l) => l.id).join(', ')}` });
    const list = p.kind === 'scp' ? level.scps : level.rcps;
    if (list.includes(input.PolicyId)) return alreadyExists('Policy attachment', `${input.PolicyId} on ${input.TargetId}`, '/PolicyId');
    if (list.length >= MAX_ORG_POLICIES_PER_TARGET) return limitExceeded(`${p.kind.toUpperCase()}s per target`, MAX_ORG_POLICIES_PER_TARGET, '/TargetId');
    return null;
  },
  recipe: (input) => (draft) => {
    const org = draft.organization!;
    const kind = org.policies[input.PolicyId]!.kind;
    const level = org.levels.find((l) => l.id === input.TargetId)!;
    (kind === 'scp' ? level.scps : level.rcps).push(input.PolicyId);
  },
});
