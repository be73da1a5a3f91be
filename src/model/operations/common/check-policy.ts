/** The bridge to the evaluator's policy parser: the problems IAM would report for a document of a kind. */
import { compilePolicy } from '../../../evaluator/index.js';
import type { PolicyDocument, PolicyKind, PolicyProblem } from '../../../evaluator/types.js';

/**
 * The problems (errors and warnings) `compilePolicy` reports; empty when it compiles cleanly. Sizes are not checked
 * here: operations check them themselves, as IAM reports an over-size document as LimitExceeded.
 */
export function checkPolicyDocument(doc: PolicyDocument, kind: PolicyKind, opts: { readonly requireVersion2012?: boolean } = {}): readonly PolicyProblem[] {
  const r = compilePolicy(doc, { id: 'input', kind, sizeLimit: null, ...(opts.requireVersion2012 === true ? { requireVersion2012: true } : {}) });
  return r.ok ? [] : r.error;
}
