/**
 * MFA serial numbers are unique in an account (EnableMFADevice fails with EntityAlreadyExists for a serial in use).
 * An index serial → holder per account object (a frozen account, or the root draft for a whole batch), built from the
 * batch's original state and kept current by the MFA recipes, makes the check O(1) per call. A hit is confirmed
 * against the holder, so a stale entry never invents a conflict.
 */
import { isDraft, original, type Draft } from 'immer';
import type { Account } from '../../types.js';

const ROOT_HOLDER = '\u0000root';
const indexes = new WeakMap<object, Map<string, string>>();

function build(account: Account): Map<string, string> {
  const base = (isDraft(account) ? original(account as unknown as Draft<Account>) : account) as Account;
  const idx = new Map<string, string>();
  for (const d of base.root.mfa) idx.set(d.serial, ROOT_HOLDER);
  for (const u of Object.values(base.users)) for (const d of u.mfa) idx.set(d.serial, u.name);
  return idx;
}

function indexOf(account: Account): Map<string, string> {
  let idx = indexes.get(account);
  if (idx === undefined) {
    idx = build(account);
    indexes.set(account, idx);
  }
  return idx;
}

/** Who holds an MFA serial: a user name, 'root', or undefined when it is free. */
export function mfaHolder(account: Account, serial: string): string | undefined {
  const holder = indexOf(account).get(serial);
  if (holder === undefined) return undefined;
  if (holder === ROOT_HOLDER) return account.root.mfa.some((d) => d.serial === serial) ? 'root' : undefined;
  const u = Object.hasOwn(account.users, holder) ? account.users[holder] : undefined;
  return u !== undefined && u.mfa.some((d) => d.serial === serial) ? holder : undefined;
}

/** Records in the draft's index that a recipe gave `serial` to a user (or to root when `user` is undefined). */
export function mfaAdded(draft: Draft<Account>, serial: string, user?: string): void {
  indexes.get(draft)?.set(serial, user ?? ROOT_HOLDER);
}

/** Records in the draft's index that a recipe removed `serial`. */
export function mfaRemoved(draft: Draft<Account>, serial: string): void {
  indexes.get(draft)?.delete(serial);
}
