/**
 * The least-privilege suggestion: replace some of a user's or role's own policies by one inline policy generated
 * from its activity, with the proof attached. Only the principal's own policies can be replaced (group policies are
 * shared with other members).
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { Account, Instant } from '../../model/types.js';
import type { Fix, OperationCall } from '../types.js';
import type { Decide } from '../universe/compare-grants.js';
import { principalPolicies, type PolicySourceRef, type PrincipalKey } from '../universe/principal-policies.js';
import type { ActionCatalog } from '../universe/types.js';
import { generateLeastPrivilege, type GeneratedPolicy } from './generate-policy.js';
import { loggedRequests } from './logged-requests.js';
import { proveReplacement, type ReplacementProof } from './prove-replacement.js';

/** A replacement: the generated policy, the fix that installs it, and the proof. */
export interface ReplacementPlan {
  readonly policyName: string;
  readonly generated: GeneratedPolicy;
  readonly fix: Fix;
  readonly proof: ReplacementProof;
  /** The replaced policies, as `inline NAME` or the managed policy's name. */
  readonly replaced: readonly string[];
}

/** The principal's own sources, the only ones a replacement may remove. */
type OwnSource = Extract<PolicySourceRef, { kind: 'inline' | 'attached' }>;

const label = (s: OwnSource): string => (s.kind === 'inline' ? `inline ${s.name}` : s.arn.slice(s.arn.lastIndexOf('/') + 1));

/** Plans the replacement of the principal's own policies selected by `replace`; null when none is selected. */
export function planReplacement(
  account: Account, key: PrincipalKey, replace: (s: PolicySourceRef) => boolean, from: Instant, now: Instant,
  decide: Decide<RawPolicySet>, catalog: ActionCatalog, baseName = 'least-privilege-from-activity',
): ReplacementPlan | null {
  const pp = principalPolicies(account, key);
  if (pp === undefined) return null;
  const replacedIdx = new Set<number>();
  const replacedSources: OwnSource[] = [];
  pp.sources.forEach((s, i) => {
    if ((s.kind === 'inline' || s.kind === 'attached') && replace(s)) { replacedIdx.add(i); replacedSources.push(s); }
  });
  if (replacedIdx.size === 0) return null;
  const logged = loggedRequests(account, pp, from, now);
  const generated = generateLeastPrivilege(pp.set, replacedIdx, logged);
  const statements = generated.document['Statement'] as readonly unknown[];
  const keptInline = new Set(pp.sources.filter((s, i) => s.kind === 'inline' && !replacedIdx.has(i)).map((s) => (s as { name: string }).name));
  let policyName = baseName;
  for (let n = 2; keptInline.has(policyName); n++) policyName = `${baseName}-${n}`;
  // Stryker disable next-line ArrayDeclaration: equivalent, userPolicies and rolePolicies always set identity, so the fallback is never used
  const identity = (pp.set.identity ?? []).filter((_, i) => !replacedIdx.has(i));
  const added = statements.length > 0 ? [generated.document] : [];
  const after: RawPolicySet = { ...pp.set, identity: [...identity, ...added] };
  const proof = proveReplacement(pp, after, added, logged, decide, catalog);
  const who = key.kind === 'user' ? { UserName: key.name } : { RoleName: key.name };
  const calls: OperationCall[] = [];
  if (added.length > 0) calls.push({ op: key.kind === 'user' ? 'PutUserPolicy' : 'PutRolePolicy', input: { ...who, PolicyName: policyName, PolicyDocument: generated.document } });
  for (const s of replacedSources) {
    if (s.kind === 'attached') calls.push({ op: key.kind === 'user' ? 'DetachUserPolicy' : 'DetachRolePolicy', input: { ...who, PolicyArn: s.arn } });
    else if (!(added.length > 0 && s.name === policyName)) calls.push({ op: key.kind === 'user' ? 'DeleteUserPolicy' : 'DeleteRolePolicy', input: { ...who, PolicyName: s.name } });
  }
  return { policyName, generated, fix: calls, proof, replaced: replacedSources.map(label) };
}
