/**
 * Structural privilege tests used by identity checks: does a principal hold an administrator-style grant
 * (Allow of `*` or `iam:*` on `*` with no condition) through its own or its groups' policies.
 */
import type { PolicyDocument } from '../../evaluator/types.js';
import { policyDocument } from '../../model/lookup.js';
import type { Account, PrincipalBase, User } from '../../model/types.js';

/** A JSON value as a list (a missing value is a list of one `undefined`, which every caller skips). */
const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : [v]);

/** Whether a document has an unconditional Allow of one of `actions` on resource `*`. */
export function grantsAny(doc: PolicyDocument | undefined, actions: readonly string[]): boolean {
  if (doc === undefined) return false;
  for (const s of asArray(doc['Statement'])) {
    if (s === null || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Allow' || st['Condition'] !== undefined) continue;
    const acts = asArray(st['Action']).map((x) => String(x).toLowerCase());
    const res = asArray(st['Resource']).map(String);
    if (res.includes('*') && acts.some((x) => actions.includes(x))) return true;
  }
  return false;
}

/** Every policy document that applies to a principal: inline and attached managed (customer or AWS). */
export function documentsOf(a: Account, p: PrincipalBase): PolicyDocument[] {
  const docs: PolicyDocument[] = Object.values(p.inlinePolicies);
  for (const arn of p.attachedPolicies) {
    const d = policyDocument(a, arn);
    if (d !== undefined) docs.push(d);
  }
  return docs;
}

/** Every document that applies to a user, through the user and its groups. */
export function userDocuments(a: Account, u: User): PolicyDocument[] {
  const docs = documentsOf(a, u);
  for (const g of u.groups) {
    const group = Object.hasOwn(a.groups, g) ? a.groups[g] : undefined;
    if (group !== undefined) docs.push(...documentsOf(a, group));
  }
  return docs;
}

const ADMIN_ACTIONS = ['*', '*:*'];
const PRIVILEGED_ACTIONS = ['*', '*:*', 'iam:*'];

/**
 * What one document grants, memoised per document object: catalog, customer-version and inline documents are
 * immutable and shared, so a 100,000-user audit scans AWS's large managed documents once, not once per user.
 */
const grantCache = new WeakMap<PolicyDocument, { readonly admin: boolean; readonly privileged: boolean }>();
function grantsOf(d: PolicyDocument): { readonly admin: boolean; readonly privileged: boolean } {
  let g = grantCache.get(d);
  // Stryker disable next-line ConditionalExpression: a memo; scanning the document again gives the same grants.
  if (g === undefined) {
    g = { admin: grantsAny(d, ADMIN_ACTIONS), privileged: grantsAny(d, PRIVILEGED_ACTIONS) };
    grantCache.set(d, g);
  }
  return g;
}

/** A full administrator: `*` on `*`. */
export const isAdminDocs = (docs: readonly PolicyDocument[]): boolean => docs.some((d) => grantsOf(d).admin);

/** Privileged: administrator, or full IAM (which can grant itself anything). */
export const isPrivilegedDocs = (docs: readonly PolicyDocument[]): boolean => docs.some((d) => grantsOf(d).privileged);

/** Whether a user is privileged (admin or full IAM) through any of its policies. */
export const isPrivilegedUser = (a: Account, u: User): boolean => isPrivilegedDocs(userDocuments(a, u));
