/** CreateTrail: a CloudTrail trail, not logging until StartLogging (as in the CloudTrail API). */
import { alreadyExists } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { bool, obj, str } from './common/schema.js';

/** A trail name (3..128, CloudTrail's pattern). */
export const trailName = str({ minLength: 3, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$' });

/** CreateTrail. */
export const createTrail = defineOperation({
  name: 'CreateTrail',
  description: 'Creates a CloudTrail trail (not logging until StartLogging).',
  api: 'cloudtrail',
  input: obj(
    { Name: trailName, S3BucketName: str({ minLength: 3, maxLength: 63 }) },
    { IsMultiRegionTrail: bool(), EnableLogFileValidation: bool(), HomeRegion: str({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }) },
  ),
  validate: (account, input) => (Object.hasOwn(account.trails, input.Name) ? alreadyExists('Trail', input.Name, '/Name') : null),
  recipe: (input) => (draft) => {
    draft.trails[input.Name] = {
      name: input.Name,
      homeRegion: input.HomeRegion ?? 'us-east-1',
      isMultiRegionTrail: input.IsMultiRegionTrail ?? false,
      logFileValidationEnabled: input.EnableLogFileValidation ?? false,
      isLogging: false,
      s3BucketName: input.S3BucketName,
    };
  },
});
