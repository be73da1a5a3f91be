/** `assert`: facts about users, groups, roles and customer policies, each an expectation. Lists compare as sets. */
import { groupMembers, managedPolicy } from '../../model/lookup.js';
import type { Account, PrincipalBase } from '../../model/types.js';
import type { Expectation } from '../replay-types.js';
import type { Assertion } from '../types.js';
import { policyShortName } from '../../explain/statement-name.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';

const setText = (xs: readonly string[]): string => (xs.length === 0 ? 'none' : [...new Set(xs)].sort().join(', '));
const sameSet = (what: string, expected: readonly string[], actual: readonly string[]): Expectation => expectEqual(what, setText(expected), setText(actual));

function entity(account: Account, a: Assertion): PrincipalBase | undefined {
  const { kind, name } = a.subject;
  if (kind === 'policy') return undefined;
  const coll = kind === 'user' ? account.users : kind === 'group' ? account.groups : account.roles;
  return Object.hasOwn(coll, name) ? coll[name] : undefined;
}

function customerPolicyByName(account: Account, name: string): { arn: string; document: unknown } | undefined {
  const p = Object.values(account.policies).find((x) => x.name === name || x.arn === name);
  if (p === undefined) return undefined;
  return { arn: p.arn, document: p.versions.find((v) => v.id === p.defaultVersion)?.document };
}

/** The expectations of one assertion. */
export function judge(account: Account, a: Assertion): Expectation[] {
  const who = `${a.subject.kind} ${a.subject.name}`;
  const out: Expectation[] = [];
  const e = entity(account, a);
  const policy = a.subject.kind === 'policy' ? customerPolicyByName(account, a.subject.name) : undefined;
  const exists = a.subject.kind === 'policy' ? policy !== undefined : e !== undefined;
  if (a.exists !== undefined) out.push(expectEqual(`${who} exists`, String(a.exists), String(exists)));
  const wantsMore = Object.keys(a).some((k) => k !== 'subject' && k !== 'exists');
  if (!exists) {
    if (wantsMore) out.push(expectEqual(`${who} exists`, 'true', 'false'));
    return out;
  }
  const docs: unknown[] = [];
  if (e !== undefined) {
    docs.push(...Object.values(e.inlinePolicies), ...e.attachedPolicies.map((arn) => managedPolicy(account, arn)?.document));
    if (a.policies !== undefined) out.push(sameSet(`${who} policies`, a.policies.map(policyShortName), e.attachedPolicies.map(policyShortName)));
    if (a.inline !== undefined) out.push(sameSet(`${who} inline policies`, a.inline, Object.keys(e.inlinePolicies)));
  }
  if (a.subject.kind === 'user') {
    const u = account.users[a.subject.name]!;
    if (a.groups !== undefined) out.push(sameSet(`${who} groups`, a.groups, u.groups));
    if (a.keys !== undefined) out.push(expectEqual(`${who} keys`, a.keys.join(', ') || 'none', u.accessKeys.map((k) => k.status).join(', ') || 'none'));
    if (a.mfa !== undefined) out.push(expectEqual(`${who} MFA`, String(a.mfa), String(u.mfa.length > 0)));
    if (a.console !== undefined) out.push(expectEqual(`${who} console password`, String(a.console), String(u.loginProfile !== null)));
    if (a.boundary !== undefined) out.push(expectEqual(`${who} boundary`, a.boundary ?? 'none', u.boundary === null ? 'none' : policyShortName(u.boundary)));
  }
  if (a.subject.kind === 'group' && a.members !== undefined) out.push(sameSet(`${who} members`, a.members, groupMembers(account, a.subject.name)));
  if (a.subject.kind === 'role') {
    const r = account.roles[a.subject.name]!;
    if (a.boundary !== undefined) out.push(expectEqual(`${who} boundary`, a.boundary ?? 'none', r.boundary === null ? 'none' : policyShortName(r.boundary)));
  }
  if (a.tags !== undefined) {
    const tags = a.subject.kind === 'user' ? account.users[a.subject.name]!.tags : a.subject.kind === 'role' ? account.roles[a.subject.name]!.tags : {};
    for (const [k, v] of Object.entries(a.tags)) out.push(expectEqual(`${who} tag ${k}`, v, tags[k] ?? '(absent)'));
  }
  if (policy !== undefined) docs.push(policy.document);
  if (a.mentions !== undefined) {
    const text = JSON.stringify(docs);
    for (const m of a.mentions) out.push(expectEqual(`${who} policies mention ${m}`, 'yes', text.includes(m) ? 'yes' : 'no'));
  }
  return out;
}

/** Runs an assert step. */
export const runAssert: StepHandler<'assert'> = (step, state, ctx) => {
  const expectations = step.assertions.flatMap((a) => judge(state.account, a));
  const failed = expectations.filter((x) => !x.met);
  return {
    state,
    event: stepEvent(step, state, ctx, {
      title: `assert ${step.assertions.map((a) => `${a.subject.kind} ${a.subject.name}`).join(', ')}`,
      result: failed.length === 0 ? `${expectations.length} fact${expectations.length === 1 ? ' holds' : 's hold'}` : `${failed.length} of ${expectations.length} facts do not hold`,
      details: expectations.map((x) => `${x.what}: ${x.actual}${x.met ? '' : ` (expected ${x.expected})`}`),
      expectations,
      data: { facts: expectations.length, failed: failed.length },
    }),
  };
};
