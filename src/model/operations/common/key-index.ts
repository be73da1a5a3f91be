/** Access key ids are unique across the account: owner lookups through the account indexes (account-index.ts). */
import type { Draft } from 'immer';
import type { AccessKey, Account } from '../../types.js';
import { index, indexDelete, indexSet, ROOT_HOLDER, track } from './account-index.js';

/** Who holds a long-term access key, confirmed against the account. */
export type KeyHolder = { readonly kind: 'user'; readonly user: string; readonly key: AccessKey } | { readonly kind: 'root'; readonly key: AccessKey };

/** The holder of an access key id, or undefined. */
export function keyHolder(account: Account, accessKeyId: string): KeyHolder | undefined {
  const holder = index(account, 'keys').get(accessKeyId);
  if (holder === undefined) return undefined;
  if (holder === ROOT_HOLDER) {
    const key = account.root.accessKeys.find((k) => k.id === accessKeyId);
    return key === undefined ? undefined : { kind: 'root', key };
  }
  const u = Object.hasOwn(account.users, holder) ? account.users[holder] : undefined;
  const key = u?.accessKeys.find((k) => k.id === accessKeyId);
  return key === undefined ? undefined : { kind: 'user', user: holder, key };
}

/** Call from every validate whose recipe creates a key, so the index exists before the key is added. */
export const trackKeys = (account: Account): void => track(account, 'keys');

/** Records that a recipe created a key for a user (or for root when `user` is undefined). */
export const keyAdded = (draft: Draft<Account>, accessKeyId: string, user?: string): void => indexSet(draft, 'keys', accessKeyId, user ?? ROOT_HOLDER);

/** Records that a recipe deleted a key. */
export const keyRemoved = (draft: Draft<Account>, accessKeyId: string): void => indexDelete(draft, 'keys', accessKeyId);
