/**
 * Policy documents in operation inputs: parsed from a JSON string when given as one, checked with the evaluator's
 * parser (MalformedPolicyDocument with its problems), and measured the way IAM's quotas count (whitespace excluded).
 */
import type { PolicyDocument, PolicyKind, PolicyProblem } from '../../../evaluator/types.js';
import { iamError, type IamError } from '../../errors.js';
import type { Result } from '../../../result.js';
import { checkPolicyDocument } from './check-policy.js';
import { policySize as evaluatorPolicySize } from '../../../evaluator/index.js';

/** A document as given in an input: an object, or a JSON string. */
export type PolicyDocumentInput = Readonly<Record<string, unknown>> | string;

/** Turns an input document into an object, or MalformedPolicyDocument when the string is not a JSON object. */
export function parseDocumentInput(doc: PolicyDocumentInput, path: string): Result<PolicyDocument, IamError> {
  if (typeof doc !== 'string') return { ok: true, value: doc };
  try {
    const v: unknown = JSON.parse(doc);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      return { ok: false, error: iamError('MalformedPolicyDocument', 'The policy document must be a JSON object.', { path }) };
    }
    return { ok: true, value: v as PolicyDocument };
  } catch (e) {
    return {
      ok: false,
      error: iamError('MalformedPolicyDocument', `Syntax errors in policy: ${e instanceof Error ? e.message : String(e)}`, {
        path,
        hint: 'write the document as a YAML/JSON object instead of a string',
      }),
    };
  }
}

/** IAM's size measure: characters of the compact JSON, whitespace not counted (the evaluator's policySize). */
export const policySize = (doc: PolicyDocument): number => evaluatorPolicySize(doc, 'chars');

/**
 * Parses (if needed) and checks a document for a policy kind. Errors become MalformedPolicyDocument with every
 * problem of severity 'error'; warnings are ignored here.
 */
export function checkDocument(doc: PolicyDocumentInput, kind: PolicyKind, path: string, opts: { readonly requireVersion2012?: boolean } = {}): Result<PolicyDocument, IamError> {
  const parsed = parseDocumentInput(doc, path);
  if (!parsed.ok) return parsed;
  const problems: readonly PolicyProblem[] = checkPolicyDocument(parsed.value, kind, opts).filter((p) => p.severity === 'error');
  if (problems.length === 0) return parsed;
  const first = problems[0]!;
  return {
    ok: false,
    error: iamError('MalformedPolicyDocument', `Syntax errors in policy. ${first.message}`, { path: `${path}${first.path}`, problems, ...(first.hint !== undefined ? { hint: first.hint } : {}) }),
  };
}

/** Convenience for recipes: the document as an object (inputs were validated before the recipe runs). */
export function documentOf(doc: PolicyDocumentInput): PolicyDocument {
  return typeof doc === 'string' ? (JSON.parse(doc) as PolicyDocument) : doc;
}
