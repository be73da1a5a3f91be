/**
 * Turns gathered policies into the evaluator's PolicySet. Compilation is memoised by document identity
 * (compileCached), and the account's documents are frozen and shared between account versions, so after the first
 * request this is a handful of WeakMap hits. Stored documents are not size-checked again (AWS managed policies exceed
 * the customer limits, and the account validated the rest when they were put).
 */
import { compileCached } from '../evaluator/compile-cache.js';
import type { CompiledPolicy, PolicyProblem, PolicySet } from '../evaluator/types.js';
import { principalPolicies, resourcePolicies, type GatheredPolicies, type GatheredPolicy, type PolicySubject } from './policies-for.js';
import type { Account } from './types.js';

/** A gathered policy that failed to compile: it is left out of the set and reported. */
export interface SkippedPolicy {
  readonly policy: GatheredPolicy;
  readonly problems: readonly PolicyProblem[];
}

/** The compiled set and the policies that could not be compiled. */
export interface CompiledPolicySet {
  readonly set: PolicySet;
  readonly skipped: readonly SkippedPolicy[];
}

function compileOne(p: GatheredPolicy, skipped: SkippedPolicy[]): CompiledPolicy | null {
  const r = compileCached(p.document, { id: p.id, kind: p.kind, sizeLimit: null });
  if (r.ok) return r.value;
  const errors = r.error.filter((x) => x.severity === 'error');
  skipped.push({ policy: p, problems: errors.length > 0 ? errors : r.error });
  return null;
}

function compileList(list: readonly GatheredPolicy[], skipped: SkippedPolicy[]): CompiledPolicy[] {
  const out: CompiledPolicy[] = [];
  for (const p of list) {
    const c = compileOne(p, skipped);
    if (c !== null) out.push(c);
  }
  return out;
}

/**
 * A boundary that fails to compile must still bound: it is replaced by a policy without statements (it allows
 * nothing) rather than dropped, which would widen access.
 */
function allowsNothing(p: GatheredPolicy): CompiledPolicy {
  return { id: p.id, kind: p.kind, version: '2012-10-17', document: p.document, statements: [], warnings: [] };
}

/** Compiles every gathered policy into a PolicySet; documents that fail to compile are skipped and reported. */
export function compilePolicySet(g: GatheredPolicies): CompiledPolicySet {
  const skipped: SkippedPolicy[] = [];
  const set: { -readonly [K in keyof PolicySet]: PolicySet[K] } = { identity: compileList(g.identity, skipped) };
  if (g.resource !== null) set.resource = compileOne(g.resource, skipped);
  if (g.resourceMustAllow) set.resourceMustAllow = true;
  if (g.boundary !== null) set.boundary = compileOne(g.boundary, skipped) ?? allowsNothing(g.boundary);
  if (g.session !== null) set.session = compileList(g.session, skipped);
  if (g.scp !== null) set.scp = g.scp.map((level) => compileList(level, skipped));
  if (g.rcp !== null) set.rcp = g.rcp.map((level) => compileList(level, skipped));
  return { set, skipped };
}

/** The compiled principal side of a policy set, cached per entity object and checked against what it depends on. */
interface PrincipalEntry {
  readonly deps: readonly unknown[];
  readonly set: Pick<PolicySet, 'identity' | 'boundary' | 'session' | 'scp'>;
  readonly skipped: readonly SkippedPolicy[];
  /** The answer when no resource policy or RCP adds to the principal side, shared by every such request. */
  readonly alone: CompiledPolicySet;
}

const principalCache = new WeakMap<object, PrincipalEntry>();
const rcpCache = new WeakMap<object, { readonly levels: readonly (readonly CompiledPolicy[])[]; readonly skipped: readonly SkippedPolicy[] }>();

/** The entity a subject's policies hang off. */
function cacheKey(account: Account, subject: PolicySubject): object {
  switch (subject.kind) {
    case 'user':
      return subject.user;
    case 'root':
      return account.root;
    case 'session':
      return subject.session;
    case 'role':
      return subject.role;
    default: {
      const never: never = subject;
      throw new Error(`unknown subject ${JSON.stringify(never)}`);
    }
  }
}

/** The account records a subject's policies are looked up in (compared by reference on every request). */
function dependencies(account: Account, subject: PolicySubject): unknown[] {
  switch (subject.kind) {
    case 'user':
      return [account.groups, account.policies, account.organization, account.id];
    case 'root':
      return [account.organization, account.id];
    case 'session':
      return [subject.role, account.policies, account.organization, account.id];
    case 'role':
      return [account.policies, account.organization, account.id];
    default: {
      const never: never = subject;
      throw new Error(`unknown subject ${JSON.stringify(never)}`);
    }
  }
}

/** Whether the records an entry was gathered from are still the account's (dependencies() without the allocation). */
function depsHold(deps: readonly unknown[], account: Account, subject: PolicySubject): boolean {
  switch (subject.kind) {
    case 'user':
      return deps[0] === account.groups && deps[1] === account.policies && deps[2] === account.organization && deps[3] === account.id;
    case 'root':
      return deps[0] === account.organization && deps[1] === account.id;
    case 'session':
      return deps[0] === subject.role && deps[1] === account.policies && deps[2] === account.organization && deps[3] === account.id;
    case 'role':
      return deps[0] === account.policies && deps[1] === account.organization && deps[2] === account.id;
    default: {
      const never: never = subject;
      throw new Error(`unknown subject ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The compiled PolicySet for a subject calling `action` on `resource`. The principal side (identity, boundary,
 * session, SCP levels) is cached per frozen entity object (user, role session, role, root) and reused while the
 * records it was gathered from (groups, policies, organization) are the same objects; RCP levels are cached per
 * organization. Account records are replaced, never mutated, so reference checks are enough. A request that no
 * resource policy or RCP applies to gets the cached set itself (the result is read-only).
 */
export function policySetFor(account: Account, subject: PolicySubject, action: string, resource: string, resourceAccount?: string): CompiledPolicySet {
  const key = cacheKey(account, subject);
  let entry = principalCache.get(key);
  if (entry === undefined || !depsHold(entry.deps, account, subject)) {
    const p = principalPolicies(account, subject);
    const { set, skipped } = compilePolicySet({ ...p, resource: null, resourceMustAllow: false, rcp: null });
    const { identity, boundary, session, scp } = set;
    const principalSet = { identity, ...(boundary !== undefined ? { boundary } : {}), ...(session !== undefined ? { session } : {}), ...(scp !== undefined ? { scp } : {}) };
    entry = { deps: dependencies(account, subject), set: principalSet, skipped, alone: { set: principalSet, skipped } };
    principalCache.set(key, entry);
  }
  const r = resourcePolicies(account, subject, action, resource, resourceAccount);
  if (r.resource === null && !r.resourceMustAllow && r.rcp === null) return entry.alone;
  const skipped: SkippedPolicy[] = [...entry.skipped];
  const out: { -readonly [K in keyof PolicySet]: PolicySet[K] } = { ...entry.set };
  if (r.resource !== null) out.resource = compileOne(r.resource, skipped);
  if (r.resourceMustAllow) out.resourceMustAllow = true;
  if (r.rcp !== null) {
    const org = account.organization!;
    let rc = rcpCache.get(org);
    if (rc === undefined) {
      const s: SkippedPolicy[] = [];
      rc = { levels: r.rcp.map((level) => compileList(level, s)), skipped: s };
      rcpCache.set(org, rc);
    }
    out.rcp = rc.levels;
    skipped.push(...rc.skipped);
  }
  return { set: out, skipped };
}
