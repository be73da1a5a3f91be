/**
 * Operations in scenarios take the model's AWS-shaped input (`{ UserName, PolicyArn }`) or short keys
 * (`{ user: bob, policy: ReadOnlyAccess }`). Short keys map to the first field of the operation's input schema
 * they can mean; policies may be named (customer policy name or AWS managed policy name) instead of an ARN.
 */
import { OPERATION_SCHEMAS, isOperationName } from '../model/apply.js';
import { awsManagedPolicy } from '../model/aws-managed.js';

/** Short keys and the AWS fields each may stand for, in order of preference. */
export const SHORT_KEYS: Readonly<Record<string, readonly string[]>> = {
  user: ['UserName'],
  group: ['GroupName'],
  role: ['RoleName'],
  policy: ['PolicyArn', 'PolicyName'],
  name: ['PolicyName', 'UserName', 'GroupName', 'RoleName', 'InstanceProfileName'],
  document: ['PolicyDocument', 'AssumeRolePolicyDocument'],
  trust: ['AssumeRolePolicyDocument', 'PolicyDocument'],
  key: ['AccessKeyId'],
  status: ['Status'],
  tags: ['Tags'],
  keys: ['TagKeys'],
  path: ['Path'],
  boundary: ['PermissionsBoundary'],
  version: ['VersionId'],
  default: ['SetAsDefault'],
  profile: ['InstanceProfileName'],
  serial: ['SerialNumber'],
  kind: ['Kind'],
  description: ['Description'],
  password: ['PasswordProperties'],
  resetRequired: ['PasswordResetRequired'],
  service: ['AWSServiceName'],
  maxSession: ['MaxSessionDuration'],
};

/** The input field names an operation accepts. */
export function operationFields(op: string): readonly string[] {
  if (!isOperationName(op)) return [];
  return Object.keys((OPERATION_SCHEMAS[op] as { properties?: Record<string, unknown> }).properties ?? {});
}

/** An input with short keys mapped, and for each AWS field the key the author wrote (for error positions). */
export interface MappedInput {
  readonly input: Readonly<Record<string, unknown>>;
  readonly written: Readonly<Record<string, string>>;
}

/** Maps short keys to the operation's AWS fields; unknown keys are kept so the schema reports them. */
export function mapShortKeys(op: string, raw: Readonly<Record<string, unknown>>): MappedInput {
  const fields = operationFields(op);
  const input: Record<string, unknown> = {};
  const written: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const target = SHORT_KEYS[k]?.find((f) => fields.includes(f)) ?? k;
    input[target] = v;
    written[target] = k;
  }
  return { input, written };
}

/** Fields whose value is a managed policy ARN, which scenarios may write as a policy name. */
export const POLICY_ARN_FIELDS: readonly string[] = ['PolicyArn', 'PermissionsBoundary'];

/**
 * A policy name or ARN as an ARN: a customer policy by name (looked up in `customer`, name → ARN), an AWS managed
 * policy by name, or an ARN as written. Undefined when the name is unknown.
 */
export function policyArnOf(ref: string, customer: ReadonlyMap<string, string>): string | undefined {
  if (ref.startsWith('arn:')) return ref;
  return customer.get(ref) ?? awsManagedPolicy(ref)?.arn;
}
