/**
 * A user's or role's policies as raw documents, with the request principal and the principal-fixed context keys
 * the universe needs. Identity policies come from the principal itself and, for users, from its groups; the
 * permissions boundary and the organization's SCP levels are included. Resource-based policies are not: the
 * universe compares what a principal's own policies grant.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { ContextValue, PolicyDocument, RequestPrincipal } from '../../evaluator/types.js';
import { groupByName, policyDocument } from '../../model/lookup.js';
import type { Account, PrincipalBase, Role, User } from '../../model/types.js';

/** Which principal: a user or a role, by name. */
export type PrincipalKey = { readonly kind: 'user'; readonly name: string } | { readonly kind: 'role'; readonly name: string };

/** Where an identity document comes from: the principal's own inline or attached policy, or one of its group's. */
export type PolicySourceRef =
  | { readonly kind: 'inline'; readonly name: string }
  | { readonly kind: 'attached'; readonly arn: string }
  | { readonly kind: 'group-inline'; readonly group: string; readonly name: string }
  | { readonly kind: 'group-attached'; readonly group: string; readonly arn: string };

/** Everything the universe and the evaluator need about one principal. */
export interface PrincipalPolicies {
  readonly key: PrincipalKey;
  /** The user's or role's ARN. */
  readonly arn: string;
  readonly principal: RequestPrincipal;
  readonly fixed: Readonly<Record<string, ContextValue>>;
  readonly set: RawPolicySet;
  /** Where each document of `set.identity` comes from, index for index. */
  readonly sources: readonly PolicySourceRef[];
  /** Every document in `set`, for building the universe. */
  readonly documents: readonly PolicyDocument[];
}

/** The documents a principal holds directly: inline ones, then attached managed ones (unknown ARNs are skipped). */
export function ownDocuments(account: Account, p: PrincipalBase): readonly PolicyDocument[] {
  return ownSources(account, p).map((x) => x.doc);
}

/** The principal's own documents with their sources, in `ownDocuments` order. */
export function ownSources(account: Account, p: PrincipalBase, group?: string): readonly { readonly doc: PolicyDocument; readonly source: PolicySourceRef }[] {
  const out: { doc: PolicyDocument; source: PolicySourceRef }[] = Object.entries(p.inlinePolicies).map(([name, doc]) => ({
    doc,
    source: group === undefined ? { kind: 'inline', name } : { kind: 'group-inline', group, name },
  }));
  for (const arn of p.attachedPolicies) {
    const d = policyDocument(account, arn);
    if (d !== undefined) out.push({ doc: d, source: group === undefined ? { kind: 'attached', arn } : { kind: 'group-attached', group, arn } });
  }
  return out;
}

function scpLevels(account: Account, exempt: boolean): readonly (readonly PolicyDocument[])[] | undefined {
  const org = account.organization;
  if (org === null || exempt || org.managementAccountId === account.id) return undefined;
  return org.levels.map((l) => l.scps.map((id) => org.policies[id]?.document).filter((d): d is PolicyDocument => d !== undefined));
}

function tagContext(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
}

/** The policies of a user, as the evaluator sees a request signed with the user's long-term credentials. */
export function userPolicies(account: Account, user: User): PrincipalPolicies {
  const own = [...ownSources(account, user)];
  for (const g of user.groups) {
    const group = groupByName(account, g);
    if (group !== undefined) own.push(...ownSources(account, group, g));
  }
  const identity = own.map((x) => x.doc);
  const boundary = user.boundary === null ? undefined : policyDocument(account, user.boundary);
  const scp = scpLevels(account, false);
  const set: RawPolicySet = { identity, ...(boundary ? { boundary } : {}), ...(scp ? { scp } : {}) };
  return {
    key: { kind: 'user', name: user.name },
    arn: user.arn,
    principal: { kind: 'user', arn: user.arn, accountId: account.id },
    fixed: {
      'aws:username': user.name,
      'aws:userid': user.id,
      'aws:PrincipalArn': user.arn,
      'aws:PrincipalAccount': account.id,
      'aws:PrincipalType': 'User',
      ...tagContext(user.tags),
    },
    set,
    sources: own.map((x) => x.source),
    documents: [...identity, ...(boundary ? [boundary] : []), ...(scp ?? []).flat()],
  };
}

/** The policies of a role, as the evaluator sees a session of it (no session policy). */
export function rolePolicies(account: Account, role: Role, sessionName = 'iamsim'): PrincipalPolicies {
  const own = ownSources(account, role);
  const identity = own.map((x) => x.doc);
  const boundary = role.boundary === null ? undefined : policyDocument(account, role.boundary);
  const scp = scpLevels(account, role.serviceLinked === true);
  const set: RawPolicySet = { identity, ...(boundary ? { boundary } : {}), ...(scp ? { scp } : {}) };
  return {
    key: { kind: 'role', name: role.name },
    arn: role.arn,
    principal: {
      kind: 'role-session',
      arn: `arn:aws:sts::${account.id}:assumed-role/${role.name}/${sessionName}`,
      accountId: account.id,
      roleArn: role.arn,
      ...(role.serviceLinked ? { serviceLinkedRole: true } : {}),
    },
    fixed: {
      'aws:userid': `${role.id}:${sessionName}`,
      'aws:PrincipalArn': role.arn,
      'aws:PrincipalAccount': account.id,
      'aws:PrincipalType': 'AssumedRole',
      ...tagContext(role.tags),
    },
    set,
    sources: own.map((x) => x.source),
    documents: [...identity, ...(boundary ? [boundary] : []), ...(scp ?? []).flat()],
  };
}

/** The policies of a user or role by key; undefined when it does not exist. */
export function principalPolicies(account: Account, key: PrincipalKey): PrincipalPolicies | undefined {
  if (key.kind === 'user') {
    const u = Object.hasOwn(account.users, key.name) ? account.users[key.name] : undefined;
    return u === undefined ? undefined : userPolicies(account, u);
  }
  const r = Object.hasOwn(account.roles, key.name) ? account.roles[key.name] : undefined;
  return r === undefined ? undefined : rolePolicies(account, r);
}
