/** Small shared lookups over an account: entities by name, managed policies (customer and AWS) by ARN, key owners. */
import type { PolicyDocument } from '../evaluator/types.js';
import { awsManagedPolicy, isAwsManagedArn } from './aws-managed.js';
import type { AccessKey, Account, Group, InstanceProfile, ManagedPolicy, Role, User } from './types.js';

/** The user with this name, or undefined. */
export const userByName = (account: Account, name: string): User | undefined =>
  Object.hasOwn(account.users, name) ? account.users[name] : undefined;

/** The group with this name, or undefined. */
export const groupByName = (account: Account, name: string): Group | undefined =>
  Object.hasOwn(account.groups, name) ? account.groups[name] : undefined;

/** The role with this name, or undefined. */
export const roleByName = (account: Account, name: string): Role | undefined =>
  Object.hasOwn(account.roles, name) ? account.roles[name] : undefined;

/** The instance profile with this name, or undefined. */
export const instanceProfileByName = (account: Account, name: string): InstanceProfile | undefined =>
  Object.hasOwn(account.instanceProfiles, name) ? account.instanceProfiles[name] : undefined;

/** The customer managed policy with this ARN, or undefined. */
export const customerPolicy = (account: Account, arn: string): ManagedPolicy | undefined =>
  Object.hasOwn(account.policies, arn) ? account.policies[arn] : undefined;

/** A managed policy, customer or AWS, resolved to its default version. */
export interface ResolvedManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly versionId: string;
  readonly document: PolicyDocument;
  readonly awsManaged: boolean;
}

/** Resolves a managed policy ARN, customer first, then the AWS managed catalog. Undefined when neither knows it. */
export function managedPolicy(account: Account, arn: string): ResolvedManagedPolicy | undefined {
  const p = customerPolicy(account, arn);
  if (p !== undefined) {
    const v = p.versions.find((x) => x.id === p.defaultVersion);
    if (v === undefined) throw new Error(`policy ${arn} has no default version ${p.defaultVersion}`);
    return { arn: p.arn, name: p.name, path: p.path, versionId: v.id, document: v.document, awsManaged: false };
  }
  if (!isAwsManagedArn(arn)) return undefined;
  const a = awsManagedPolicy(arn);
  return a === undefined ? undefined : { arn: a.arn, name: a.name, path: a.path, versionId: a.versionId, document: a.document, awsManaged: true };
}

/** The default-version document of a managed policy (customer or AWS), or undefined. */
export const policyDocument = (account: Account, arn: string): PolicyDocument | undefined => managedPolicy(account, arn)?.document;

/** The ARN a customer managed policy gets: `arn:aws:iam::<account>:policy<path><name>`. */
export const customerPolicyArn = (account: Account, name: string, path = '/'): string => `arn:${account.partition}:iam::${account.id}:policy${path}${name}`;

/** Who holds an access key: a user (by name), root, or nobody. */
export type KeyOwner = { readonly kind: 'user'; readonly user: string; readonly key: AccessKey } | { readonly kind: 'root'; readonly key: AccessKey };

/** Finds the owner of a long-term access key id. Linear in the number of users. */
export function accessKeyOwner(account: Account, accessKeyId: string): KeyOwner | undefined {
  const rk = account.root.accessKeys.find((k) => k.id === accessKeyId);
  if (rk !== undefined) return { kind: 'root', key: rk };
  for (const u of Object.values(account.users)) {
    const k = u.accessKeys.find((x) => x.id === accessKeyId);
    if (k !== undefined) return { kind: 'user', user: u.name, key: k };
  }
  return undefined;
}

/** Where a managed policy is attached or used as a boundary. */
export interface PolicyUse {
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly string[];
  readonly userBoundaries: readonly string[];
  readonly roleBoundaries: readonly string[];
}

/** Every entity that attaches a managed policy, or uses it as a permissions boundary. */
export function policyUses(account: Account, arn: string): PolicyUse {
  const users: string[] = [];
  const userBoundaries: string[] = [];
  for (const u of Object.values(account.users)) {
    if (u.attachedPolicies.includes(arn)) users.push(u.name);
    if (u.boundary === arn) userBoundaries.push(u.name);
  }
  const groups = Object.values(account.groups).filter((g) => g.attachedPolicies.includes(arn)).map((g) => g.name);
  const roles: string[] = [];
  const roleBoundaries: string[] = [];
  for (const r of Object.values(account.roles)) {
    if (r.attachedPolicies.includes(arn)) roles.push(r.name);
    if (r.boundary === arn) roleBoundaries.push(r.name);
  }
  return { users, groups, roles, userBoundaries, roleBoundaries };
}

/** The members of a group, by user name, sorted. */
export const groupMembers = (account: Account, group: string): readonly string[] =>
  Object.values(account.users).filter((u) => u.groups.includes(group)).map((u) => u.name).sort();

/** True when an MFA serial is in use by any user or root. */
export function mfaSerialInUse(account: Account, serial: string): boolean {
  if (account.root.mfa.some((d) => d.serial === serial)) return true;
  return Object.values(account.users).some((u) => u.mfa.some((d) => d.serial === serial));
}
