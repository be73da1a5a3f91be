/** SetApplicationCredential (iamsim): switches an application between a user's access key and the instance role (practice 10). */
import { noSuchEntity } from '../errors.js';
import type { AppCredential } from '../types.js';
import { credentialFor, isCredentialError } from './common/applications.js';
import { asAccount } from './common/draft.js';
import { defineOperation } from './common/define-operation.js';
import { accessKeyId } from './common/fields.js';
import { obj, str } from './common/schema.js';

/** SetApplicationCredential. Without AccessKeyId the application uses the instance role; an unknown application is added. */
export const setApplicationCredential = defineOperation({
  name: 'SetApplicationCredential',
  description: 'Makes an application on an instance use the instance role, or a user access key.',
  api: 'iamsim',
  input: obj({ InstanceId: str({ pattern: '^i-[0-9a-f]{8,17}$' }), ApplicationName: str({ minLength: 1, maxLength: 128 }) }, { AccessKeyId: accessKeyId }),
  validate(account, input) {
    if (!Object.hasOwn(account.instances, input.InstanceId)) return noSuchEntity('instance', input.InstanceId, '/InstanceId');
    const c = credentialFor(account, input.AccessKeyId, '/AccessKeyId');
    return isCredentialError(c) ? c : null;
  },
  recipe: (input) => (draft) => {
    const credential = credentialFor(asAccount(draft), input.AccessKeyId, '') as AppCredential;
    const apps = draft.instances[input.InstanceId]!.applications;
    const app = apps.find((a) => a.name === input.ApplicationName);
    if (app !== undefined) app.credential = credential;
    else apps.push({ name: input.ApplicationName, credential });
  },
});
