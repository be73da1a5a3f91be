/** UpdateTrail: changes a trail's bucket, multi-region flag or log-file validation; omitted fields stay. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { bool, obj, str } from './common/schema.js';
import { trailName } from './create-trail.js';

/** UpdateTrail. */
export const updateTrail = defineOperation({
  name: 'UpdateTrail',
  description: 'Updates a CloudTrail trail.',
  api: 'cloudtrail',
  input: obj({ Name: trailName }, { S3BucketName: str({ minLength: 3, maxLength: 63 }), IsMultiRegionTrail: bool(), EnableLogFileValidation: bool() }),
  validate: (account, input) => (Object.hasOwn(account.trails, input.Name) ? null : noSuchEntity('trail', input.Name, '/Name')),
  recipe: (input) => (draft) => {
    const t = draft.trails[input.Name]!;
    if (input.S3BucketName !== undefined) t.s3BucketName = input.S3BucketName;
    if (input.IsMultiRegionTrail !== undefined) t.isMultiRegionTrail = input.IsMultiRegionTrail;
    if (input.EnableLogFileValidation !== undefined) t.logFileValidationEnabled = input.EnableLogFileValidation;
  },
});
