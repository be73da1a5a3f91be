/**
 * Policy documents in export files: an object (the CLI decodes them) or a string, URL-encoded as the raw IAM API
 * returns it (`%7B%22Version%22…`) or plain JSON text.
 */
import type { PolicyDocument } from '../evaluator/types.js';
import { err, ok, type Result } from '../result.js';

/** Decodes a policy document value; the error is a short reason for the caller to place in a message. */
export function decodePolicyDocument(value: unknown): Result<PolicyDocument, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return ok(value as PolicyDocument);
  if (typeof value !== 'string') return err(`a policy document must be an object or a string, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  let text = value.trim();
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return err('the policy document is neither JSON nor URL-encoded JSON');
    }
  }
  try {
    const doc: unknown = JSON.parse(text);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return err('the policy document is not a JSON object');
    return ok(doc as PolicyDocument);
  } catch (e) {
    return err(`the policy document is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
