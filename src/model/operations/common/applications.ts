/** Applications on EC2 instances in operation inputs: `{ Name, AccessKeyId? }`, a key meaning a user's long-lived key. */
import { iamError, type IamError } from '../../errors.js';
import { keyHolder } from './key-index.js';
import type { Account, AppCredential } from '../../types.js';
import { accessKeyId } from './fields.js';
import { obj, str } from './schema.js';

/** One application: without AccessKeyId it uses the instance role. */
export const applicationField = obj({ Name: str({ minLength: 1, maxLength: 128 }) }, { AccessKeyId: accessKeyId });

/** The credential an application input describes; the key must belong to a user. */
export function credentialFor(account: Account, keyId: string | undefined, path: string): AppCredential | IamError {
  if (keyId === undefined) return { kind: 'instance-role' };
  const owner = keyHolder(account, keyId);
  if (owner?.kind !== 'user') return iamError('NoSuchEntity', `No IAM user holds access key ${keyId}.`, { path });
  return { kind: 'access-key', user: owner.user, accessKeyId: keyId };
}

/** Type guard: an error rather than a credential. */
export const isCredentialError = (x: AppCredential | IamError): x is IamError => 'code' in x;
