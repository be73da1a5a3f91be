/**
 * The bridge to the evaluator's policy parser. Until `compilePolicy` lands in src/evaluator/index.ts this performs
 * the structural checks IAM itself performs first (Version, Statement, Effect, Action/NotAction, Resource/NotResource,
 * Principal where required or forbidden).
 */
import type { PolicyDocument, PolicyKind, PolicyProblem } from '../../../evaluator/types.js';

const problem = (code: string, message: string, path: string, hint?: string): PolicyProblem => ({
  code,
  severity: 'error',
  message,
  path,
  ...(hint !== undefined ? { hint } : {}),
});

/** The problems IAM would report for a document of this kind; empty when it is acceptable. */
export function checkPolicyDocument(doc: PolicyDocument, kind: PolicyKind): readonly PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const version = doc['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    out.push(problem('version', `The policy Version ${JSON.stringify(version)} is not supported.`, '/Version', 'use "2012-10-17"'));
  }
  const st = doc['Statement'];
  if (st === undefined) return [...out, problem('missing-statement', 'Missing required field Statement.', '/Statement')];
  const list: readonly unknown[] = Array.isArray(st) ? st : [st];
  if (list.length === 0) out.push(problem('empty-statement', 'The policy must contain at least one statement.', '/Statement'));
  list.forEach((s, i) => {
    const p = Array.isArray(st) ? `/Statement/${i}` : '/Statement';
    if (s === null || typeof s !== 'object' || Array.isArray(s)) {
      out.push(problem('statement-type', 'A statement must be an object.', p));
      return;
    }
    const o = s as Record<string, unknown>;
    if (o['Effect'] !== 'Allow' && o['Effect'] !== 'Deny') out.push(problem('effect', 'Effect must be "Allow" or "Deny".', `${p}/Effect`));
    if ((o['Action'] === undefined) === (o['NotAction'] === undefined)) out.push(problem('action', 'A statement needs exactly one of Action or NotAction.', `${p}/Action`));
    const needsResource = kind !== 'trust';
    if (needsResource && o['Resource'] === undefined && o['NotResource'] === undefined) out.push(problem('resource', 'A statement needs Resource or NotResource.', `${p}/Resource`));
    const hasPrincipal = o['Principal'] !== undefined || o['NotPrincipal'] !== undefined;
    const principalAllowed = kind === 'resource' || kind === 'trust';
    if (principalAllowed && !hasPrincipal) out.push(problem('principal-missing', 'Missing required field Principal.', `${p}/Principal`));
    if (!principalAllowed && hasPrincipal && kind !== 'rcp') out.push(problem('principal-forbidden', `Policy of kind ${kind} must not contain Principal.`, `${p}/Principal`));
  });
  return out;
}
