/**
 * Reference statement matching (sheet §2): a statement matches when Action ∧ Resource ∧ Principal ∧ Condition hold.
 * Works on the raw JSON statement.
 */
import type { PolicyKind, RequestPrincipal } from '../../src/evaluator/types.js';
import type { RefContext } from './context.js';
import { globMatches, wildcardTokens } from './glob.js';
import { arnMatches } from './arn.js';
import { substitute, VARIABLES_VERSION } from './variables.js';
import { evaluateConditionBlock } from './conditions.js';

/** How strongly a resource-policy Principal names the caller (sheet §1.2). */
export type PrincipalGrant = 'exact' | 'role' | 'account';

/** The statements of a raw policy document: `Statement` as an object or an array. */
export function statementsOf(doc: unknown): Record<string, unknown>[] {
  if (doc === null || typeof doc !== 'object') return [];
  const s = (doc as Record<string, unknown>).Statement;
  const list = Array.isArray(s) ? s : [s];
  return list.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x));
}

/** Whether variables are live in this document (only under Version 2012-10-17, sheet §3.5). */
export function variablesEnabled(doc: unknown): boolean {
  return doc !== null && typeof doc === 'object' && (doc as Record<string, unknown>).Version === VARIABLES_VERSION;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** Does one Action pattern match the action? Case-insensitive; wildcards never cross the `service:` colon (§2.1). */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const [ps, pn, ...pRest] = pattern.split(':');
  const [vs, vn, ...vRest] = action.split(':');
  if (pRest.length > 0 || vRest.length > 0 || ps === undefined || pn === undefined || vs === undefined || vn === undefined) return false;
  if (pn.trim() === '' || ps.trim() === '') return false;
  return globMatches(wildcardTokens(ps), vs, true) && globMatches(wildcardTokens(pn), vn, true);
}

/** Does one Resource pattern match the resource? `*` matches everything; resource `*` is matched only by `*` (§2.2). */
export function resourceMatches(pattern: string, resource: string, ctx: RefContext, variables: boolean): boolean {
  if (pattern === '*') return true;
  if (resource === '*') return false;
  const tokens = substitute(pattern, ctx, variables, true);
  return tokens !== null && arnMatches(tokens, resource);
}

/** The identities a principal has, as Principal values could name them. */
function accountNames(accountId: string): string[] {
  return [accountId, `arn:aws:iam::${accountId}:root`];
}

/** How one Principal/NotPrincipal element names the caller: the strongest grant among its values, or null. */
export function principalGrant(element: unknown, p: RequestPrincipal): PrincipalGrant | null {
  if (element === '*') return 'exact';
  if (element === null || typeof element !== 'object') return null;
  const byType = element as Record<string, unknown>;
  let best: PrincipalGrant | null = null;
  const rank = (g: PrincipalGrant | null): number => (g === 'exact' ? 3 : g === 'role' ? 2 : g === 'account' ? 1 : 0);
  const offer = (g: PrincipalGrant | null): void => {
    if (rank(g) > rank(best)) best = g;
  };
  for (const name of asList(byType.AWS)) {
    if (name === '*') offer('exact');
    else if (p.kind !== 'service' && p.kind !== 'anonymous' && name === p.arn) offer(p.kind === 'root' ? 'account' : 'exact');
    else if (p.kind === 'role-session' && name === p.roleArn) offer('role');
    else if (p.kind === 'federated-user' && name === p.federatedUserOwnerArn) offer('role');
    else if (p.accountId !== '' && accountNames(p.accountId).includes(name)) offer('account');
  }
  for (const name of asList(byType.Service)) if (p.kind === 'service' && name === p.service) offer('exact');
  return best;
}

/**
 * Is the caller exempted by a NotPrincipal list? Every identity AWS checks must be listed: its own ARN, its account,
 * and for a role session the role ARN too (sheet §2.3: AWS may check the account and the role as well as the session).
 */
export function notPrincipalExempts(element: unknown, p: RequestPrincipal): boolean {
  if (element === '*') return true;
  if (element === null || typeof element !== 'object') return false;
  const names = asList((element as Record<string, unknown>).AWS);
  if (names.includes('*')) return true;
  const services = asList((element as Record<string, unknown>).Service);
  if (p.kind === 'service') return p.service !== undefined && services.includes(p.service);
  if (p.kind === 'anonymous') return false;
  const named = (n: string | undefined): boolean => n !== undefined && names.includes(n);
  const accountNamed = accountNames(p.accountId).some(named);
  switch (p.kind) {
    case 'root':
      return accountNamed;
    case 'user':
      return named(p.arn) && accountNamed;
    case 'role-session':
      return named(p.arn) && named(p.roleArn) && accountNamed;
    case 'federated-user':
      return named(p.arn) && accountNamed;
    default: {
      const never: never = p.kind;
      return never;
    }
  }
}

/** The outcome of one statement for one request. */
export interface StatementOutcome {
  readonly effect: 'Allow' | 'Deny';
  readonly matched: boolean;
  /** For statements with a Principal element: how it named the caller. */
  readonly grant: PrincipalGrant | null;
}

/** What evaluating a statement needs besides the statement. */
export interface StatementEnv {
  readonly kind: PolicyKind;
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly ctx: RefContext;
  readonly variables: boolean;
  /** A permissions boundary applies to the caller (the NotPrincipal surprise, sheet §2.3). */
  readonly hasBoundary: boolean;
}

/** Evaluates one raw statement. */
export function evaluateStatement(st: Record<string, unknown>, env: StatementEnv): StatementOutcome {
  const effect = st.Effect === 'Deny' ? 'Deny' : 'Allow';
  const actionOk = 'NotAction' in st
    ? !asList(st.NotAction).some((a) => actionMatches(a, env.action))
    : asList(st.Action).some((a) => actionMatches(a, env.action));
  const resourceOk = 'NotResource' in st
    ? !asList(st.NotResource).some((r) => resourceMatches(r, env.resource, env.ctx, env.variables))
    : !('Resource' in st) || asList(st.Resource).some((r) => resourceMatches(r, env.resource, env.ctx, env.variables));
  let grant: PrincipalGrant | null = null;
  let principalOk = true;
  if ('Principal' in st) {
    grant = principalGrant(st.Principal, env.principal);
    principalOk = grant !== null;
  } else if ('NotPrincipal' in st) {
    principalOk = env.hasBoundary || !notPrincipalExempts(st.NotPrincipal, env.principal);
    grant = principalOk ? 'exact' : null;
  }
  const matched = actionOk && resourceOk && principalOk && evaluateConditionBlock(st.Condition, env.ctx, env.variables);
  return { effect, matched, grant: matched ? grant : null };
}
