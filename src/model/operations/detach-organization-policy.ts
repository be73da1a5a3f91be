/** DetachOrganizationPolicy: detaches an SCP or RCP from a level; a level's last SCP cannot be detached, as in AWS. */
import { iamError } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj, str } from './common/schema.js';

/** DetachOrganizationPolicy (AWS Organizations DetachPolicy). */
export const detachOrganizationPolicy = defineOperation({
  name: 'DetachOrganizationPolicy',
  description: 'Detaches an SCP or RCP from the root, an OU, or the account.',
  api: 'organizations',
  input: obj({ PolicyId: str({ minLength: 3 }), TargetId: str({ minLength: 1 }) }),
  validate(account, input) {
    const org = account.organization;
    if (org === null) return iamError('NoSuchEntity', 'The account is not in an organization.');
    const level = org.levels.find((l) => l.id === input.TargetId);
    if (level === undefined) return iamError('NoSuchEntity', `Target ${input.TargetId} cannot be found.`, { path: '/TargetId' });
    const p = Object.hasOwn(org.policies, input.PolicyId) ? org.policies[input.PolicyId] : undefined;
    const list = p?.kind === 'rcp' ? level.rcps : level.scps;
    if (p === undefined || !list.includes(input.PolicyId)) return iamError('NoSuchEntity', `Policy ${input.PolicyId} is not attached to ${input.TargetId}.`, { path: '/PolicyId' });
    if (p.kind === 'scp' && list.length === 1) {
      return iamError('InvalidInput', 'A root, OU or account must keep at least one SCP attached.', { path: '/PolicyId', hint: 'attach another SCP (e.g. FullAWSAccess) first' });
    }
    return null;
  },
  recipe: (input) => (draft) => {
    const org = draft.organization!;
    const level = org.levels.find((l) => l.id === input.TargetId)!;
    const list = org.policies[input.PolicyId]!.kind === 'rcp' ? level.rcps : level.scps;
    list.splice(list.indexOf(input.PolicyId), 1);
  },
});
