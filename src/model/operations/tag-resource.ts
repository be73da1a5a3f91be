/** TagResource (iamsim): adds or overwrites tags on any resource by ARN; unknown resources are created. */
import { limitExceeded } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { anyArn, MAX_TAGS, normalizeTags, tagsField } from './common/fields.js';
import { obj } from './common/schema.js';

/** TagResource. `aws:ResourceTag/*` conditions read these tags. */
export const tagResource = defineOperation({
  name: 'TagResource',
  description: 'Adds or overwrites tags on a resource (S3 bucket, KMS key, EC2 instance ARN, …).',
  api: 'resource',
  input: obj({ ResourceArn: anyArn, Tags: tagsField }),
  validate(account, input) {
    const old = Object.hasOwn(account.resources, input.ResourceArn) ? account.resources[input.ResourceArn]!.tags : {};
    return Object.keys({ ...old, ...normalizeTags(input.Tags) }).length > MAX_TAGS ? limitExceeded('tags per resource', MAX_TAGS, '/Tags') : null;
  },
  recipe: (input) => (draft) => {
    const existing = draft.resources[input.ResourceArn];
    if (existing !== undefined) Object.assign(existing.tags, normalizeTags(input.Tags));
    else draft.resources[input.ResourceArn] = { arn: input.ResourceArn, policy: null, tags: normalizeTags(input.Tags) };
  },
});
