/** Input fields shared by many operations, with IAM's own constraints (IAM API reference, parameter patterns). */
import type { MfaDevice, Tags } from '../../types.js';
import { anyObject, arr, either, obj, record, str, type Schema } from './schema.js';

/** `[\w+=,.@-]+`, IAM's name pattern. */
const NAME = '^[\\w+=,.@-]+$';

/** A user name (1..64). */
export const userName = str({ minLength: 1, maxLength: 64, pattern: NAME, description: 'IAM user name' });
/** A group name (1..128). */
export const groupName = str({ minLength: 1, maxLength: 128, pattern: NAME, description: 'IAM group name' });
/** A role name (1..64). */
export const roleName = str({ minLength: 1, maxLength: 64, pattern: NAME, description: 'IAM role name' });
/** A policy name (1..128). */
export const policyName = str({ minLength: 1, maxLength: 128, pattern: NAME, description: 'policy name' });
/** An instance profile name (1..128). */
export const profileName = str({ minLength: 1, maxLength: 128, pattern: NAME, description: 'instance profile name' });
/** An IAM path: `/` or `/a/b/`. */
export const iamPath = str({ minLength: 1, maxLength: 512, pattern: '^/([\\x21-\\x7E]*/)?$', description: 'IAM path, "/" or "/division/"' });
/** A policy ARN (customer or AWS managed). */
export const policyArn = str({ minLength: 20, maxLength: 2048, pattern: '^arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/', description: 'managed policy ARN' });
/** Any ARN. */
export const anyArn = str({ minLength: 1, maxLength: 2048, pattern: '^arn:', description: 'ARN' });
/** An access key id. */
export const accessKeyId = str({ minLength: 16, maxLength: 128, pattern: '^[A-Z0-9]+$', description: 'access key id, e.g. AKIA…' });
/** A policy document: a JSON object, or a JSON string as the AWS API takes it. */
export const policyDocumentField = either(anyObject('policy document as an object'), str({ description: 'policy document as a JSON string' }), 'policy document');

const tagKey = str({ minLength: 1, maxLength: 128 });
const tagValue = str({ maxLength: 256 });
/** Tags as the AWS API takes them (`[{Key, Value}]`) or as a map. */
export const tagsField: Schema<readonly { readonly Key: string; readonly Value: string }[] | Readonly<Record<string, string>>> = either(
  arr(obj({ Key: tagKey, Value: tagValue }), { maxItems: 50 }),
  record(tagValue, { maxProperties: 50 }),
  'tags: [{Key, Value}] or {key: value}',
);
/** Tag keys to remove. */
export const tagKeys = arr(tagKey, { minItems: 1, maxItems: 50 });

/** Tags in either input form, as a plain record. */
export function normalizeTags(t: readonly { readonly Key: string; readonly Value: string }[] | Readonly<Record<string, string>> | undefined): Tags {
  if (t === undefined) return {};
  if (Array.isArray(t)) return Object.fromEntries((t as readonly { Key: string; Value: string }[]).map((x) => [x.Key, x.Value]));
  return { ...(t as Readonly<Record<string, string>>) };
}

/** The most tags an IAM entity may carry. */
export const MAX_TAGS = 50;

/** A virtual device's serial is an ARN (`arn:aws:iam::A:mfa/name`); anything else is a hardware serial. */
export const mfaKind = (serial: string, kind?: MfaDevice['kind']): MfaDevice['kind'] => kind ?? (serial.startsWith('arn:') ? 'virtual' : 'hardware');

/** The MFA serial field. */
export const serialNumber = str({ minLength: 9, maxLength: 256, pattern: '^[\\w+=/:,.@-]+$', description: 'MFA serial: an ARN for virtual devices, the device serial for hardware' });

/** A policy version id, `v1`…. */
export const versionId = str({ pattern: '^v[1-9][0-9]*$', description: 'policy version id, e.g. v2' });
