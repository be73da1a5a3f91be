/** BinaryEquals values [sheet §3.3]: standard base-64 text, compared by the bytes it encodes. */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes strict base-64 (RFC 4648 alphabet, padded, no whitespace) to its bytes as a lowercase hex string, or null.
 * Comparing the hex of two values compares their bytes, so non-canonical padding bits do not matter.
 */
export function decodeBase64(s: string): string | null {
  if (!BASE64.test(s)) return null;
  return Buffer.from(s, 'base64').toString('hex');
}
