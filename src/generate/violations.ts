/**
 * Violation injectors, one per check id: each plants its violation in a known place (mostly a dedicated user, so
 * nothing else changes) and records in the ground truth every finding a correct audit reports for it, including
 * the findings other checks rightly add (a key unused for months is also overdue for rotation).
 */
import { ALL_CHECKS } from '../checks/registry.js';
import { call } from '../model/apply.js';
import { emptyAccount } from '../model/empty-account.js';
import { policyDocument } from '../model/lookup.js';
import { err, ok, type InputError, type Result } from '../result.js';
import { DEPARTMENTS, type UsedAction } from './catalog.js';
import { sessionCount, type Base, type BaseOmissions } from './base.js';
import { freshPersonName } from './names.js';
import { dayAt, hold, nextKeyId, type Plan, type PlannedPerson } from './plan.js';
import type { Rng } from './rng.js';
import { addHuman, habits, planRoutine, planSession, resourceOf, type Human, type HumanSpec, type Via } from './staff.js';

/** Every check id the generator can inject, in registry order. */
export const INJECTABLE: readonly string[] = ALL_CHECKS.map((c) => c.meta.id);

/** Pairs that cannot hold at once: the second is left out when both are asked for. */
const EXCLUSIVE: readonly (readonly [string, string])[] = [['root-mfa-missing', 'root-virtual-mfa-only']];

/** Resolves 'all' or a list into known ids; unknown ids are problems. */
export function resolveViolations(v: 'all' | readonly string[] | undefined): Result<string[], InputError[]> {
  if (v === undefined) return ok([]);
  if (v === 'all') return ok(dropExclusive([...INJECTABLE]));
  const problems: InputError[] = [];
  v.forEach((id, i) => {
    if (!INJECTABLE.includes(id)) problems.push({ code: 'unknown-check', message: `unknown check id '${id}'`, path: `/violations/${i}`, hint: `known: ${INJECTABLE.join(', ')}` });
  });
  return problems.length > 0 ? err(problems) : ok(dropExclusive([...new Set(v)]));
}

function dropExclusive(ids: string[]): string[] {
  return ids.filter((id) => !EXCLUSIVE.some(([a, b]) => b === id && ids.includes(a)));
}

/** The clean-setup pieces to leave out for these violations. */
export function omissionsFor(ids: ReadonlySet<string>): BaseOmissions {
  return {
    passwordPolicy: ids.has('password-policy-strength'),
    trail: ids.has('cloudtrail-configuration'),
    admin: ids.has('no-iam-administrator'),
    ...(ids.has('root-mfa-missing') ? { rootMfa: 'none' as const } : ids.has('root-virtual-mfa-only') ? { rootMfa: 'virtual' as const } : {}),
    unreviewed: new Set(ids.has('policy-review-cadence') ? ['finance-access'] : []),
  };
}

interface Ctx {
  readonly plan: Plan;
  readonly rng: Rng;
  readonly base: Base;
  readonly ids: ReadonlySet<string>;
  readonly sessions: number;
  /** A dedicated human in a department (or none), with a fresh realistic name unless one is given. */
  human(o: Partial<HumanSpec> & { readonly console: boolean; readonly key: boolean }): Human;
  truth(checkId: string, resource: string): void;
}

const userArn = (c: Ctx, name: string): string => `arn:aws:iam::${c.plan.accountId}:user/${name}`;
const rootArn = (c: Ctx): string => `arn:aws:iam::${c.plan.accountId}:root`;
const policyArn = (c: Ctx, name: string): string => `arn:aws:iam::${c.plan.accountId}:policy/${name}`;
const keyArn = (c: Ctx, user: string, id: string): string => `${userArn(c, user)}/access-key/${id}`;
const profileArn = (c: Ctx, user: string): string => `${userArn(c, user)}/login-profile`;

/** A sharer: a person of their own, with their own IP, holding someone else's credential. */
function sharer(c: Ctx, index: number, cred: Parameters<typeof hold>[1]): { person: PlannedPerson; ip: string } {
  const { display } = freshPersonName(c.rng, new Set());
  const ip = habits(c.rng, 60_000 + index).ip;
  const person: PlannedPerson = { id: `person-sharer-${index}`, name: display, ips: [ip], credentials: [] };
  hold(person, cred);
  c.plan.people.push(person);
  return { person, ip };
}

const uses = (h: Human): readonly UsedAction[] => h.dept?.uses ?? [];
const allVia = (h: Human, via: Via): { via: Via; use: UsedAction }[] => uses(h).map((use) => ({ via, use }));

type Injector = (c: Ctx) => void;

/** The injectors, by check id. */
const INJECTORS: Readonly<Record<string, Injector>> = {
  'root-user-activity': (c) => {
    const at = dayAt(c.plan, c.plan.days - 5 + 10 / 24);
    c.plan.acts.push({ kind: 'sign-in', at, who: { root: true }, ip: '203.0.113.10', mfa: true, agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/125.0' });
    c.plan.acts.push({ kind: 'call', at: dayAt(c.plan, c.plan.days - 5 + 10.1 / 24), principal: { kind: 'root', via: 'console', mfa: true, signedInAt: at }, action: 's3:ListAllMyBuckets', resource: '*', ip: '203.0.113.10' });
    c.truth('root-user-activity', rootArn(c));
    c.truth('activity-anomalies', rootArn(c));
  },
  'no-iam-administrator': (c) => c.truth('no-iam-administrator', rootArn(c)),
  'root-access-key-active': (c) => {
    if (c.ids.has('root-access-key-old')) return;
    const id = nextKeyId(c.plan);
    c.plan.ops.push({ ...call('CreateRootAccessKey', { AccessKeyId: id }), at: dayAt(c.plan, c.plan.days - 30) });
    hold(c.plan.people[0]!, { kind: 'access-key', accessKeyId: id });
    c.truth('root-access-key-active', `${rootArn(c)}/access-key/${id}`);
  },
  'root-access-key-old': (c) => {
    const id = nextKeyId(c.plan);
    c.plan.ops.push({ ...call('CreateRootAccessKey', { AccessKeyId: id }), at: dayAt(c.plan, c.plan.days - 200) });
    hold(c.plan.people[0]!, { kind: 'access-key', accessKeyId: id });
    c.truth('root-access-key-old', `${rootArn(c)}/access-key/${id}`);
    c.truth('root-access-key-active', `${rootArn(c)}/access-key/${id}`);
  },
  'root-mfa-missing': (c) => c.truth('root-mfa-missing', rootArn(c)),
  'root-virtual-mfa-only': (c) => c.truth('root-virtual-mfa-only', rootArn(c)),
  'shared-credential-use': (c) => {
    // Two shapes of sharing, drawn by the seed: a key passed round a team (five more people, each from their own
    // address), or a key shared by two people who work at the same time from two addresses.
    const h = c.human({ console: false, key: true });
    if (c.rng.chance(0.5)) {
      planRoutine(c.plan, c.rng, h, c.sessions);
      for (let i = 0; i < 5; i++) {
        const s = sharer(c, i, { kind: 'access-key', accessKeyId: h.key!.id });
        planSession(c.plan, c.rng, h, c.plan.days - 2 - i * 4, allVia(h, 'key'), { ip: s.ip });
      }
    } else {
      const s = sharer(c, 0, { kind: 'access-key', accessKeyId: h.key!.id });
      for (const back of [3, 10, 17, 24]) {
        const day = Math.max(0, c.plan.days - back);
        const start = day + (h.habits.hour + 0.5) / 24;
        planSession(c.plan, c.rng, h, day, allVia(h, 'key'), { exactStart: start });
        planSession(c.plan, c.rng, h, day, allVia(h, 'key'), { ip: s.ip, exactStart: start + 2 / 1440 });
      }
    }
    c.truth('shared-credential-use', keyArn(c, h.userName, h.key!.id));
    // And one person who is NOT sharing, to be left alone: a traveller whose own key is used from home, a hotel and a
    // phone, one address after another.
    const t = c.human({ console: false, key: true });
    const trip = [`192.0.2.${(c.plan.people.length % 200) + 20}`, `100.64.${c.plan.people.length % 250}.9`];
    t.person.ips.push(...trip);
    const last = c.plan.days - 1;
    for (const [back, ip] of [[27, t.habits.ip], [20, t.habits.ip], [9, trip[0]!], [8, trip[0]!], [5, trip[1]!], [2, t.habits.ip]] as const) {
      if (last - back > t.key!.day) planSession(c.plan, c.rng, t, last - back, allVia(t, 'key'), { ip });
    }
  },
  'overlapping-console-sessions': (c) => {
    const h = c.human({ console: true, key: false });
    const s = sharer(c, 10, { kind: 'console', user: h.userName });
    for (const day of [c.plan.days - 40, c.plan.days - 20, c.plan.days - 3]) {
      const start = day + (h.habits.hour + 0.5) / 24;
      planSession(c.plan, c.rng, h, day, allVia(h, 'console'), { exactStart: start });
      planSession(c.plan, c.rng, h, day, allVia(h, 'console'), { ip: s.ip, exactStart: start + 0.5 / 1440 });
    }
    c.truth('overlapping-console-sessions', profileArn(c, h.userName));
  },
  'generic-user-name': (c) => {
    const h = c.human({ console: true, key: false, userName: 'devops', display: 'Devon Ops' });
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('generic-user-name', userArn(c, 'devops'));
  },
  'password-policy-strength': (c) => {
    c.plan.ops.unshift({ ...call('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 8, RequireNumbers: true, RequireLowercaseCharacters: true }), at: dayAt(c.plan, c.plan.setupDay) });
    c.truth('password-policy-strength', `arn:aws:iam::${c.plan.accountId}:password-policy`);
  },
  'weak-user-password': (c) => {
    const { display, userName } = freshPersonName(c.rng, c.base.taken);
    c.plan.ops.unshift(
      { ...call('CreateUser', { UserName: userName }), at: dayAt(c.plan, c.plan.setupDay) },
      { ...call('CreateLoginProfile', { UserName: userName, PasswordProperties: { length: 9, symbols: false, upper: false, common: true } }), at: dayAt(c.plan, c.plan.setupDay) },
    );
    const dept = c.rng.pick(DEPARTMENTS);
    const h = addHumanExisting(c, userName, display, dept);
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('weak-user-password', profileArn(c, userName));
  },
  'console-user-without-mfa': (c) => {
    const h = c.human({ console: true, key: false, mfa: false });
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('console-user-without-mfa', userArn(c, h.userName));
    c.truth('activity-anomalies', userArn(c, h.userName));
  },
  'unused-console-password': (c) => {
    const h = c.human({ console: true, key: true });
    planRoutine(c.plan, c.rng, h, c.sessions, { consoleUntilDay: c.plan.days - 120 });
    planSession(c.plan, c.rng, h, c.plan.days - 130, allVia(h, 'console'));
    planSession(c.plan, c.rng, h, c.plan.days - 10, allVia(h, 'key'));
    c.truth('unused-console-password', profileArn(c, h.userName));
  },
  'unused-access-key': (c) => {
    const h = c.human({ console: true, key: true, keyDay: c.plan.days - 150 });
    planRoutine(c.plan, c.rng, h, c.sessions, { keyUnused: true });
    c.truth('unused-access-key', keyArn(c, h.userName, h.key!.id));
    c.truth('access-key-rotation', keyArn(c, h.userName, h.key!.id));
  },
  'access-key-rotation': (c) => {
    const h = c.human({ console: false, key: true, keyDay: c.plan.days - 200 });
    planRoutine(c.plan, c.rng, h, c.sessions);
    planSession(c.plan, c.rng, h, c.plan.days - 7, allVia(h, 'key'));
    c.truth('access-key-rotation', keyArn(c, h.userName, h.key!.id));
  },
  'multiple-active-access-keys': (c) => {
    const h = c.human({ console: false, key: true });
    const second = nextKeyId(c.plan);
    c.plan.ops.push({ ...call('CreateAccessKey', { UserName: h.userName, AccessKeyId: second }), at: dayAt(c.plan, c.plan.days - 40) });
    hold(h.person, { kind: 'access-key', accessKeyId: second });
    planRoutine(c.plan, c.rng, h, c.sessions);
    planSession(c.plan, c.rng, { ...h, key: { id: second, day: c.plan.days - 40 } }, c.plan.days - 6, allVia(h, 'key'));
    c.truth('multiple-active-access-keys', userArn(c, h.userName));
  },
  'inactive-user': (c) => {
    const h = c.human({ console: true, key: false, dept: null });
    c.plan.acts.push({ kind: 'sign-in', at: dayAt(c.plan, c.plan.days - 120 + h.habits.hour / 24), who: { user: h.userName }, ip: h.habits.ip, mfa: true, agent: h.habits.browser });
    c.truth('inactive-user', userArn(c, h.userName));
    c.truth('unused-console-password', profileArn(c, h.userName));
  },
  'sensitive-access-conditions': (c) => {
    const h = c.human({ console: true, key: false, tags: { 'data-classification': 'restricted' } });
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('sensitive-access-conditions', userArn(c, h.userName));
  },
  'sensitive-access-schedule': (c) => {
    const h = c.human({ console: true, key: false, tags: { employment: 'contractor' } });
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('sensitive-access-schedule', userArn(c, h.userName));
    c.truth('sensitive-access-conditions', userArn(c, h.userName));
  },
  'activity-anomalies': (c) => {
    const h = c.human({ console: false, key: true });
    for (const day of [c.plan.days - 60, c.plan.days - 45, c.plan.days - 30, c.plan.days - 20]) planSession(c.plan, c.rng, h, day, allVia(h, 'key'));
    planSession(c.plan, c.rng, h, c.plan.days - 5, allVia(h, 'key'), { hour: (h.habits.hour + 12) % 24 });
    c.truth('activity-anomalies', userArn(c, h.userName));
  },
  'cloudtrail-configuration': (c) => c.truth('cloudtrail-configuration', rootArn(c)),
  'user-direct-policies': (c) => {
    const h = c.human({ console: true, key: false });
    c.plan.ops.push({ ...call('AttachUserPolicy', { UserName: h.userName, PolicyArn: c.base.deptPolicies.get(h.dept!.name)! }), at: dayAt(c.plan, c.plan.setupDay + 1) });
    planRoutine(c.plan, c.rng, h, c.sessions);
    c.truth('user-direct-policies', userArn(c, h.userName));
  },
  'admin-policy-grants': (c) => {
    c.plan.ops.push({ ...call('CreatePolicy', { PolicyName: 'legacy-full-access', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }), at: dayAt(c.plan, c.plan.setupDay) });
    c.plan.ops.push({ ...call('MarkPolicyReviewed', { PolicyArn: policyArn(c, 'legacy-full-access') }), at: dayAt(c.plan, Math.max(0, c.plan.days - 20)) });
    c.truth('admin-policy-grants', policyArn(c, 'legacy-full-access'));
  },
  'service-wildcard-grants': (c) => {
    c.plan.ops.push({ ...call('CreatePolicy', { PolicyName: 'dynamodb-everything', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }] } }), at: dayAt(c.plan, c.plan.setupDay) });
    c.plan.ops.push({ ...call('MarkPolicyReviewed', { PolicyArn: policyArn(c, 'dynamodb-everything') }), at: dayAt(c.plan, Math.max(0, c.plan.days - 20)) });
    c.truth('service-wildcard-grants', policyArn(c, 'dynamodb-everything'));
  },
  'unused-services': (c) => {
    const h = c.human({ console: true, key: false });
    const used = uses(h)[0]!;
    planRoutine(c.plan, c.rng, h, c.sessions, { skip: (u) => u !== used });
    c.truth('unused-services', userArn(c, h.userName));
  },
  'permissions-management-holders': (c) => {
    const day = c.plan.days - 60;
    c.plan.ops.push({ ...call('CreateGroup', { GroupName: 'IamManagers' }), at: dayAt(c.plan, day) });
    c.plan.ops.push({ ...call('AttachGroupPolicy', { GroupName: 'IamManagers', PolicyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' }), at: dayAt(c.plan, day) });
    for (let i = 0; i < 4; i++) {
      const h = c.human({ console: true, key: false, dept: null, createdDay: day });
      c.plan.ops.push({ ...call('AddUserToGroup', { GroupName: 'IamManagers', UserName: h.userName }), at: dayAt(c.plan, day) });
      planSession(c.plan, c.rng, h, c.plan.days - 10 - i, [{ via: 'console', use: { action: 'iam:ListRoles', resource: '*' } }]);
      c.truth('permissions-management-holders', userArn(c, h.userName));
    }
    if (!c.ids.has('no-iam-administrator')) c.truth('permissions-management-holders', userArn(c, 'iam-admin'));
  },
  'policy-review-cadence': (c) => {
    c.truth('policy-review-cadence', policyArn(c, 'finance-access'));
  },
  'ec2-app-credentials': (c) => {
    const finance = DEPARTMENTS.find((d) => d.name === 'finance')!;
    const userName = 'svc-billing-export';
    const keyId = nextKeyId(c.plan);
    const day = c.plan.days - 80;
    c.plan.ops.push({ ...call('CreateUser', { UserName: userName }), at: dayAt(c.plan, day) });
    c.plan.ops.push({ ...call('AddUserToGroup', { GroupName: 'Finance', UserName: userName }), at: dayAt(c.plan, day) });
    c.plan.ops.push({ ...call('CreateAccessKey', { UserName: userName, AccessKeyId: keyId }), at: dayAt(c.plan, day) });
    c.plan.seq++;
    const id = `i-${c.plan.seq.toString(16).padStart(17, '0')}`;
    const profile = c.base.instances[0]?.role;
    c.plan.ops.push({ ...call('RunInstances', { InstanceId: id, ...(profile !== undefined ? { IamInstanceProfile: profile } : {}), Applications: [{ Name: 'billing-export', AccessKeyId: keyId }], Tags: { Name: 'billing-export' } }), at: dayAt(c.plan, day) });
    const instanceArn = `arn:aws:ec2:us-east-1:${c.plan.accountId}:instance/${id}`;
    if (profile === undefined) c.truth('ec2-app-credentials', instanceArn);
    for (const d of [c.plan.days - 50, c.plan.days - 4]) {
      let t = d + 2 / 24;
      for (const use of finance.uses) {
        t += 5 / 1440;
        c.plan.acts.push({ kind: 'call', at: dayAt(c.plan, t), principal: { kind: 'instance', instanceId: id, application: 'billing-export' }, action: use.action, resource: resourceOf(use, c.plan.accountId), ip: '10.200.0.10', agent: 'aws-sdk-java/2.25.0' });
      }
    }
    c.truth('ec2-app-credentials', `${instanceArn}/application/billing-export`);
  },
  'prefer-aws-managed-policies': (c) => {
    const doc = policyDocument(emptyAccount(c.plan.accountId, c.plan.start), 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess');
    if (doc === undefined) throw new Error('AmazonSQSReadOnlyAccess missing from the catalog');
    const setup = dayAt(c.plan, c.plan.setupDay);
    c.plan.ops.push({ ...call('CreatePolicy', { PolicyName: 'sqs-read-copy', PolicyDocument: doc as Record<string, unknown> }), at: setup });
    c.plan.ops.push({ ...call('MarkPolicyReviewed', { PolicyArn: policyArn(c, 'sqs-read-copy') }), at: dayAt(c.plan, Math.max(0, c.plan.days - 20)) });
    c.plan.ops.push({ ...call('CreateGroup', { GroupName: 'QueueReaders' }), at: setup });
    c.plan.ops.push({ ...call('AttachGroupPolicy', { GroupName: 'QueueReaders', PolicyArn: policyArn(c, 'sqs-read-copy') }), at: setup });
    const h = c.human({ console: true, key: false, dept: null });
    c.plan.ops.push({ ...call('AddUserToGroup', { GroupName: 'QueueReaders', UserName: h.userName }), at: setup });
    for (const day of [c.plan.days - 30, c.plan.days - 8]) planSession(c.plan, c.rng, h, day, [{ via: 'console', use: { action: 'sqs:ListQueues', resource: '*' } }]);
    c.truth('prefer-aws-managed-policies', policyArn(c, 'sqs-read-copy'));
  },
};

/** A Human for a user whose CreateUser and login profile were planned by the caller (weak passwords predate the policy). */
function addHumanExisting(c: Ctx, userName: string, display: string, dept: (typeof DEPARTMENTS)[number]): Human {
  const at = dayAt(c.plan, c.plan.setupDay);
  c.plan.ops.push({ ...call('AddUserToGroup', { GroupName: `${dept.name[0]!.toUpperCase()}${dept.name.slice(1)}`, UserName: userName }), at });
  c.plan.ops.push({ ...call('EnableMFADevice', { UserName: userName, SerialNumber: `arn:aws:iam::${c.plan.accountId}:mfa/${userName}` }), at });
  const h = habits(c.rng, 61_000);
  const person: PlannedPerson = { id: `person-${userName}`, name: display, ips: h.altIp !== null ? [h.ip, h.altIp] : [h.ip], credentials: [{ kind: 'console', user: userName }] };
  c.plan.people.push(person);
  return { userName, person, habits: h, dept, console: true, mfa: true, key: null };
}

/**
 * Injects the violations for `ids` (in registry order) into the plan. Every injector works on its own dedicated
 * users and policies, so the rest of the account stays exactly as clean.
 */
export function injectViolations(plan: Plan, rng: Rng, base: Base, ids: ReadonlySet<string>): void {
  let n = 0;
  const ctx: Ctx = {
    plan, rng, base, ids,
    sessions: sessionCount(plan.days),
    human(o) {
      const named = o.userName !== undefined ? { userName: o.userName, display: o.display ?? o.userName } : freshPersonName(rng, base.taken);
      if (o.userName !== undefined) base.taken.add(o.userName);
      n++;
      return addHuman(plan, rng, { dept: rng.pick(DEPARTMENTS), ...o, ...named, index: 50_000 + n });
    },
    truth: (checkId, resource) => {
      plan.truth.push({ checkId, resource });
    },
  };
  for (const id of INJECTABLE) {
    if (!ids.has(id)) continue;
    const inject = INJECTORS[id];
    if (inject === undefined) throw new Error(`no injector for ${id}`);
    inject(ctx);
  }
}
