/**
 * IAM names of users, groups and roles are unique case-insensitively ("you cannot create users named both TESTUSER
 * and testuser", IAM User Guide, IAM identifiers). Backed by the account indexes (account-index.ts).
 */
import type { Draft } from 'immer';
import type { Account } from '../../types.js';
import { index, indexDelete, indexSet } from './account-index.js';

/** The named collections. */
export type NamedKind = 'users' | 'groups' | 'roles';

/** The existing name that equals `name` ignoring case, or undefined. */
export function nameTaken(account: Account, kind: NamedKind, name: string): string | undefined {
  const record = account[kind] as Readonly<Record<string, unknown>>;
  if (Object.hasOwn(record, name)) return name;
  const hit = index(account, kind).get(name.toLowerCase());
  return hit !== undefined && Object.hasOwn(record, hit) ? hit : undefined;
}

/** Records that a recipe added `name`. */
export const nameAdded = (draft: Draft<Account>, kind: NamedKind, name: string): void => indexSet(draft, kind, name.toLowerCase(), name);

/** Records that a recipe removed `name`. */
export const nameRemoved = (draft: Draft<Account>, kind: NamedKind, name: string): void => indexDelete(draft, kind, name.toLowerCase());
