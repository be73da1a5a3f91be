/**
 * Principal / NotPrincipal matching for resource-based policies (sheet §2.3, §1.2). Principals are compared exactly
 * (no partial wildcards [D-2023 reference_policies_elements_principal.html]); `"*"` and `{"AWS":"*"}` mean everyone,
 * anonymous callers included; an account id or `arn:…:iam::A:root` names the account, which delegates to it.
 */
import type { RequestPrincipal } from '../types.js';

/** A compiled Principal / NotPrincipal element. */
export interface PrincipalSet {
  /** `"*"` or `{"AWS":"*"}`. */
  readonly any: boolean;
  /** Account ids named by id or by root ARN. */
  readonly accounts: readonly string[];
  /** User, role, role-session and federated-user ARNs, compared exactly (case-sensitive). */
  readonly arns: readonly string[];
  /** Service principals, lowercased. */
  readonly services: readonly string[];
  /** Federated identity providers (SAML provider ARNs, OIDC issuers), compared with the caller's ARN. */
  readonly federated: readonly string[];
  /** S3 canonical user ids, compared with the caller's ARN. */
  readonly canonicalUsers: readonly string[];
}

/**
 * How a resource-policy Principal names the caller, which decides how far the grant reaches (sheet §1.2):
 * `exact` (the caller's own ARN, `*`, or its service) is a full grant in the same account; `role` (the role of a session)
 * and `owner` (the IAM user behind a federated session) count like an identity Allow, still limited by a boundary or
 * session policy; `account` only delegates to the account's own policies; `none` does not name the caller.
 */
export type PrincipalGrant = 'none' | 'account' | 'role' | 'owner' | 'exact';

const ROOT_ARN = /^arn:[a-z0-9-]+:iam::(\d{12}):root$/;
const ACCOUNT_ID = /^\d{12}$/;

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Compiles a Principal / NotPrincipal value. Tolerant: validation (validate/principal.ts) reports bad entries. */
export function compilePrincipal(raw: unknown): PrincipalSet {
  let any = raw === '*';
  const accounts: string[] = [];
  const arns: string[] = [];
  const services: string[] = [];
  const federated: string[] = [];
  const canonicalUsers: string[] = [];
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    for (const aws of strings(obj['AWS'])) {
      if (aws === '*') any = true;
      else if (ACCOUNT_ID.test(aws)) accounts.push(aws);
      else {
        const root = ROOT_ARN.exec(aws);
        if (root) accounts.push(root[1]!);
        else arns.push(aws);
      }
    }
    for (const s of strings(obj['Service'])) services.push(s.toLowerCase());
    federated.push(...strings(obj['Federated']));
    canonicalUsers.push(...strings(obj['CanonicalUser']));
  }
  return { any, accounts, arns, services, federated, canonicalUsers };
}

/** The strongest way the element names the caller (see PrincipalGrant). */
export function principalGrant(set: PrincipalSet, p: RequestPrincipal): PrincipalGrant {
  if (set.any) return 'exact';
  // An identity provider or S3 canonical user is named by the caller's own ARN, whatever kind the caller was given.
  if (p.arn !== '' && (set.federated.includes(p.arn) || set.canonicalUsers.includes(p.arn))) return 'exact';
  switch (p.kind) {
    case 'service':
      return p.service !== undefined && set.services.includes(p.service.toLowerCase()) ? 'exact' : 'none';
    case 'anonymous':
      return 'none';
    case 'root':
    case 'user':
    case 'role-session':
    case 'federated-user': {
      let best: PrincipalGrant = 'none';
      if (set.arns.includes(p.arn)) return 'exact';
      if (p.kind === 'role-session' && p.roleArn !== undefined && set.arns.includes(p.roleArn)) best = 'role';
      if (p.kind === 'federated-user' && p.federatedUserOwnerArn !== undefined && set.arns.includes(p.federatedUserOwnerArn)) best = 'owner';
      if (best === 'none' && p.accountId !== '' && set.accounts.includes(p.accountId)) best = p.kind === 'root' ? 'exact' : 'account';
      return best;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed principal.
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

/** True when the value is a compiled PrincipalSet rather than a raw Principal element. */
function isPrincipalSet(v: unknown): v is PrincipalSet {
  return v !== null && typeof v === 'object' && typeof (v as { any?: unknown }).any === 'boolean' && Array.isArray((v as { arns?: unknown }).arns);
}

/**
 * True when a Principal element names the caller in any way (its own ARN, its role, its account, `*`, its service).
 * Takes a compiled PrincipalSet or a raw element as written in a policy (`"*"`, `{"AWS": …}`, …).
 */
export function matchPrincipal(principal: PrincipalSet | unknown, p: RequestPrincipal): boolean {
  return principalGrant(isPrincipalSet(principal) ? principal : compilePrincipal(principal), p) !== 'none';
}

/**
 * True when a NotPrincipal element applies to the caller, i.e. the caller is not fully exempted. AWS checks every
 * identity behind a request: a role session is exempt only if its session ARN, its role ARN and its account are all
 * listed; a user only if its ARN and its account are [D-2023 reference_policies_elements_notprincipal.html]. Anonymous
 * callers are exempt only through `*`.
 */
export function notPrincipalApplies(set: PrincipalSet, p: RequestPrincipal): boolean {
  if (set.any) return false;
  const accountListed = p.accountId !== '' && set.accounts.includes(p.accountId);
  switch (p.kind) {
    case 'anonymous':
      return true;
    case 'service':
      return !(p.service !== undefined && set.services.includes(p.service.toLowerCase()));
    case 'root':
      return !accountListed;
    case 'user':
    case 'federated-user':
      return !(accountListed && set.arns.includes(p.arn));
    case 'role-session':
      return !(accountListed && set.arns.includes(p.arn) && (p.roleArn === undefined || set.arns.includes(p.roleArn)));
    // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed principal.
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}
