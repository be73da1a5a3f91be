/**
 * PlaceAccountInOrganization (iamsim): puts the account into an AWS Organizations tree, root → OUs → account.
 * As in AWS, the FullAWSAccess SCP is attached at every level unless `AttachFullAWSAccess: false`.
 * Placing an account that is already in an organization replaces its placement (a move).
 */
import { invalidInput } from '../errors.js';
import { nextSeq, lowerId } from '../ids.js';
import type { Draft } from 'immer';
import type { OrgLevel } from '../types.js';
import { defineOperation } from './common/define-operation.js';
import { arr, bool, obj, str } from './common/schema.js';

/** The id AWS gives the FullAWSAccess SCP. */
export const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';

/** FullAWSAccess, AWS's default SCP. */
export const FULL_AWS_ACCESS_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } as const;

const ouField = obj({ Name: str({ minLength: 1, maxLength: 128 }) }, { Id: str({ pattern: '^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$' }) });

/** PlaceAccountInOrganization. */
export const placeAccountInOrganization = defineOperation({
  name: 'PlaceAccountInOrganization',
  description: 'Places the account in an organization: root, then OUs (outermost first), then the account.',
  api: 'iamsim',
  input: obj(
    {},
    {
      OrganizationId: str({ pattern: '^o-[a-z0-9]{10,32}$' }),
      ManagementAccountId: str({ pattern: '^\\d{12}$', description: 'default: another account; equal to this account makes it the management account (SCPs do not apply)' }),
      RootId: str({ pattern: '^r-[0-9a-z]{4,32}$' }),
      OrganizationalUnits: arr(ouField, { maxItems: 5, description: 'OUs from the root down; at most 5 levels' }),
      AttachFullAWSAccess: bool('default true'),
    },
  ),
  validate(_account, input) {
    const ids = (input.OrganizationalUnits ?? []).map((o) => o.Id).filter((x): x is string => x !== undefined);
    if (new Set(ids).size !== ids.length) return invalidInput('OU ids must be distinct.', '/OrganizationalUnits');
    return null;
  },
  recipe: (input) => (draft) => {
    const seq = nextSeq(draft);
    const rootId = input.RootId ?? `r-${lowerId(draft.id, seq, 4)}`;
    const orgId = input.OrganizationId ?? `o-${lowerId(draft.id, seq + 1, 10)}`;
    const full = input.AttachFullAWSAccess ?? true;
    const scps = full ? [FULL_AWS_ACCESS_ID] : [];
    const levels: Draft<OrgLevel>[] = [{ id: rootId, name: 'Root', kind: 'root', scps: [...scps], rcps: [] }];
    (input.OrganizationalUnits ?? []).forEach((ou, i) => {
      levels.push({ id: ou.Id ?? `ou-${rootId.slice(2)}-${lowerId(draft.id, seq + 2 + i, 8)}`, name: ou.Name, kind: 'ou', scps: [...scps], rcps: [] });
    });
    levels.push({ id: draft.id, name: draft.alias ?? draft.id, kind: 'account', scps: [...scps], rcps: [] });
    const policies = draft.organization?.policies ?? {};
    draft.organization = {
      id: orgId,
      managementAccountId: input.ManagementAccountId ?? (draft.id === '999999999999' ? '111111111111' : '999999999999'),
      levels,
      policies: full
        ? { ...policies, [FULL_AWS_ACCESS_ID]: { id: FULL_AWS_ACCESS_ID, name: 'FullAWSAccess', kind: 'scp', document: FULL_AWS_ACCESS_DOCUMENT } }
        : { ...policies },
    };
  },
});
