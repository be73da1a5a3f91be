/** Shared checks for operations on customer managed policies (IAM quotas: 6,144 characters, 5 versions). */
import { iamError, noSuchEntity, unmodifiable, type IamError } from '../../errors.js';
import { isAwsManagedArn } from '../../aws-managed.js';
import { customerPolicy } from '../../lookup.js';
import type { Account, ManagedPolicy } from '../../types.js';
import { policySize } from './policy-document.js';

/** Managed policy document size quota (characters, whitespace not counted). */
export const MAX_MANAGED_POLICY_SIZE = 6144;
/** Versions stored per managed policy. */
export const MAX_POLICY_VERSIONS = 5;
/** Customer managed policies per account (IAM's default quota). */
export const MAX_CUSTOMER_POLICIES = 1500;

/** The customer policy an input names, UnmodifiableEntity for AWS managed ARNs, NoSuchEntity otherwise. */
export function editablePolicy(account: Account, arn: string): ManagedPolicy | IamError {
  if (isAwsManagedArn(arn)) return unmodifiable(`AWS managed policy ${arn}`);
  return customerPolicy(account, arn) ?? iamError('NoSuchEntity', `Policy ${arn} does not exist.`, { path: '/PolicyArn' });
}

/** Type guard separating an IamError from a policy. */
export const isIamError = (x: object): x is IamError => 'code' in x && 'message' in x && !('arn' in x);

/** LimitExceeded when a managed policy document is over 6,144 characters. */
export function checkManagedSize(doc: Readonly<Record<string, unknown>>, path: string): IamError | null {
  const size = policySize(doc);
  return size > MAX_MANAGED_POLICY_SIZE
    ? iamError('LimitExceeded', `Cannot exceed quota for PolicySize: ${MAX_MANAGED_POLICY_SIZE} (document has ${size}).`, { path, hint: 'split the policy in two' })
    : null;
}

/** The next version id: one more than the highest existing `vN`. */
export const nextVersionId = (p: ManagedPolicy): string => `v${Math.max(0, ...p.versions.map((v) => Number(v.id.slice(1)) || 0)) + 1}`;

/** NoSuchEntity for a version. */
export const noSuchVersion = (arn: string, version: string): IamError => noSuchEntity(`version of policy ${arn}`, version, '/VersionId');
