/** The suggested fix for a shared credential: one user per observed person (with the shared user's groups and managed policies), and the shared login disabled. */
import type { Account, User } from '../../model/types.js';
import type { OperationCall } from '../types.js';

/**
 * Fresh user names `<base>-1`, `<base>-2`, … that do not exist yet. IAM user names are at most 64 characters: a long
 * base is shortened so that the number always fits (cutting the number off would repeat one name forever).
 */
export function freshNames(a: Account, base: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) {
    const suffix = `-${i}`;
    const n = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!Object.hasOwn(a.users, n) && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * Calls that create `people` users, each in the shared user's groups and with its managed policies (inline
 * policies are left for a person to review), then disable the shared credential: the login profile for
 * console sharing, or the given access key.
 */
export function perPersonCalls(a: Account, u: User, people: number, shared: { readonly kind: 'console' } | { readonly kind: 'access-key'; readonly keyId: string }): OperationCall[] {
  const calls: OperationCall[] = [];
  for (const name of freshNames(a, u.name, Math.max(1, people))) {
    calls.push({ op: 'CreateUser', input: { UserName: name, Path: u.path } });
    for (const g of u.groups) calls.push({ op: 'AddUserToGroup', input: { GroupName: g, UserName: name } });
    for (const p of u.attachedPolicies) calls.push({ op: 'AttachUserPolicy', input: { UserName: name, PolicyArn: p } });
  }
  if (shared.kind === 'console') {
    if (u.loginProfile !== null) calls.push({ op: 'DeleteLoginProfile', input: { UserName: u.name } });
  } else {
    calls.push({ op: 'UpdateAccessKey', input: { UserName: u.name, AccessKeyId: shared.keyId, Status: 'Inactive' } });
  }
  return calls;
}
