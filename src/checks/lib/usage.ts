/** Credential use as checks see it: last-used instants from Account.usage, and "unused for N days" with IAM's never-used rule. */
import { daysBetween } from '../../model/time.js';
import { ROOT, type AccessKey, type Account, type Instant, type User } from '../../model/types.js';

/** When an access key was last used, or null when never. */
export const keyLastUsed = (a: Account, keyId: string): Instant | null => a.usage.accessKeys.get(keyId)?.date ?? null;

/** When a user's (or, with ROOT, root's) password was last used, or null when never. */
export const passwordLastUsed = (a: Account, userName: string): Instant | null => a.usage.passwords.get(userName) ?? null;

/** A credential's use status: used within `days`, unused for at least `days` since its last use, or never used and older than `days`. */
export type UseStatus = { readonly kind: 'recent' } | { readonly kind: 'unused'; readonly lastUsed: Instant; readonly days: number } | { readonly kind: 'never-used'; readonly ageDays: number };

/** Classifies a credential created at `created` and last used at `lastUsed` (null: never). */
export function useStatus(created: Instant, lastUsed: Instant | null, now: Instant, days: number): UseStatus {
  if (lastUsed !== null) {
    const d = daysBetween(lastUsed, now);
    return d >= days ? { kind: 'unused', lastUsed, days: d } : { kind: 'recent' };
  }
  const age = daysBetween(created, now);
  return age >= days ? { kind: 'never-used', ageDays: age } : { kind: 'recent' };
}

/** The active keys of a user. */
export const activeKeys = (u: { readonly accessKeys: readonly AccessKey[] }): readonly AccessKey[] => u.accessKeys.filter((k) => k.status === 'Active');

/** The latest use of any of a user's credentials (password or any key), or null when none was ever used. */
export function userLastActivity(a: Account, u: User): Instant | null {
  let last: Instant | null = passwordLastUsed(a, u.name);
  for (const k of u.accessKeys) {
    const t = keyLastUsed(a, k.id) ?? '';
    if (t > (last ?? '')) last = t;
  }
  return last;
}

/** Root's password last use. */
export const rootPasswordLastUsed = (a: Account): Instant | null => passwordLastUsed(a, ROOT);
