/**
 * Deterministic entity ids from `account.seq`: the same account and the same calls always give the same ids.
 * IAM unique ids are 21 characters in AWS (4-letter prefix + 17); access key ids are 20. iamsim uses 20 for both:
 * the prefix and 16 characters of an uppercase base32 alphabet, derived from a bijective mix of (account, seq),
 * so two different sequence numbers never collide within an account.
 */
import type { Draft } from 'immer';
import type { Account } from './types.js';

/** IAM's unique-id prefixes (AWS "Unique identifiers" table). */
export const ID_PREFIX = {
  user: 'AIDA',
  group: 'AGPA',
  role: 'AROA',
  policy: 'ANPA',
  instanceProfile: 'AIPA',
  accessKey: 'AKIA',
  sessionKey: 'ASIA',
} as const;

/** One id kind. */
export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MASK64 = (1n << 64n) - 1n;

const salts = new Map<string, bigint>();

/** FNV-1a of the account id, cached per account. */
function salt(accountId: string): bigint {
  const cached = salts.get(accountId);
  if (cached !== undefined) return cached;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < accountId.length; i++) h = ((h ^ BigInt(accountId.charCodeAt(i))) * 0x100000001b3n) & MASK64;
  salts.set(accountId, h);
  return h;
}

/** A 64-bit bijective mix (splitmix64 finaliser) of seq xor the account salt. */
function mix(seq: number, accountId: string): bigint {
  let z = (BigInt(seq) ^ salt(accountId)) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return (z ^ (z >> 31n)) & MASK64;
}

/** 16 base32 characters for (account, seq): 13 carry the 64-bit mix, 3 carry more of the salt. */
export function idBody(accountId: string, seq: number, length = 16): string {
  let v = (mix(seq, accountId) << 16n) | (salt(accountId) & 0xffffn);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(v & 31n)]! + out;
    v >>= 5n;
  }
  return out;
}

/** The id of the given kind for (account, seq), e.g. `AIDA` + 16 characters. Pure. */
export const entityId = (kind: IdKind, accountId: string, seq: number): string => `${ID_PREFIX[kind]}${idBody(accountId, seq)}`;

/** Lowercase alphanumerics for AWS Organizations and EC2 ids, derived the same way. */
export function lowerId(accountId: string, seq: number, length: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
  let v = mix(seq, accountId) ^ (mix(seq + 0x5bd1e995, accountId) << 64n);
  const base = BigInt(alphabet.length);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Number(v % base)]!;
    v /= base;
  }
  return out;
}

/** Takes the next sequence number from the draft account (bumping `seq`) and returns it. */
export function nextSeq(draft: Draft<Account>): number {
  draft.seq += 1;
  return draft.seq;
}

/** Takes the next id of a kind from the draft account. */
export const nextId = (draft: Draft<Account>, kind: IdKind): string => entityId(kind, draft.id, nextSeq(draft));

/** The id a kind would get next, without taking it (for validators and tests). */
export const peekId = (account: Account, kind: IdKind): string => entityId(kind, account.id, account.seq + 1);
