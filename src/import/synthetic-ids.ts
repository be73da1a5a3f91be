/**
 * Ids the exports do not carry. The credential report says a user has key 1 and key 2 but never their ids, so an
 * imported key gets a stable synthetic id: `AKIA`, 15 characters hashed from the user's ARN, then the slot digit
 * (`AKIA…1`, `AKIA…2`). The same export always gives the same ids. When CloudTrail shows the user's real key ids,
 * build-account.ts uses those instead.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 15 base-32 characters from a 64-bit FNV-1a hash of the text. */
function hash15(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let out = '';
  for (let i = 0; i < 15; i++) {
    out += ALPHABET[Number(h & 31n)];
    h >>= 5n;
    if (h === 0n) h = 0x9e3779b97f4a7c15n;
  }
  return out;
}

/** The synthetic access key id for slot 1 or 2 of the principal with this ARN. */
export const syntheticKeyId = (principalArn: string, slot: 1 | 2): string => `AKIA${hash15(principalArn)}${slot}`;
