/**
 * The model for model-based testing of the account: a far simpler picture than the Account (names, counts and
 * sets), one fast-check command per operation, entities addressed by index modulo count so shrinking stays valid.
 * Requests are commands too: a user signs with one of its access keys, and the model predicts the decision from which
 * allow-all or deny-all customer policies it knows are attached (directly or through a group) and whether the key is
 * active. Extend it by adding commands to `accountCommands` and queries to `checkAgreement`.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { applyOperation } from '../../src/model/apply.js';
import type { IamErrorCode } from '../../src/model/errors.js';
import { groupMembers, policyUses } from '../../src/model/lookup.js';
import { request, type RequestOutcomeKind } from '../../src/model/request.js';
import type { Effect } from '../../src/evaluator/types.js';
import type { Account, Instant } from '../../src/model/types.js';
import { EC2_TRUST, op, S3_READ, T0 } from './helpers.js';
import type { OperationCall } from '../../src/checks/types.js';

/** What the model knows about a user. */
export interface ModelUser {
  keys: string[];
  /** The keys made Inactive (a subset of `keys`). */
  inactive: Set<string>;
  login: boolean;
  mfa: number;
  groups: Set<string>;
  attached: Set<string>;
  inline: Set<string>;
}

/** The model. */
export interface Model {
  users: Map<string, ModelUser>;
  groups: Map<string, { attached: Set<string> }>;
  roles: Map<string, { attached: Set<string> }>;
  /**
   * Customer policy ARN → version ids (in creation order), the default, and the versions whose document is
   * `Action: *, Resource: *` with that effect (every other version allows only some s3:Get… action).
   */
  policies: Map<string, { versions: string[]; defaultVersion: string; all: Map<string, 'Allow' | 'Deny'> }>;
  /** The virtual clock, one hour per command. */
  tick: number;
}

/** The system under test: an account, replaced after every command. */
export interface Real {
  account: Account;
}

/** A fresh model for the empty account. */
export const emptyModel = (): Model => ({ users: new Map(), groups: new Map(), roles: new Map(), policies: new Map(), tick: 0 });

/** The instant of the model's current tick. */
export const nowOf = (m: Model): Instant => new Date(Date.parse(T0) + m.tick * 3_600_000).toISOString().replace('.000Z', 'Z');

const ACCOUNT = '123456789012';
const policyArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const at = <T>(xs: Iterable<T>, i: number): T | undefined => {
  const a = [...xs];
  return a.length === 0 ? undefined : a[i % a.length];
};

/** The action every request command calls: no policy but an allow-all or deny-all one mentions it. */
export const REQUEST_ACTION = 'ec2:DescribeInstances';

/** How many requests of each predicted outcome ran (the test asserts each was exercised). */
export const requestsSeen: Record<RequestOutcomeKind | Effect, number> = { allowed: 0, denied: 0, rejected: 0, Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };

/**
 * The model's decision for a request by `name` (sheet §1.1): a deny-all policy attached to the user or one of its
 * groups denies explicitly; otherwise an allow-all one allows; otherwise nothing grants the action.
 */
export function predictEffect(m: Readonly<Model>, name: string): Effect {
  const u = m.users.get(name)!;
  const arns = [...u.attached, ...[...u.groups].flatMap((g) => [...m.groups.get(g)!.attached])];
  const effects = arns.map((p) => {
    const mp = m.policies.get(p)!;
    return mp.all.get(mp.defaultVersion);
  });
  if (effects.includes('Deny')) return 'ExplicitDeny';
  return effects.includes('Allow') ? 'Allow' : 'ImplicitDeny';
}

/** Runs a call against the real account, expecting success or the model's predicted error. */
export function runCall(m: Model, r: Real, c: OperationCall, expected: IamErrorCode | null): boolean {
  const res = applyOperation(r.account, c, nowOf(m));
  m.tick++;
  if (expected === null) {
    if (!res.ok) throw new Error(`${c.op} ${JSON.stringify(c.input)} failed with ${res.error.code}: ${res.error.message}; the model expected success`);
    r.account = res.value;
    return true;
  }
  if (res.ok) throw new Error(`${c.op} ${JSON.stringify(c.input)} succeeded; the model expected ${expected}`);
  expect(res.error.code).toBe(expected);
  return false;
}

/** Asserts that the observable queries of the account agree with the model. */
export function checkAgreement(m: Model, r: Real): void {
  const a = r.account;
  expect(Object.keys(a.users).sort()).toEqual([...m.users.keys()].sort());
  expect(Object.keys(a.groups).sort()).toEqual([...m.groups.keys()].sort());
  expect(Object.keys(a.roles).sort()).toEqual([...m.roles.keys()].sort());
  expect(Object.keys(a.policies).sort()).toEqual([...m.policies.keys()].sort());
  for (const [arn, mp] of m.policies) {
    expect(a.policies[arn]!.versions.map((v) => v.id)).toEqual(mp.versions);
    expect(a.policies[arn]!.defaultVersion).toBe(mp.defaultVersion);
  }
  for (const [name, mu] of m.users) {
    const u = a.users[name]!;
    expect(u.accessKeys.map((k) => k.id)).toEqual(mu.keys);
    expect(u.accessKeys.filter((k) => k.status === 'Inactive').map((k) => k.id)).toEqual(mu.keys.filter((k) => mu.inactive.has(k)));
    expect(u.loginProfile !== null).toBe(mu.login);
    expect(u.mfa.length).toBe(mu.mfa);
    expect([...u.groups].sort()).toEqual([...mu.groups].sort());
    expect([...u.attachedPolicies].sort()).toEqual([...mu.attached].sort());
    expect(Object.keys(u.inlinePolicies).sort()).toEqual([...mu.inline].sort());
  }
  for (const [g, mg] of m.groups) {
    expect([...groupMembers(a, g)]).toEqual([...m.users].filter(([, u]) => u.groups.has(g)).map(([n]) => n).sort());
    expect([...a.groups[g]!.attachedPolicies].sort()).toEqual([...mg.attached].sort());
  }
  for (const p of m.policies.keys()) {
    const uses = policyUses(a, p);
    expect(uses.users.length).toBe([...m.users.values()].filter((u) => u.attached.has(p)).length);
    expect(uses.roles.length).toBe([...m.roles.values()].filter((x) => x.attached.has(p)).length);
  }
  const ids = [...Object.values(a.users).map((u) => u.id), ...Object.values(a.users).flatMap((u) => u.accessKeys.map((k) => k.id))];
  expect(new Set(ids).size).toBe(ids.length);
}

type Cmd = fc.Command<Model, Real>;

/** A command from a label, a precondition, and a step that predicts and runs. */
function command(label: () => string, check: (m: Readonly<Model>) => boolean, step: (m: Model, r: Real) => void): Cmd {
  return {
    check,
    run(m, r) {
      step(m, r);
      checkAgreement(m, r);
    },
    toString: label,
  };
}

const USER_NAMES = ['alice', 'bob', 'carol', 'dave', 'ALICE', 'Bob'];
const GROUP_NAMES = ['devs', 'ops', 'audit'];
const ROLE_NAMES = ['app', 'ci'];
const POLICY_NAMES = ['read', 'write', 'admin', 'allow-all', 'deny-all'];
/** The document each policy name is created with: S3_READ, or everything allowed or denied. */
const POLICY_DOCS: Record<string, { doc: object; all?: 'Allow' | 'Deny' }> = {
  'allow-all': { doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, all: 'Allow' },
  'deny-all': { doc: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }, all: 'Deny' },
};

/**
 * A request by a user with one of its keys: the model predicts rejected (inactive key) or the decision, and the key's
 * last use moves to the request time exactly when the request was not rejected.
 */
const requestCommand = fc.tuple(fc.nat(), fc.nat()).map(([i, k]) =>
  command(() => `Request(#${i}, key #${k}, ${REQUEST_ACTION})`, (m) => [...m.users.values()].some((u) => u.keys.length > 0), (m, r) => {
    const [name, u] = at([...m.users].filter(([, x]) => x.keys.length > 0), i)!;
    const id = u.keys[k % u.keys.length]!;
    const now = nowOf(m);
    m.tick++;
    const before = r.account.usage.accessKeys.get(id);
    const res = request(r.account, { principal: { kind: 'user', user: name, via: 'access-key', accessKeyId: id }, action: REQUEST_ACTION, resource: '*', sourceIp: '203.0.113.5', at: now });
    if (u.inactive.has(id)) {
      expect(res.outcome).toBe('rejected');
      expect(res.account.usage.accessKeys.get(id)).toEqual(before);
    } else {
      const effect = predictEffect(m, name);
      expect(res.decision.effect).toBe(effect);
      expect(res.outcome).toBe(effect === 'Allow' ? 'allowed' : 'denied');
      expect(res.account.usage.accessKeys.get(id)?.date).toBe(now);
      requestsSeen[effect]++;
    }
    requestsSeen[res.outcome]++;
    r.account = res.account;
  }),
);

/** One arbitrary per operation covered by the model. */
export const accountCommands: fc.Arbitrary<Cmd>[] = [
  fc.nat().map((i) => {
    const name = USER_NAMES[i % USER_NAMES.length]!;
    return command(() => `CreateUser(${name})`, () => true, (m, r) => {
      const taken = [...m.users.keys()].some((n) => n.toLowerCase() === name.toLowerCase());
      const ok = runCall(m, r, op('CreateUser', { UserName: name }), taken ? 'EntityAlreadyExists' : null);
      if (ok) m.users.set(name, { keys: [], inactive: new Set(), login: false, mfa: 0, groups: new Set(), attached: new Set(), inline: new Set() });
    });
  }),
  fc.nat().map((i) =>
    command(() => `DeleteUser(#${i})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      const busy = u.keys.length > 0 || u.login || u.mfa > 0 || u.groups.size > 0 || u.attached.size > 0 || u.inline.size > 0;
      if (runCall(m, r, op('DeleteUser', { UserName: name }), busy ? 'DeleteConflict' : null)) m.users.delete(name);
    }),
  ),
  fc.nat().map((i) =>
    command(() => `CreateAccessKey(#${i})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('CreateAccessKey', { UserName: name }), u.keys.length >= 2 ? 'LimitExceeded' : null)) u.keys.push(r.account.users[name]!.accessKeys.at(-1)!.id);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]) =>
    command(() => `DeleteAccessKey(#${i}, key #${k})`, (m) => [...m.users.values()].some((u) => u.keys.length > 0), (m, r) => {
      const [name, u] = at([...m.users].filter(([, x]) => x.keys.length > 0), i)!;
      const id = u.keys[k % u.keys.length]!;
      if (runCall(m, r, op('DeleteAccessKey', { UserName: name, AccessKeyId: id }), null)) {
        u.keys.splice(u.keys.indexOf(id), 1);
        u.inactive.delete(id);
      }
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, k, active]) =>
    command(() => `UpdateAccessKey(#${i}, key #${k}, ${active ? 'Active' : 'Inactive'})`, (m) => [...m.users.values()].some((u) => u.keys.length > 0), (m, r) => {
      const [name, u] = at([...m.users].filter(([, x]) => x.keys.length > 0), i)!;
      const id = u.keys[k % u.keys.length]!;
      if (runCall(m, r, op('UpdateAccessKey', { UserName: name, AccessKeyId: id, Status: active ? 'Active' : 'Inactive' }), null)) {
        if (active) u.inactive.delete(id);
        else u.inactive.add(id);
      }
    }),
  ),
  requestCommand,
  requestCommand,
  requestCommand,
  fc.nat().map((i) =>
    command(() => `CreateLoginProfile(#${i})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('CreateLoginProfile', { UserName: name, Password: 'Long-enough-9' }), u.login ? 'EntityAlreadyExists' : null)) u.login = true;
    }),
  ),
  fc.nat().map((i) =>
    command(() => `DeleteLoginProfile(#${i})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('DeleteLoginProfile', { UserName: name }), u.login ? null : 'NoSuchEntity')) u.login = false;
    }),
  ),
  fc.nat().map((i) =>
    command(() => `EnableMFADevice(#${i})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('EnableMFADevice', { UserName: name, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}-${u.mfa}` }), u.mfa >= 8 ? 'LimitExceeded' : null)) u.mfa++;
    }),
  ),
  fc.nat().map((i) =>
    command(() => `DeactivateMFADevice(#${i})`, (m) => [...m.users.values()].some((u) => u.mfa > 0), (m, r) => {
      const [name, u] = at([...m.users].filter(([, x]) => x.mfa > 0), i)!;
      if (runCall(m, r, op('DeactivateMFADevice', { UserName: name, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}-${u.mfa - 1}` }), null)) u.mfa--;
    }),
  ),
  fc.nat().map((i) => {
    const g = GROUP_NAMES[i % GROUP_NAMES.length]!;
    return command(() => `CreateGroup(${g})`, () => true, (m, r) => {
      if (runCall(m, r, op('CreateGroup', { GroupName: g }), m.groups.has(g) ? 'EntityAlreadyExists' : null)) m.groups.set(g, { attached: new Set() });
    });
  }),
  fc.nat().map((i) =>
    command(() => `DeleteGroup(#${i})`, (m) => m.groups.size > 0, (m, r) => {
      const [g, mg] = at(m.groups, i)!;
      const busy = mg.attached.size > 0 || [...m.users.values()].some((u) => u.groups.has(g));
      if (runCall(m, r, op('DeleteGroup', { GroupName: g }), busy ? 'DeleteConflict' : null)) m.groups.delete(g);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `AddUserToGroup(#${i}, #${j})`, (m) => m.users.size > 0 && m.groups.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      const [g] = at(m.groups, j)!;
      if (runCall(m, r, op('AddUserToGroup', { UserName: name, GroupName: g }), null)) u.groups.add(g);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `RemoveUserFromGroup(#${i}, #${j})`, (m) => m.users.size > 0 && m.groups.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      const [g] = at(m.groups, j)!;
      if (runCall(m, r, op('RemoveUserFromGroup', { UserName: name, GroupName: g }), u.groups.has(g) ? null : 'NoSuchEntity')) u.groups.delete(g);
    }),
  ),
  fc.nat().map((i) => {
    const p = POLICY_NAMES[i % POLICY_NAMES.length]!;
    return command(() => `CreatePolicy(${p})`, () => true, (m, r) => {
      const { doc, all } = POLICY_DOCS[p] ?? { doc: S3_READ };
      if (runCall(m, r, op('CreatePolicy', { PolicyName: p, PolicyDocument: doc }), m.policies.has(policyArn(p)) ? 'EntityAlreadyExists' : null)) {
        m.policies.set(policyArn(p), { versions: ['v1'], defaultVersion: 'v1', all: new Map(all === undefined ? [] : [['v1', all]]) });
      }
    });
  }),
  fc.nat().map((i) =>
    command(() => `DeletePolicy(#${i})`, (m) => m.policies.size > 0, (m, r) => {
      const [p, mp] = at(m.policies, i)!;
      const used = [...m.users.values(), ...m.groups.values(), ...m.roles.values()].some((x) => x.attached.has(p));
      if (runCall(m, r, op('DeletePolicy', { PolicyArn: p }), used || mp.versions.length > 1 ? 'DeleteConflict' : null)) m.policies.delete(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `AttachUserPolicy(#${i}, #${j})`, (m) => m.users.size > 0 && m.policies.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('AttachUserPolicy', { UserName: name, PolicyArn: p }), null)) u.attached.add(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `DetachUserPolicy(#${i}, #${j})`, (m) => m.users.size > 0 && m.policies.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('DetachUserPolicy', { UserName: name, PolicyArn: p }), u.attached.has(p) ? null : 'NoSuchEntity')) u.attached.delete(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `AttachGroupPolicy(#${i}, #${j})`, (m) => m.groups.size > 0 && m.policies.size > 0, (m, r) => {
      const [g, mg] = at(m.groups, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('AttachGroupPolicy', { GroupName: g, PolicyArn: p }), null)) mg.attached.add(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `DetachGroupPolicy(#${i}, #${j})`, (m) => m.groups.size > 0 && m.policies.size > 0, (m, r) => {
      const [g, mg] = at(m.groups, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('DetachGroupPolicy', { GroupName: g, PolicyArn: p }), mg.attached.has(p) ? null : 'NoSuchEntity')) mg.attached.delete(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, setDefault]) =>
    command(() => `CreatePolicyVersion(#${i}, default: ${setDefault})`, (m) => m.policies.size > 0, (m, r) => {
      const [p, mp] = at(m.policies, i)!;
      const doc = { ...S3_READ, Statement: [{ Effect: 'Allow', Action: `s3:Get${m.tick}`, Resource: '*' }] };
      if (runCall(m, r, op('CreatePolicyVersion', { PolicyArn: p, PolicyDocument: doc, SetAsDefault: setDefault }), mp.versions.length >= 5 ? 'LimitExceeded' : null)) {
        const id = `v${Math.max(...mp.versions.map((v) => Number(v.slice(1)))) + 1}`;
        mp.versions.push(id);
        if (setDefault) mp.defaultVersion = id;
      }
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `DeletePolicyVersion(#${i}, version #${j})`, (m) => m.policies.size > 0, (m, r) => {
      const [p, mp] = at(m.policies, i)!;
      const v = mp.versions[j % mp.versions.length]!;
      if (runCall(m, r, op('DeletePolicyVersion', { PolicyArn: p, VersionId: v }), v === mp.defaultVersion ? 'DeleteConflict' : null)) mp.versions.splice(mp.versions.indexOf(v), 1);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `SetDefaultPolicyVersion(#${i}, version #${j})`, (m) => m.policies.size > 0, (m, r) => {
      const [p, mp] = at(m.policies, i)!;
      const v = mp.versions[j % mp.versions.length]!;
      if (runCall(m, r, op('SetDefaultPolicyVersion', { PolicyArn: p, VersionId: v }), null)) mp.defaultVersion = v;
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => {
    const pname = ['a', 'b'][j % 2]!;
    return command(() => `PutUserPolicy(#${i}, ${pname})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('PutUserPolicy', { UserName: name, PolicyName: pname, PolicyDocument: S3_READ }), null)) u.inline.add(pname);
    });
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => {
    const pname = ['a', 'b'][j % 2]!;
    return command(() => `DeleteUserPolicy(#${i}, ${pname})`, (m) => m.users.size > 0, (m, r) => {
      const [name, u] = at(m.users, i)!;
      if (runCall(m, r, op('DeleteUserPolicy', { UserName: name, PolicyName: pname }), u.inline.has(pname) ? null : 'NoSuchEntity')) u.inline.delete(pname);
    });
  }),
  fc.nat().map((i) => {
    const name = ROLE_NAMES[i % ROLE_NAMES.length]!;
    return command(() => `CreateRole(${name})`, () => true, (m, r) => {
      if (runCall(m, r, op('CreateRole', { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST }), m.roles.has(name) ? 'EntityAlreadyExists' : null)) m.roles.set(name, { attached: new Set() });
    });
  }),
  fc.nat().map((i) =>
    command(() => `DeleteRole(#${i})`, (m) => m.roles.size > 0, (m, r) => {
      const [name, mr] = at(m.roles, i)!;
      if (runCall(m, r, op('DeleteRole', { RoleName: name }), mr.attached.size > 0 ? 'DeleteConflict' : null)) m.roles.delete(name);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `AttachRolePolicy(#${i}, #${j})`, (m) => m.roles.size > 0 && m.policies.size > 0, (m, r) => {
      const [name, mr] = at(m.roles, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('AttachRolePolicy', { RoleName: name, PolicyArn: p }), null)) mr.attached.add(p);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) =>
    command(() => `DetachRolePolicy(#${i}, #${j})`, (m) => m.roles.size > 0 && m.policies.size > 0, (m, r) => {
      const [name, mr] = at(m.roles, i)!;
      const [p] = at(m.policies, j)!;
      if (runCall(m, r, op('DetachRolePolicy', { RoleName: name, PolicyArn: p }), mr.attached.has(p) ? null : 'NoSuchEntity')) mr.attached.delete(p);
    }),
  ),
];
