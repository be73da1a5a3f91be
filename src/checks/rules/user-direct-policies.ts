/**
 * Practice 5: grant permissions through groups and roles, not to users one by one. Flags users with inline
 * policies or directly attached managed policies. The automatic fix moves exactly those policies to a group
 * (reusing an existing group that holds exactly the same set, else creating `<user>-permissions`), adds the user,
 * then removes the direct grants. The user's effective permissions are unchanged: the same documents apply, only
 * through the group (a property test checks it with the evaluator over the request universe).
 */
import type { PolicyDocument } from '../../evaluator/types.js';
import type { Account, Group, User } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import type { Fix, OperationCall, Report } from '../types.js';

type Msg = 'directPolicies';

/** IAM's quota of groups per user. */
const MAX_GROUPS_PER_USER = 10;

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** A principal's policy set as one comparable string: attached ARNs and inline name → document, order-free. */
export function policySetKey(p: { readonly attachedPolicies: readonly string[]; readonly inlinePolicies: Readonly<Record<string, PolicyDocument>> }): string {
  return canonical({ attached: [...new Set(p.attachedPolicies)].sort(), inline: p.inlinePolicies });
}

/** A group holding exactly the user's direct policies, if one exists (the user's own groups first). */
export function matchingGroup(account: Account, u: User): Group | undefined {
  const key = policySetKey(u);
  // Stryker disable next-line EqualityOperator: group names are the keys of a record, so no two are equal
  const groups = Object.values(account.groups).sort((a, b) => Number(u.groups.includes(b.name)) - Number(u.groups.includes(a.name)) || (a.name < b.name ? -1 : 1));
  return groups.find((g) => policySetKey(g) === key);
}

/** A free group name derived from the user's. */
export function newGroupName(account: Account, u: User): string {
  const base = `${u.name}-permissions`.slice(0, 128);
  if (!Object.hasOwn(account.groups, base)) return base;
  for (let i = 2; ; i++) {
    const n = `${base.slice(0, 120)}-${i}`;
    if (!Object.hasOwn(account.groups, n)) return n;
  }
}

/** The fix for one user; null when IAM's group quota leaves no room. */
export function moveToGroupFix(account: Account, u: User): Fix | null {
  const existing = matchingGroup(account, u);
  const calls: OperationCall[] = [];
  let group: string;
  if (existing !== undefined) {
    group = existing.name;
  } else {
    group = newGroupName(account, u);
    calls.push({ op: 'CreateGroup', input: { GroupName: group } });
    for (const arn of [...new Set(u.attachedPolicies)]) calls.push({ op: 'AttachGroupPolicy', input: { GroupName: group, PolicyArn: arn } });
    for (const [name, doc] of Object.entries(u.inlinePolicies)) calls.push({ op: 'PutGroupPolicy', input: { GroupName: group, PolicyName: name, PolicyDocument: doc } });
  }
  if (!u.groups.includes(group)) {
    if (u.groups.length >= MAX_GROUPS_PER_USER) return null;
    calls.push({ op: 'AddUserToGroup', input: { GroupName: group, UserName: u.name } });
  }
  for (const arn of [...new Set(u.attachedPolicies)]) calls.push({ op: 'DetachUserPolicy', input: { UserName: u.name, PolicyArn: arn } });
  for (const name of Object.keys(u.inlinePolicies)) calls.push({ op: 'DeleteUserPolicy', input: { UserName: u.name, PolicyName: name } });
  return calls;
}

const shortName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

/** The check. */
export default defineCheck({
  meta: {
    id: 'user-direct-policies',
    practice: 5,
    title: 'Users get permissions through groups, not directly',
    severity: 'low',
    rationale:
      'Permissions attached to users one by one drift apart and are hard to review; a group per job function makes every grant visible in one place ' +
      'and makes adding or removing a person a single membership change.',
    references: [
      'CIS AWS Foundations Benchmark v1.4.0 1.15 (users receive permissions only through groups)',
      'AWS Security Hub IAM.2',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
    ],
    remediation: 'auto',
    messages: {
      directPolicies: 'User {{user}} holds {{count}} policies directly ({{policies}}); grant them through a group',
    },
    options: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
  },
  detect({ account }) {
    const out: Report<Msg>[] = [];
    // Stryker disable next-line EqualityOperator: user names are the keys of a record, so no two are equal
    for (const u of Object.values(account.users).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const names = [...new Set(u.attachedPolicies)].map(shortName).concat(Object.keys(u.inlinePolicies).map((n) => `inline ${n}`));
      if (names.length === 0) continue;
      const fix = moveToGroupFix(account, u);
      out.push({ messageId: 'directPolicies', data: { user: u.name, count: names.length, policies: names.join(', ') }, resource: { kind: 'user', arn: u.arn, name: u.name }, ...(fix ? { fix } : {}) });
    }
    return out;
  },
});
