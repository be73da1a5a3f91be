/**
 * Lookup indexes that keep IAM's account-wide uniqueness rules O(log n) per call: user, group and role names
 * (unique ignoring case, IAM User Guide "IAM identifiers"), access key ids, and MFA serial numbers.
 *
 * Indexes are persistent maps (`immutable`) stored per account object: a frozen account, or the root draft of a
 * batch. Recipes update the draft's indexes as they add or remove entries; applyOperation(s) seed a draft from the
 * input account's indexes and hand the final ones to the result, so a sequence of calls never rebuilds them. An index
 * is built once from the account when missing. Every hit is confirmed against the account, so a stale index (after a
 * change made outside the operations) never invents a conflict.
 */
import { isDraft, original, type Draft } from 'immer';
import { Map as IMap } from 'immutable';
import type { Account } from '../../types.js';

/** What is indexed. */
export type IndexKind = 'users' | 'groups' | 'roles' | 'keys' | 'mfa';

type Indexes = Partial<Record<IndexKind, IMap<string, string>>>;

/** The holder recorded for root's keys and MFA devices. */
export const ROOT_HOLDER = '\u0000root';

const store = new WeakMap<object, Indexes>();

function build(account: Account, kind: IndexKind): IMap<string, string> {
  if (kind === 'users' || kind === 'groups' || kind === 'roles') {
    return IMap<string, string>().withMutations((m) => {
      for (const k of Object.keys(account[kind])) m.set(k.toLowerCase(), k);
    });
  }
  // Keys and MFA devices are read from the batch's original state: the recipes that add them make sure the index
  // exists first (see `track`), so nothing added inside the batch is missed.
  const base = (isDraft(account) ? original(account as unknown as Draft<Account>) : account) as Account;
  return IMap<string, string>().withMutations((m) => {
    const rootList = kind === 'keys' ? base.root.accessKeys.map((k) => k.id) : base.root.mfa.map((d) => d.serial);
    for (const id of rootList) m.set(id, ROOT_HOLDER);
    for (const u of Object.values(base.users)) {
      if (kind === 'keys') for (const k of u.accessKeys) m.set(k.id, u.name);
      else for (const d of u.mfa) m.set(d.serial, u.name);
    }
  });
}

/** The index of a kind for an account (or draft), built if missing. */
export function index(account: Account, kind: IndexKind): IMap<string, string> {
  let s = store.get(account);
  if (s === undefined) {
    s = {};
    store.set(account, s);
  }
  let idx = s[kind];
  if (idx === undefined) {
    idx = build(account, kind);
    s[kind] = idx;
  }
  return idx;
}

/** Makes sure the index exists before a recipe adds to it. */
export const track = (account: Account, kind: IndexKind): void => void index(account, kind);

/** Records an addition in a draft's index (no-op when the draft has none: it will be built when first needed). */
export function indexSet(draft: Draft<Account>, kind: IndexKind, key: string, holder: string): void {
  const s = store.get(draft);
  const idx = s?.[kind];
  if (s !== undefined && idx !== undefined) s[kind] = idx.set(key, holder);
}

/** Records a removal in a draft's index. */
export function indexDelete(draft: Draft<Account>, kind: IndexKind, key: string): void {
  const s = store.get(draft);
  const idx = s?.[kind];
  if (s !== undefined && idx !== undefined) s[kind] = idx.delete(key);
}

/** Starts a draft with the indexes of the account it drafts (shared, not copied). */
export function seedIndexes(from: Account, draft: Draft<Account>): void {
  const s = store.get(from);
  if (s !== undefined) store.set(draft, { ...s });
}

/** Gives the produced account the draft's final indexes. */
export function transferIndexes(draft: object, to: Account): void {
  const s = store.get(draft);
  if (s !== undefined && !store.has(to)) store.set(to, s);
}
