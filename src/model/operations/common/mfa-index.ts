/** MFA serial numbers are unique in an account: holder lookups through the account indexes (account-index.ts). */
import type { Draft } from 'immer';
import type { Account } from '../../types.js';
import { index, indexDelete, indexSet, ROOT_HOLDER } from './account-index.js';

/** Who holds an MFA serial: a user name, 'root', or undefined when it is free. Builds the index when missing. */
export function mfaHolder(account: Account, serial: string): string | undefined {
  const holder = index(account, 'mfa').get(serial);
  if (holder === undefined) return undefined;
  if (holder === ROOT_HOLDER) return account.root.mfa.some((d) => d.serial === serial) ? 'root' : undefined;
  const u = Object.hasOwn(account.users, holder) ? account.users[holder] : undefined;
  return u !== undefined && u.mfa.some((d) => d.serial === serial) ? holder : undefined;
}

/** Records that a recipe gave `serial` to a user (or to root when `user` is undefined). */
export const mfaAdded = (draft: Draft<Account>, serial: string, user?: string): void => indexSet(draft, 'mfa', serial, user ?? ROOT_HOLDER);

/** Records that a recipe removed `serial`. */
export const mfaRemoved = (draft: Draft<Account>, serial: string): void => indexDelete(draft, 'mfa', serial);
