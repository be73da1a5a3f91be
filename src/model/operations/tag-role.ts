/** TagRole: adds or overwrites tags on a role (at most 50). */
import { limitExceeded, noSuchEntity } from '../errors.js';
import { roleByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { MAX_TAGS, normalizeTags, roleName, tagsField } from './common/fields.js';
import { obj } from './common/schema.js';

/** TagRole. IAM allows tagging service-linked roles, so iamsim does too. */
export const tagRole = defineOperation({
  name: 'TagRole',
  description: 'Adds or overwrites tags on a role.',
  api: 'iam',
  input: obj({ RoleName: roleName, Tags: tagsField }),
  validate(account, input) {
    const r = roleByName(account, input.RoleName);
    if (r === undefined) return noSuchEntity('role', input.RoleName, '/RoleName');
    if (Object.keys({ ...r.tags, ...normalizeTags(input.Tags) }).length > MAX_TAGS) return limitExceeded('tags per role', MAX_TAGS, '/Tags');
    return null;
  },
  recipe: (input) => (draft) => {
    Object.assign(draft.roles[input.RoleName]!.tags, normalizeTags(input.Tags));
  },
});
