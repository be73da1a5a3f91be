/** RunInstances: launches one EC2 instance, with an optional instance profile and the applications it runs. */
import { alreadyExists, invalidInput, noSuchEntity } from '../errors.js';
import { lowerId, nextSeq } from '../ids.js';
import { instanceProfileByName } from '../lookup.js';
import type { Application } from '../types.js';
import { applicationField, credentialFor, isCredentialError } from './common/applications.js';
import { asAccount } from './common/draft.js';
import { defineOperation } from './common/define-operation.js';
import { normalizeTags, profileName, tagsField } from './common/fields.js';
import { arr, obj, str } from './common/schema.js';

/**
 * RunInstances. iamsim launches one instance per call. `InstanceId` (an extension) names it; otherwise `i-` and 17
 * hex digits from the account's sequence. Applications without an AccessKeyId use the instance role.
 */
export const runInstances = defineOperation({
  name: 'RunInstances',
  description: 'Launches an EC2 instance with an optional instance profile and applications.',
  api: 'ec2',
  input: obj(
    {},
    {
      InstanceId: str({ pattern: '^i-[0-9a-f]{8,17}$' }),
      Region: str({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }),
      IamInstanceProfile: profileName,
      Applications: arr(applicationField, { maxItems: 50 }),
      Tags: tagsField,
    },
  ),
  validate(account, input) {
    if (input.InstanceId !== undefined && Object.hasOwn(account.instances, input.InstanceId)) return alreadyExists('Instance', input.InstanceId, '/InstanceId');
    if (input.IamInstanceProfile !== undefined && instanceProfileByName(account, input.IamInstanceProfile) === undefined) {
      return noSuchEntity('instance profile', input.IamInstanceProfile, '/IamInstanceProfile');
    }
    const names = new Set<string>();
    for (const [i, app] of (input.Applications ?? []).entries()) {
      if (names.has(app.Name)) return invalidInput(`Application ${app.Name} is listed twice.`, `/Applications/${i}/Name`);
      names.add(app.Name);
      const c = credentialFor(account, app.AccessKeyId, `/Applications/${i}/AccessKeyId`);
      if (isCredentialError(c)) return c;
    }
    return null;
  },
  recipe: (input, now) => (draft) => {
    const id = input.InstanceId ?? `i-${lowerId(draft.id, nextSeq(draft), 17, '0123456789abcdef')}`;
    const apps: Application[] = (input.Applications ?? []).map((a) => ({ name: a.Name, credential: credentialFor(asAccount(draft), a.AccessKeyId, '') as Application['credential'] }));
    draft.instances[id] = {
      id,
      region: input.Region ?? 'us-east-1',
      launched: now,
      instanceProfile: input.IamInstanceProfile ?? null,
      applications: apps,
      tags: normalizeTags(input.Tags),
    };
  },
});
