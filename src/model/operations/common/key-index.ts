/**
 * Access key ids are unique across the account. An index key id → holder per account object (a frozen account, or
 * the root draft for a whole batch), built from the batch's original state and kept current by the key recipes,
 * makes owner lookups O(1) per call instead of a scan of every user. A hit is confirmed against the holder.
 */
import { isDraft, original, type Draft } from 'immer';
import type { AccessKey, Account } from '../../types.js';

const ROOT_HOLDER = '\u0000root';
const indexes = new WeakMap<object, Map<string, string>>();

function indexOf(account: Account): Map<string, string> {
  let idx = indexes.get(account);
  if (idx === undefined) {
    const base = (isDraft(account) ? original(account as unknown as Draft<Account>) : account) as Account;
    idx = new Map<string, string>();
    for (const k of base.root.accessKeys) idx.set(k.id, ROOT_HOLDER);
    for (const u of Object.values(base.users)) for (const k of u.accessKeys) idx.set(k.id, u.name);
    indexes.set(account, idx);
  }
  return idx;
}

/** Who holds a long-term access key, confirmed against the account. */
export type KeyHolder = { readonly kind: 'user'; readonly user: string; readonly key: AccessKey } | { readonly kind: 'root'; readonly key: AccessKey };

/** The holder of an access key id, or undefined. */
export function keyHolder(account: Account, accessKeyId: string): KeyHolder | undefined {
  const holder = indexOf(account).get(accessKeyId);
  if (holder === undefined) return undefined;
  if (holder === ROOT_HOLDER) {
    const key = account.root.accessKeys.find((k) => k.id === accessKeyId);
    return key === undefined ? undefined : { kind: 'root', key };
  }
  const u = Object.hasOwn(account.users, holder) ? account.users[holder] : undefined;
  const key = u?.accessKeys.find((k) => k.id === accessKeyId);
  return key === undefined ? undefined : { kind: 'user', user: holder, key };
}

/**
 * Makes sure the account has an index before a recipe adds keys to it (an index built later from the batch's
 * original state would miss them). Call from every validate whose recipe creates a key.
 */
export function trackKeys(account: Account): void {
  indexOf(account);
}

/** Records in the draft's index that a recipe created a key for a user (or for root when `user` is undefined). */
export function keyAdded(draft: Draft<Account>, accessKeyId: string, user?: string): void {
  indexes.get(draft)?.set(accessKeyId, user ?? ROOT_HOLDER);
}

/** Records in the draft's index that a recipe deleted a key. */
export function keyRemoved(draft: Draft<Account>, accessKeyId: string): void {
  indexes.get(draft)?.delete(accessKeyId);
}
