/**
 * Practice 4: prefer AWS managed policies. A customer managed or inline policy whose grants equal an AWS managed
 * policy's, or are contained in one that adds little, should be replaced by it: AWS keeps its policies current as
 * services add actions. A stale copy (a custom policy that copied an AWS managed one and has fallen behind it) is
 * reported with the actions it is missing. Judged by meaning: candidates are pre-filtered by the services they name,
 * then compared exactly with the evaluator over the request universe of both documents (every real action class,
 * the policies' resources and condition boundaries). The suggestion swaps the AWS policy in and states exactly
 * which grants are gained and lost.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument } from '../../evaluator/types.js';
import { awsManagedPolicies, type AwsManagedPolicy } from '../../model/aws-managed.js';
import type { Account } from '../../model/types.js';
import { isAwsManagedArn } from '../../model/aws-managed.js';
import { defineCheck } from '../define-check.js';
import type { Fix, OperationCall, Report, ResourceRef } from '../types.js';
import { buildUniverse } from '../universe/build-universe.js';
import { actionsOf, allowedRequests, compareGrants, lostActionsWithin } from '../universe/compare-grants.js';
import { decideRaw } from '../universe/decide-raw.js';
import { PROBE_PRINCIPAL } from '../universe/grants-admin.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';
import { allowedServices, servicesMissing } from '../universe/service-set.js';
import { statementsOf, stringsOf } from '../universe/policy-facts.js';

type Msg = 'equalsAws' | 'containedInAws' | 'staleCopy' | 'nearAws' | 'swap';

/** Options of prefer-aws-managed-policies. */
export interface PreferAwsOptions extends Readonly<Record<string, unknown>> {
  /** Report containment only when the AWS policy adds at most this many actions. */
  readonly maxGainedActions: number;
  /** A contained custom policy covering at least this share of the AWS policy's actions is a stale copy of it. */
  readonly staleCoverage: number;
  /** Compare against at most this many candidates (fewest services first) per policy. */
  readonly maxCandidates: number;
  /** Skip a candidate whose universe with the policy is larger than this (many condition keys multiply contexts). */
  readonly maxUniverse: number;
  /** Also report an AWS policy that lacks at most this many of the custom policy's actions (the swap would lose them). */
  readonly maxLostActions: number;
}

interface Candidate {
  readonly policy: AwsManagedPolicy;
  readonly services: ReadonlySet<string> | null;
  /** How many real actions its Allow statements name; exact as its allowed-action count when it has no Deny. */
  readonly allowCount: number;
  readonly hasDeny: boolean;
}
let candidates: readonly Candidate[] | undefined;

/** Orders entities by name (names are unique within what is sorted). */
const byName = (a: { readonly name: string }, b: { readonly name: string }): number => (a.name < b.name ? -1 : 1);

/** A service-linked role's policy, which cannot be attached to users, groups or roles. */
// Stryker disable next-line MethodExpression: every service-role policy's path is exactly /aws-service-role/, so startsWith and endsWith agree
const isServiceRole = (p: AwsManagedPolicy): boolean => p.path.startsWith('/aws-service-role/');

/** AWS managed policies that can be attached to users, groups and roles, with their service sets (computed once). */
function awsCandidates(): readonly Candidate[] {
  candidates ??= awsManagedPolicies()
    .filter((p) => !isServiceRole(p))
    .map((p) => ({ policy: p, services: allowedServices(p.document, REAL_CATALOG), ...allowShape(p.document) }))
    .sort((a, b) => (a.services?.size ?? Infinity) - (b.services?.size ?? Infinity) || byName(a.policy, b.policy));
  return candidates;
}

/** The number of distinct real actions a document's Allow statements name (NotAction counts as everything), and whether it has a Deny. */
function allowShape(doc: PolicyDocument): { allowCount: number; hasDeny: boolean } {
  const actions = new Set<string>();
  let hasDeny = false;
  let all = false;
  for (const st of statementsOf(doc)) {
    if (st['Effect'] === 'Deny') { hasDeny = true; continue; }
    if (st['NotAction'] !== undefined) all = true;
    for (const p of stringsOf(st['Action'])) for (const a of REAL_CATALOG.expand(p)) actions.add(a);
  }
  return { allowCount: all ? REAL_CATALOG.all().length : actions.size, hasDeny };
}

const matches = new Map<string, AwsMatch | null>();

/** How a custom document relates to its best AWS managed match. */
export interface AwsMatch {
  readonly aws: AwsManagedPolicy;
  readonly gained: readonly string[];
  readonly lost: readonly string[];
  /** The AWS policy also allows the custom policy's actions on resources the custom one does not. */
  readonly widensResources: boolean;
  /** The share of the AWS policy's allowed actions the custom one allows. */
  readonly coverage: number;
}

/** The AWS managed policy that contains `doc` with the fewest gained actions, compared exactly; undefined when none does. */
export function bestAwsMatch(doc: PolicyDocument, maxCandidates: number, maxUniverse = 100_000, maxGained = Infinity, maxLost = 0): AwsMatch | undefined {
  const key = JSON.stringify([doc, maxCandidates, maxUniverse, maxGained, maxLost]);
  const hit = matches.get(key);
  // Stryker disable next-line ConditionalExpression: a memo hit returns what findBest computes again for the same key
  if (hit !== undefined) return hit ?? undefined;
  const m = findBest(doc, maxCandidates, maxUniverse, maxGained, maxLost);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the memo's size bound only decides when it is emptied, never an answer
  if (matches.size >= 2000) matches.clear();
  matches.set(key, m ?? null);
  return m;
}

/** How far a match is from an exact one: each gained action, ten per lost action, half for widening resources. */
const cost = (x: AwsMatch): number => x.gained.length + x.lost.length * 10 + (x.widensResources ? 0.5 : 0);

function findBest(doc: PolicyDocument, maxCandidates: number, maxUniverse: number, maxGained: number, maxLost: number): AwsMatch | undefined {
  const mine = allowedServices(doc, REAL_CATALOG);
  const mineCount = allowShape(doc).allowCount;
  // A Deny-free candidate allows every action it names, so it gains at least (its count - ours): skip those that
  // would gain more than any report could show (maxGained, or a stale copy's quarter of our size).
  const gainLimit = Math.max(maxGained, Math.ceil(mineCount / 4));
  // Stryker disable next-line ConditionalExpression: fast path: a document naming no real action allows nothing the comparison sees, so every candidate is skipped below
  if (mine !== null && mine.size === 0) return undefined;
  let best: AwsMatch | undefined;
  let tried = 0;
  const fixed = { 'aws:username': 'iamsim-probe', 'aws:PrincipalArn': PROBE_PRINCIPAL.arn };
  // Candidates naming all our services come first (only they can contain us); then near matches missing a service.
  const missAllowed = Math.min(maxLost, Math.floor(mineCount / 4));
  const ordered = awsCandidates()
    .map((c) => ({ c, missing: servicesMissing(mine, c.services) }))
    .filter((x) => x.missing <= missAllowed && (x.c.hasDeny || x.c.allowCount - mineCount <= gainLimit))
    .sort((x, y) => x.missing - y.missing);
  for (const { c } of ordered) {
    if (tried++ >= maxCandidates) break;
    const u = buildUniverse([doc, c.policy.document], REAL_CATALOG, { principal: PROBE_PRINCIPAL, fixed });
    const a: RawPolicySet = { identity: [doc] };
    const b: RawPolicySet = { identity: [c.policy.document] };
    if (u.size > maxUniverse) continue;
    // Containment first (it stops at the first counter-example); the full comparison only when it could be reported.
    // A near match keeps at least three quarters of what the custom policy allows.
    // With missAllowed 0 this is containment (it stops at the first counter-example).
    const lost = lostActionsWithin(u, a, b, decideRaw, missAllowed);
    if (lost === null) continue;
    const diff = compareGrants(u, a, b, decideRaw);
    const gainedReqs = diff.onlyB;
    const mineActions = new Set(actionsOf(u, allowedRequests(u, a, decideRaw)));
    // The probe principal is in another account, so grants on account-qualified ARNs (a queue, a table) allow nothing
    // here; a document that allows nothing the comparison can see matches no policy, rather than "equalling" every
    // candidate that also allows nothing here. The quarter is of what it allows here, not of what it names: a policy
    // naming many actions on such ARNs must not be "near" one that keeps none of what it does allow.
    if (mineActions.size === 0 || lost.length * 4 > mineActions.size) continue;
    const gained = actionsOf(u, gainedReqs).filter((x) => !mineActions.has(x));
    // Stryker disable next-line OptionalChaining,BooleanLiteral: r is a request of u, so its action class always exists
    const widensResources = gainedReqs.some((r) => u.actionClasses[r.actionClass]?.members.some((m) => mineActions.has(m)) ?? false);
    // At least three quarters of mineActions are kept, so the share's denominator is positive.
    const m: AwsMatch = { aws: c.policy, gained, lost, widensResources, coverage: (mineActions.size - lost.length) / (mineActions.size - lost.length + gained.length) };
    if (best === undefined || cost(m) < cost(best)) best = m;
    // Stryker disable next-line ConditionalExpression: fast path: no later candidate can cost less than 0, and a tie keeps the earlier one
    if (cost(m) === 0) break;
  }
  return best;
}

type HolderKind = 'user' | 'group' | 'role';

/** Attaching `awsArn` to a holder, unless it holds it already. */
function attachCall(kind: HolderKind, holder: { readonly name: string; readonly attachedPolicies: readonly string[] }, awsArn: string): OperationCall[] {
  const op = kind === 'user' ? 'AttachUserPolicy' : kind === 'group' ? 'AttachGroupPolicy' : 'AttachRolePolicy';
  const field = kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
  return holder.attachedPolicies.includes(awsArn) ? [] : [{ op, input: { [field]: holder.name, PolicyArn: awsArn } }];
}

/** Swapping an inline policy for `awsArn`: attach it to the holder, delete the inline one. */
function swapInline(holder: HolderKind, h: { readonly name: string; readonly attachedPolicies: readonly string[] }, policy: string, awsArn: string): Fix {
  const op = holder === 'user' ? 'DeleteUserPolicy' : holder === 'group' ? 'DeleteGroupPolicy' : 'DeleteRolePolicy';
  const field = holder === 'user' ? 'UserName' : holder === 'group' ? 'GroupName' : 'RoleName';
  return [...attachCall(holder, h, awsArn), { op, input: { [field]: h.name, PolicyName: policy } }];
}

/** Swapping a customer managed policy for `awsArn` wherever it is attached. */
function swapManaged(account: Account, arn: string, awsArn: string): Fix {
  const calls: OperationCall[] = [];
  for (const [kind, map] of [['user', account.users], ['group', account.groups], ['role', account.roles]] as const) {
    for (const p of Object.values(map).sort(byName)) {
      if (!p.attachedPolicies.includes(arn)) continue;
      calls.push(...attachCall(kind, p, awsArn));
      const op = kind === 'user' ? 'DetachUserPolicy' : kind === 'group' ? 'DetachGroupPolicy' : 'DetachRolePolicy';
      const field = kind === 'user' ? 'UserName' : kind === 'group' ? 'GroupName' : 'RoleName';
      calls.push({ op, input: { [field]: p.name, PolicyArn: arn } });
    }
  }
  return calls;
}

const examples = (xs: readonly string[], n = 5): string => (xs.length === 0 ? 'none' : xs.length <= n ? xs.join(', ') : `${xs.slice(0, n).join(', ')} and ${xs.length - n} more`);

/** The check. */
export default defineCheck({
  meta: {
    id: 'prefer-aws-managed-policies',
    practice: 4,
    title: 'Custom policies that duplicate AWS managed policies use them instead',
    severity: 'low',
    rationale:
      'AWS managed policies are maintained by AWS: when a service adds actions, the job-function and service policies follow. ' +
      'A custom copy of one is a maintenance burden that silently falls behind; a custom policy that grants the same thing is a name nobody recognises.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-use-aws-defined-policies',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html',
      'AWS Well-Architected SEC03-BP02 Grant least privilege access',
    ],
    remediation: 'suggest',
    messages: {
      equalsAws: '{{policy}} grants exactly what the AWS managed policy {{aws}} grants',
      containedInAws: '{{policy}} is contained in the AWS managed policy {{aws}}, which would add {{gained}} action(s){{scope}}: {{gainedExamples}}',
      staleCopy: '{{policy}} looks like a copy of the AWS managed policy {{aws}} ({{coverage}}% of its actions) that has fallen behind: it lacks {{gained}} action(s): {{gainedExamples}}',
      nearAws: '{{policy}} is the AWS managed policy {{aws}} but for {{lostCount}} action(s) it adds and {{gained}} it lacks: swapping loses {{lost}} and gains {{gainedExamples}}',
      swap: 'Use {{aws}} instead of {{policy}}: gains {{gained}} action(s){{scope}} ({{gainedExamples}}), loses {{lost}}',
    },
    options: {
      type: 'object',
      properties: { maxGainedActions: { type: 'integer', minimum: 0 }, staleCoverage: { type: 'number', minimum: 0, maximum: 1 }, maxCandidates: { type: 'integer', minimum: 1 }, maxUniverse: { type: 'integer', minimum: 1 }, maxLostActions: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
    },
    defaults: { maxGainedActions: 20, staleCoverage: 0.8, maxCandidates: 40, maxUniverse: 100_000, maxLostActions: 2 } as PreferAwsOptions,
  },
  detect({ account, options }) {
    const out: Report<Msg>[] = [];
    const judge = (doc: PolicyDocument, label: string, resource: ResourceRef, fix: (awsArn: string) => Fix): void => {
      const m = bestAwsMatch(doc, options.maxCandidates, options.maxUniverse, options.maxGainedActions, options.maxLostActions);
      if (m === undefined) return;
      const equal = m.gained.length === 0 && m.lost.length === 0 && !m.widensResources;
      const near = m.lost.length > 0;
      const stale = !equal && !near && m.coverage >= options.staleCoverage && m.gained.length > 0;
      if (!equal && !stale && m.gained.length > options.maxGainedActions) return;
      const data = {
        policy: label,
        aws: m.aws.name,
        gained: m.gained.length,
        gainedExamples: examples(m.gained),
        lost: m.lost.length === 0 ? 'nothing' : `${m.lost.length} action(s): ${examples(m.lost)}`,
        lostCount: m.lost.length,
        scope: m.widensResources ? ', and its actions on every resource' : '',
        coverage: Math.round(m.coverage * 100),
      };
      out.push({
        messageId: equal ? 'equalsAws' : near ? 'nearAws' : stale ? 'staleCopy' : 'containedInAws',
        data,
        resource,
        // Every custom policy judged is held somewhere (unattached ones are skipped), so the swap always has operations.
        suggestions: [{ messageId: 'swap' as const, data, fix: fix(m.aws.arn) }],
      });
    };
    const attached = new Set([...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)].flatMap((h) => h.attachedPolicies));
    for (const p of Object.values(account.policies).sort(byName)) {
      // An import can carry a retired AWS managed policy the catalog lacks: it is AWS's, not a customer's to review or swap.
      if (isAwsManagedArn(p.arn)) continue;
      const v = p.versions.find((x) => x.id === p.defaultVersion);
      // An unattached policy grants nothing to anyone; once swapped out, a copy is left for a person to delete.
      if (v === undefined || !attached.has(p.arn)) continue;
      judge(v.document, p.name, { kind: 'policy', arn: p.arn, name: p.name }, (aws) => swapManaged(account, p.arn, aws));
    }
    for (const [holder, map] of [['user', account.users], ['group', account.groups], ['role', account.roles]] as const) {
      for (const h of Object.values(map).sort(byName)) {
        for (const [name, doc] of Object.entries(h.inlinePolicies)) {
          judge(doc, `inline ${name} of ${holder} ${h.name}`, { kind: holder, arn: h.arn, name: h.name }, (aws) => swapInline(holder, h, name, aws));
        }
      }
    }
    return out;
  },
});
