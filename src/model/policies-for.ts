/**
 * Gathers every policy that applies to a request, with where each one came from (aws-iam-semantics.md §1.1):
 * identity (the user's inline and attached policies, then each group's; or the role's), the permissions boundary,
 * session policies, the resource-based policy (an S3 object uses its bucket's; sts:AssumeRole uses the trust policy),
 * and SCP/RCP levels from the organization. Raw documents here; compilation is in compile-policy-set.ts.
 */
import type { PolicyDocument, PolicyKind } from '../evaluator/types.js';
import { rcpSupportedService, serviceOf } from './action-catalog.js';
import { managedPolicy } from './lookup.js';
import { resourceAccountOf, resourcePolicyArn, type Caller } from './request-context.js';
import type { Account, Group, Organization, Role, User } from './types.js';

/** Where a gathered policy came from. */
export type PolicySource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'boundary' }
  | { readonly kind: 'session'; readonly sessionId: string }
  | { readonly kind: 'resource'; readonly arn: string }
  | { readonly kind: 'trust'; readonly role: string }
  | { readonly kind: 'scp'; readonly level: string; readonly levelIndex: number }
  | { readonly kind: 'rcp'; readonly level: string; readonly levelIndex: number };

/** How a gathered policy is stored. `implicit` is RCPFullAWSAccess/FullAWSAccess, which AWS attaches by itself. */
export type PolicyStorage = 'inline' | 'aws-managed' | 'customer-managed' | 'org' | 'implicit' | 'resource';

/** One policy that applies, with its provenance. */
export interface GatheredPolicy {
  /** Unique within a request; the evaluator's policy id (shows in StatementRefs). */
  readonly id: string;
  readonly kind: PolicyKind;
  readonly name: string;
  /** Managed policy ARN, org policy id, or resource ARN; null for inline policies. */
  readonly ref: string | null;
  readonly storage: PolicyStorage;
  readonly source: PolicySource;
  readonly document: PolicyDocument;
}

/** The policies that apply to one request, raw, shaped like the evaluator's PolicySet. */
export interface GatheredPolicies {
  readonly identity: readonly GatheredPolicy[];
  readonly boundary: GatheredPolicy | null;
  /** Null when the session has no session policy (then the session policy step does not apply). */
  readonly session: readonly GatheredPolicy[] | null;
  readonly resource: GatheredPolicy | null;
  readonly resourceMustAllow: boolean;
  /** Null when SCPs do not apply (no organization, management account, service-linked role). */
  readonly scp: readonly (readonly GatheredPolicy[])[] | null;
  readonly rcp: readonly (readonly GatheredPolicy[])[] | null;
  /** Managed policy ARNs or org policy ids that are referenced but do not exist (skipped). */
  readonly missing: readonly string[];
}

/** The principal-dependent part (everything but the resource side). */
export type PrincipalPolicies = Pick<GatheredPolicies, 'identity' | 'boundary' | 'session' | 'scp' | 'missing'>;

/** The caller a policy gathering is for: a resolved request caller, or an entity named directly (queries). */
export type PolicySubject =
  | Caller
  | { readonly kind: 'role'; readonly role: Role };

/** Full access as AWS attaches it by default: FullAWSAccess (SCP) and RCPFullAWSAccess (RCP, cannot be detached). */
const FULL_ACCESS_SCP: PolicyDocument = Object.freeze({
  Version: '2012-10-17',
  Statement: Object.freeze([Object.freeze({ Effect: 'Allow', Action: '*', Resource: '*' })]),
});
const FULL_ACCESS_RCP: PolicyDocument = Object.freeze({
  Version: '2012-10-17',
  Statement: Object.freeze([Object.freeze({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })]),
});

const own = <T>(rec: Readonly<Record<string, T>>, k: string): T | undefined => (Object.hasOwn(rec, k) ? rec[k] : undefined);

function inlineOf(owner: string, entity: User | Group | Role, source: PolicySource, out: GatheredPolicy[]): void {
  for (const [name, document] of Object.entries(entity.inlinePolicies)) {
    out.push({ id: `${owner}/inline/${name}`, kind: 'identity', name, ref: null, storage: 'inline', source, document });
  }
}

function attachedOf(account: Account, arns: readonly string[], kind: PolicyKind, source: PolicySource, out: GatheredPolicy[], missing: string[]): void {
  for (const arn of arns) {
    const p = managedPolicy(account, arn);
    if (p === undefined) {
      missing.push(arn);
      continue;
    }
    out.push({ id: arn, kind, name: p.name, ref: arn, storage: p.awsManaged ? 'aws-managed' : 'customer-managed', source, document: p.document });
  }
}

function boundaryOf(account: Account, arn: string | null, missing: string[]): GatheredPolicy | null {
  if (arn === null) return null;
  const out: GatheredPolicy[] = [];
  attachedOf(account, [arn], 'boundary', { kind: 'boundary' }, out, missing);
  return out[0] ?? null;
}

/** Organization policy levels of one kind, root first; a level with none attached gets AWS's default full-access policy. */
function orgLevels(org: Organization, kind: 'scp' | 'rcp', missing: string[]): GatheredPolicy[][] {
  return org.levels.map((level, levelIndex) => {
    const source: PolicySource = { kind, level: level.id, levelIndex };
    const list: GatheredPolicy[] = [];
    for (const id of kind === 'scp' ? level.scps : level.rcps) {
      const p = own(org.policies, id);
      if (p === undefined) {
        missing.push(id);
        continue;
      }
      list.push({ id: `${kind}/${level.id}/${p.id}`, kind, name: p.name, ref: p.id, storage: 'org', source, document: p.document });
    }
    if (kind === 'rcp' || list.length === 0) {
      const name = kind === 'scp' ? 'FullAWSAccess' : 'RCPFullAWSAccess';
      if (!list.some((x) => x.name === name)) {
        list.push({ id: `${kind}/${level.id}/${name}`, kind, name, ref: null, storage: 'implicit', source, document: kind === 'scp' ? FULL_ACCESS_SCP : FULL_ACCESS_RCP });
      }
    }
    return list;
  });
}

/** True when the organization's SCPs/RCPs bind this account (a member account; not the management account). */
export function orgPoliciesApply(account: Account): boolean {
  return account.organization !== null && account.organization.managementAccountId !== account.id;
}

function serviceLinked(subject: PolicySubject): boolean {
  if (subject.kind === 'role') return subject.role.serviceLinked === true;
  return subject.kind === 'session' && subject.role.serviceLinked === true;
}

/**
 * The principal side: identity policies (user inline, user attached, then each group's inline and attached; or the
 * role's), boundary, session policies (inline plus policyArns), and SCP levels unless exempt (management account,
 * service-linked role [sheet §1.3]). Root has no identity policies or boundary, but SCPs bind a member account's root.
 */
export function principalPolicies(account: Account, subject: PolicySubject): PrincipalPolicies {
  const identity: GatheredPolicy[] = [];
  const missing: string[] = [];
  let boundary: GatheredPolicy | null = null;
  let session: GatheredPolicy[] | null = null;
  switch (subject.kind) {
    case 'user': {
      const u = subject.user;
      inlineOf(`user/${u.name}`, u, { kind: 'direct' }, identity);
      attachedOf(account, u.attachedPolicies, 'identity', { kind: 'direct' }, identity, missing);
      for (const gName of u.groups) {
        const g = own(account.groups, gName);
        if (g === undefined) {
          missing.push(`group/${gName}`);
          continue;
        }
        inlineOf(`group/${g.name}`, g, { kind: 'group', group: g.name }, identity);
        attachedOf(account, g.attachedPolicies, 'identity', { kind: 'group', group: g.name }, identity, missing);
      }
      boundary = boundaryOf(account, u.boundary, missing);
      break;
    }
    case 'root':
      break;
    case 'role':
    case 'session': {
      const r = subject.role;
      inlineOf(`role/${r.name}`, r, { kind: 'direct' }, identity);
      attachedOf(account, r.attachedPolicies, 'identity', { kind: 'direct' }, identity, missing);
      boundary = boundaryOf(account, r.boundary, missing);
      if (subject.kind === 'session') {
        const s = subject.session;
        if (s.policy !== null || s.policyArns.length > 0) {
          session = [];
          const src: PolicySource = { kind: 'session', sessionId: s.id };
          if (s.policy !== null) session.push({ id: `session/${s.id}/inline`, kind: 'session', name: 'inline session policy', ref: null, storage: 'inline', source: src, document: s.policy });
          attachedOf(account, s.policyArns, 'session', src, session, missing);
        }
      }
      break;
    }
    default: {
      const never: never = subject;
      throw new Error(`unknown subject ${JSON.stringify(never)}`);
    }
  }
  const scp = orgPoliciesApply(account) && !serviceLinked(subject) ? orgLevels(account.organization!, 'scp', missing) : null;
  return { identity, boundary, session, scp, missing };
}

/** True for a KMS key ARN: key policies must themselves allow [sheet §1.1 step 4]. */
const isKmsKey = (arn: string): boolean => /^arn:aws:kms:[^:]*:[^:]*:key\//.test(arn);

/**
 * The resource side: the resource-based policy (an S3 object uses its bucket's; a role ARN under sts:AssumeRole* uses
 * the trust policy, which must allow), and RCP levels when the resource is in this member account and its service
 * supports RCPs (service-linked roles are exempt).
 */
export function resourcePolicies(
  account: Account,
  subject: PolicySubject,
  action: string,
  resource: string,
  resourceAccount?: string,
): Pick<GatheredPolicies, 'resource' | 'resourceMustAllow' | 'rcp' | 'missing'> {
  const missing: string[] = [];
  let policy: GatheredPolicy | null = null;
  let mustAllow = false;
  const lowerAction = action.toLowerCase();
  const rolePrefix = `arn:${account.partition}:iam::${account.id}:role/`;
  if (lowerAction.startsWith('sts:assumerole') && resource.startsWith(rolePrefix)) {
    const name = resource.slice(resource.lastIndexOf('/') + 1);
    const role = own(account.roles, name);
    if (role !== undefined && role.arn === resource) {
      policy = { id: `trust/${role.name}`, kind: 'trust', name: `${role.name} trust policy`, ref: role.arn, storage: 'resource', source: { kind: 'trust', role: role.name }, document: role.trustPolicy };
    }
    mustAllow = true;
  } else {
    const arn = resourcePolicyArn(resource);
    const r = own(account.resources, arn);
    if (r !== undefined && r.policy !== null) {
      policy = { id: `resource/${arn}`, kind: 'resource', name: `${arn} policy`, ref: arn, storage: 'resource', source: { kind: 'resource', arn }, document: r.policy };
    }
    mustAllow = isKmsKey(arn);
  }
  const inThisAccount = resourceAccountOf(account, resource, resourceAccount) === account.id;
  const rcp = inThisAccount && orgPoliciesApply(account) && !serviceLinked(subject) && rcpSupportedService(serviceOf(action))
    ? orgLevels(account.organization!, 'rcp', missing)
    : null;
  return { resource: policy, resourceMustAllow: mustAllow, rcp, missing };
}

/** Every policy that applies to `subject` calling `action` on `resource`. */
export function gatherPolicies(account: Account, subject: PolicySubject, action: string, resource: string, resourceAccount?: string): GatheredPolicies {
  const p = principalPolicies(account, subject);
  const r = resourcePolicies(account, subject, action, resource, resourceAccount);
  return {
    identity: p.identity,
    boundary: p.boundary,
    session: p.session,
    resource: r.resource,
    resourceMustAllow: r.resourceMustAllow,
    scp: p.scp,
    rcp: r.rcp,
    missing: p.missing.length === 0 && r.missing.length === 0 ? [] : [...p.missing, ...r.missing],
  };
}
