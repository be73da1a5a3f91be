/**
 * The authoring form → an Account. Scenarios describe the starting account concisely (users with their groups,
 * policies, keys, MFA and tags inline; policies in AWS's JSON grammar written as YAML); this builds the model's
 * plain data directly, with the model's deterministic ids, and reports every problem with its YAML path.
 */
import { Map as IMap } from 'immutable';
import { compilePolicy } from '../evaluator/parse-policy.js';
import type { PolicyDocument, PolicyKind } from '../evaluator/types.js';
import { awsManagedPolicies, awsManagedPolicy } from '../model/aws-managed.js';
import { emptyAccount } from '../model/empty-account.js';
import { entityId, lowerId } from '../model/ids.js';
import type {
  AccessKey, Account, Application, Ec2Instance, Group, InstanceProfile, LastUsed, LoginProfile, ManagedPolicy, MfaDevice,
  OrgPolicy, PasswordPolicy, PasswordProperties, Person, Resource, Role, Tags, Trail, User,
} from '../model/types.js';
import type { Instant } from '../model/types.js';
import { parseDuration } from './duration.js';
import { suggestHint } from './suggest.js';
import { say, type MessageId } from './messages.js';
import { resolveWhen } from './when.js';

/** One problem in the authoring form, at a path of keys and indices below the scenario's root. */
export interface BuildProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** Point at the key rather than its value. */
  readonly key?: boolean;
}

type Doc = Readonly<Record<string, unknown>>;
type Names = string | readonly string[];

interface KeySpec { status?: 'Active' | 'Inactive'; created?: string; lastUsed?: string; service?: string; region?: string }
interface ConsoleSpec { password?: Partial<PasswordProperties>; lastUsed?: string; changed?: string; resetRequired?: boolean }
interface UserSpec {
  path?: string; created?: string; groups?: Names; policies?: Names; inline?: Record<string, Doc>; console?: boolean | ConsoleSpec;
  mfa?: boolean | 'virtual' | 'hardware'; keys?: number | KeySpec[]; tags?: Record<string, unknown>; boundary?: string; person?: string;
}
interface GroupSpec { path?: string; created?: string; policies?: Names; inline?: Record<string, Doc> }
interface RoleSpec {
  path?: string; created?: string; description?: string; trust: Doc; policies?: Names; inline?: Record<string, Doc>;
  tags?: Record<string, unknown>; boundary?: string; maxSession?: string; lastUsed?: string;
}
interface InstanceSpec { region?: string; launched?: string; profile?: string; tags?: Record<string, unknown>; apps?: Record<string, string | { key: string }> }
/** The authoring form of an account, as the schema's `account` definition describes it. */
export interface AccountSpec {
  id?: string; alias?: string;
  users?: Record<string, UserSpec>; groups?: Record<string, GroupSpec>; roles?: Record<string, RoleSpec>;
  policies?: Record<string, Doc>; resources?: Record<string, { policy?: Doc; tags?: Record<string, unknown> }>;
  passwordPolicy?: Partial<PasswordPolicy>; root?: { mfa?: boolean | 'virtual' | 'hardware'; keys?: number | KeySpec[]; passwordLastUsed?: string; password?: boolean };
  organization?: { id?: string; scps?: Record<string, Doc>; rcps?: Record<string, Doc>; fullAwsAccess?: boolean };
  trails?: Record<string, { region?: string; multiRegion?: boolean; logFileValidation?: boolean; logging?: boolean; bucket?: string }>;
  instanceProfiles?: Record<string, { role?: string }>; instances?: Record<string, InstanceSpec>;
}

/** The account id scenarios get when they name none. */
export const DEFAULT_ACCOUNT_ID = '111122223333';

const DEFAULT_PASSWORD: PasswordProperties = { length: 16, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false };

/** AWS's defaults for UpdateAccountPasswordPolicy fields left out. */
const PASSWORD_POLICY_DEFAULTS: PasswordPolicy = {
  MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false,
  AllowUsersToChangePassword: false, ExpirePasswords: false, HardExpiry: false,
};

const FULL_AWS_ACCESS: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const list = (n: Names | undefined): readonly string[] => (n === undefined ? [] : typeof n === 'string' ? [n] : n);
const tagsOf = (t: Record<string, unknown> | undefined): Tags => Object.fromEntries(Object.entries(t ?? {}).map(([k, v]) => [k, String(v)]));

/** Whether a customer policy entry is `{ document, … }` rather than the document itself. */
const isWrapped = (p: Doc): boolean => 'document' in p;

/** Builds the account described by `spec` at `start`. Problems are collected, never thrown. */
export function buildAccount(spec: AccountSpec, start: Instant, tz: string): { account: Account; problems: BuildProblem[] } {
  const problems: BuildProblem[] = [];
  const report = (path: readonly (string | number)[], id: MessageId, data: Readonly<Record<string, string | number>> = {}): void => {
    problems.push({ path, ...say(id, data) });
  };
  const id = spec.id ?? DEFAULT_ACCOUNT_ID;
  let seq = 0;
  const next = (): number => ++seq;
  const when = (text: string | undefined, path: (string | number)[], fallback: Instant | null): Instant | null => {
    if (text === undefined) return fallback;
    const r = resolveWhen(text, start, tz);
    if (r.ok) return r.value;
    report(path, 'badWhen', { detail: r.error });
    return fallback;
  };
  const at = (text: string | undefined, path: (string | number)[]): Instant => when(text, path, start) ?? start;

  const checkPolicy = (doc: Doc, kind: PolicyKind, pid: string, path: (string | number)[], managed = false): void => {
    const r = compilePolicy(doc, { id: pid, kind, requireVersion2012: managed });
    if (r.ok) return;
    for (const p of r.error) {
      if (p.severity !== 'error') continue;
      const sub = p.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      report([...path, ...sub.map((s) => (/^\d+$/.test(s) ? Number(s) : s))], 'invalidPolicy', { detail: p.message, hint: p.hint ?? '' });
    }
  };

  const customerNames = Object.keys(spec.policies ?? {});
  const policies: Record<string, ManagedPolicy> = {};
  const arnByName = new Map<string, string>();
  for (const [name, entry] of Object.entries(spec.policies ?? {})) {
    const wrapped = isWrapped(entry);
    const w = entry as { document: Doc; path?: string; description?: string; created?: string; lastReviewed?: string };
    const document = wrapped ? w.document : entry;
    const path = wrapped ? w.path ?? '/' : '/';
    const arn = `arn:aws:iam::${id}:policy${path}${name}`;
    const base: (string | number)[] = ['account', 'policies', name];
    checkPolicy(document, 'identity', arn, wrapped ? [...base, 'document'] : base, true);
    const created = wrapped ? at(w.created, [...base, 'created']) : start;
    const reviewed = wrapped && w.lastReviewed !== undefined ? when(w.lastReviewed, [...base, 'lastReviewed'], null) : undefined;
    arnByName.set(name, arn);
    policies[arn] = {
      arn, name, path, id: entityId('policy', id, next()), created,
      ...(wrapped && w.description !== undefined ? { description: w.description } : {}),
      versions: [{ id: 'v1', document, created }], defaultVersion: 'v1',
      ...(reviewed !== undefined ? { lastReviewed: reviewed } : {}),
    };
  }
  const policyArn = (ref: string, path: (string | number)[]): string | undefined => {
    const own = arnByName.get(ref);
    if (own !== undefined) return own;
    if (ref.startsWith('arn:') && Object.hasOwn(policies, ref)) return ref;
    const aws = awsManagedPolicy(ref);
    if (aws !== undefined) return aws.arn;
    const hint = suggestHint(ref, [...customerNames, ...awsManagedPolicies().map((p) => p.name)], 'policies');
    report(path, 'unknownPolicy', { name: ref, suggestion: hint });
    return undefined;
  };
  const attached = (refs: Names | undefined, path: (string | number)[]): string[] => {
    const out: string[] = [];
    list(refs).forEach((r, i) => {
      const arn = policyArn(r, typeof refs === 'string' ? path : [...path, i]);
      if (arn !== undefined && !out.includes(arn)) out.push(arn);
    });
    return out;
  };
  const inlineOf = (inline: Record<string, Doc> | undefined, owner: string, path: (string | number)[]): Record<string, Doc> => {
    for (const [n, d] of Object.entries(inline ?? {})) checkPolicy(d, 'identity', `${owner}/inline/${n}`, [...path, n]);
    return { ...(inline ?? {}) };
  };

  let accessKeys = IMap<string, LastUsed>();
  let passwords = IMap<string, Instant>();
  let roleUse = IMap<string, LastUsed>();
  const keysOf = (spec0: number | KeySpec[] | undefined, path: (string | number)[]): AccessKey[] => {
    const specs: KeySpec[] = typeof spec0 === 'number' ? Array.from({ length: spec0 }, () => ({})) : spec0 ?? [];
    return specs.map((k, i) => {
      const keyId = entityId('accessKey', id, next());
      const p = typeof spec0 === 'number' ? path : [...path, i];
      const last = when(k.lastUsed, [...p, 'lastUsed'], null);
      if (last !== null) accessKeys = accessKeys.set(keyId, { date: last, ...(k.service ? { service: k.service } : {}), region: k.region ?? 'us-east-1' });
      return { id: keyId, status: k.status ?? 'Active', created: at(k.created, [...p, 'created']) };
    });
  };
  const mfaOf = (m: boolean | 'virtual' | 'hardware' | undefined, name: string): MfaDevice[] => {
    if (m === undefined || m === false) return [];
    const kind = m === 'hardware' ? 'hardware' : 'virtual';
    return [{ serial: kind === 'virtual' ? `arn:aws:iam::${id}:mfa/${name}` : `GAHT${String(next()).padStart(8, '0')}`, kind, enabled: start }];
  };

  const groupNames = Object.keys(spec.groups ?? {});
  const groups: Record<string, Group> = {};
  for (const [name, g] of Object.entries(spec.groups ?? {})) {
    const path = g.path ?? '/';
    const base = ['account', 'groups', name];
    groups[name] = {
      name, path, arn: `arn:aws:iam::${id}:group${path}${name}`, id: entityId('group', id, next()), created: at(g.created, [...base, 'created']),
      attachedPolicies: attached(g.policies, [...base, 'policies']), inlinePolicies: inlineOf(g.inline, `group/${name}`, [...base, 'inline']),
    };
  }

  const users: Record<string, User> = {};
  const people: Record<string, Person> = {};
  for (const [name, u] of Object.entries(spec.users ?? {})) {
    const path = u.path ?? '/';
    const base = ['account', 'users', name];
    const memberOf = list(u.groups);
    memberOf.forEach((g, i) => {
      if (!Object.hasOwn(groups, g)) report(typeof u.groups === 'string' ? [...base, 'groups'] : [...base, 'groups', i], 'unknownReference', { kind: 'group', kindId: 'group', name: g, suggestion: suggestHint(g, groupNames, 'groups') });
    });
    let loginProfile: LoginProfile | null = null;
    if (u.console !== undefined && u.console !== false) {
      const c: ConsoleSpec = u.console === true ? {} : u.console;
      const cp = [...base, 'console'];
      loginProfile = {
        created: at(undefined, cp), passwordLastChanged: at(c.changed, [...cp, 'changed']), passwordResetRequired: c.resetRequired ?? false,
        password: { ...DEFAULT_PASSWORD, ...(c.password ?? {}) },
      };
      const last = when(c.lastUsed, [...cp, 'lastUsed'], null);
      if (last !== null) passwords = passwords.set(name, last);
    }
    const keys = keysOf(u.keys, [...base, 'keys']);
    const boundary = u.boundary === undefined ? null : policyArn(u.boundary, [...base, 'boundary']) ?? null;
    users[name] = {
      name, path, arn: `arn:aws:iam::${id}:user${path}${name}`, id: entityId('user', id, next()), created: at(u.created, [...base, 'created']),
      attachedPolicies: attached(u.policies, [...base, 'policies']), inlinePolicies: inlineOf(u.inline, `user/${name}`, [...base, 'inline']),
      tags: tagsOf(u.tags), loginProfile, mfa: mfaOf(u.mfa, name), accessKeys: keys, groups: [...memberOf], boundary,
    };
    if (u.person !== undefined) {
      const pid = u.person.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const creds = [...(loginProfile ? [{ kind: 'console' as const, user: name }] : []), ...keys.map((k) => ({ kind: 'access-key' as const, accessKeyId: k.id }))];
      const prior = people[pid];
      people[pid] = { id: pid, name: u.person, credentials: [...(prior?.credentials ?? []), ...creds] };
    }
  }

  const roles: Record<string, Role> = {};
  for (const [name, r] of Object.entries(spec.roles ?? {})) {
    const path = r.path ?? '/';
    const base = ['account', 'roles', name];
    const arn = `arn:aws:iam::${id}:role${path}${name}`;
    const trust = trustDocument(r.trust, id, users);
    checkPolicy(trust, 'trust', `${arn}/trust`, [...base, 'trust']);
    let maxSessionDuration = 3600;
    if (r.maxSession !== undefined) {
      const d = parseDuration(r.maxSession);
      if (d.ok && d.value >= 3_600_000 && d.value <= 43_200_000) maxSessionDuration = Math.round(d.value / 1000);
      else if (d.ok) report([...base, 'maxSession'], 'badMaxSession', { value: r.maxSession });
      else report([...base, 'maxSession'], 'badDuration', { detail: d.error });
    }
    const last = when(r.lastUsed, [...base, 'lastUsed'], null);
    if (last !== null) roleUse = roleUse.set(name, { date: last, region: 'us-east-1' });
    roles[name] = {
      name, path, arn, id: entityId('role', id, next()), created: at(r.created, [...base, 'created']),
      attachedPolicies: attached(r.policies, [...base, 'policies']), inlinePolicies: inlineOf(r.inline, `role/${name}`, [...base, 'inline']),
      tags: tagsOf(r.tags), trustPolicy: trust, maxSessionDuration,
      boundary: r.boundary === undefined ? null : policyArn(r.boundary, [...base, 'boundary']) ?? null,
      ...(r.description !== undefined ? { description: r.description } : {}),
      ...(path.startsWith('/aws-service-role/') ? { serviceLinked: true } : {}),
    };
  }

  const resources: Record<string, Resource> = {};
  for (const [arn, r] of Object.entries(spec.resources ?? {})) {
    if (r.policy !== undefined) checkPolicy(r.policy, 'resource', arn, ['account', 'resources', arn, 'policy']);
    resources[arn] = { arn, policy: r.policy ?? null, tags: tagsOf(r.tags) };
  }

  const instanceProfiles: Record<string, InstanceProfile> = {};
  for (const [name, p] of Object.entries(spec.instanceProfiles ?? {})) {
    if (p.role !== undefined && !Object.hasOwn(roles, p.role)) {
      report(['account', 'instanceProfiles', name, 'role'], 'unknownReference', { kind: 'role', kindId: 'role', name: p.role, suggestion: suggestHint(p.role, Object.keys(roles), 'roles') });
    }
    instanceProfiles[name] = { name, arn: `arn:aws:iam::${id}:instance-profile/${name}`, id: entityId('instanceProfile', id, next()), created: start, roles: p.role ? [p.role] : [] };
  }
  const instances: Record<string, Ec2Instance> = {};
  for (const [iid, inst] of Object.entries(spec.instances ?? {})) {
    const base = ['account', 'instances', iid];
    if (inst.profile !== undefined && !Object.hasOwn(instanceProfiles, inst.profile)) {
      report([...base, 'profile'], 'unknownReference', { kind: 'instance profile', kindId: 'instance-profile', name: inst.profile, suggestion: suggestHint(inst.profile, Object.keys(instanceProfiles), 'instance profiles') });
    }
    const applications: Application[] = Object.entries(inst.apps ?? {}).map(([app, c]) => {
      if (typeof c === 'string') return { name: app, credential: { kind: 'instance-role' as const } };
      const owner = users[c.key];
      if (owner === undefined) {
        report([...base, 'apps', app, 'key'], 'unknownReference', { kind: 'user', kindId: 'user', name: c.key, suggestion: suggestHint(c.key, Object.keys(users), 'users') });
        return { name: app, credential: { kind: 'instance-role' as const } };
      }
      const key = owner.accessKeys[0];
      if (key === undefined) report([...base, 'apps', app, 'key'], 'noAccessKey', { user: c.key });
      return { name: app, credential: { kind: 'access-key' as const, user: c.key, accessKeyId: key?.id ?? '' } };
    });
    instances[iid] = { id: iid, region: inst.region ?? 'us-east-1', launched: at(inst.launched, [...base, 'launched']), instanceProfile: inst.profile ?? null, applications, tags: tagsOf(inst.tags) };
  }

  const trails: Record<string, Trail> = {};
  for (const [name, t] of Object.entries(spec.trails ?? {})) {
    trails[name] = { name, homeRegion: t.region ?? 'us-east-1', isMultiRegionTrail: t.multiRegion ?? true, logFileValidationEnabled: t.logFileValidation ?? true, isLogging: t.logging ?? true, s3BucketName: t.bucket ?? `cloudtrail-${id}` };
  }

  let organization: Account['organization'] = null;
  if (spec.organization !== undefined) {
    const o = spec.organization;
    const orgPolicies: Record<string, OrgPolicy> = {};
    const add = (name: string, kind: 'scp' | 'rcp', document: PolicyDocument): string => {
      const pid = `p-${lowerId(id, next(), 8)}`;
      orgPolicies[pid] = { id: pid, name, kind, document };
      return pid;
    };
    const full = o.fullAwsAccess === false ? [] : [add('FullAWSAccess', 'scp', FULL_AWS_ACCESS)];
    const scps = Object.entries(o.scps ?? {}).map(([n, d]) => {
      checkPolicy(d, 'scp', `scp/${n}`, ['account', 'organization', 'scps', n]);
      return add(n, 'scp', d);
    });
    const rcps = Object.entries(o.rcps ?? {}).map(([n, d]) => {
      checkPolicy(d, 'rcp', `rcp/${n}`, ['account', 'organization', 'rcps', n]);
      return add(n, 'rcp', d);
    });
    organization = {
      id: o.id ?? `o-${lowerId(id, next(), 10)}`,
      managementAccountId: '999988887777',
      levels: [
        { id: `r-${lowerId(id, next(), 4)}`, name: 'Root', kind: 'root', scps: [...full, ...scps], rcps },
        { id, name: spec.alias ?? id, kind: 'account', scps: [...full], rcps: [] },
      ],
      policies: orgPolicies,
    };
  }

  const root = spec.root ?? {};
  const rootKeys = keysOf(root.keys, ['account', 'root', 'keys']);
  const rootLast = when(root.passwordLastUsed, ['account', 'root', 'passwordLastUsed'], null);
  if (rootLast !== null) passwords = passwords.set('<root_account>', rootLast);
  const base = emptyAccount(id, start);
  const account: Account = {
    ...base,
    alias: spec.alias ?? null,
    organization,
    root: { ...base.root, hasPassword: root.password ?? true, accessKeys: rootKeys, mfa: mfaOf(root.mfa, 'root-account-mfa-device') },
    users, groups, roles, policies, instanceProfiles, instances, resources, trails, people,
    passwordPolicy: spec.passwordPolicy === undefined ? null : { ...PASSWORD_POLICY_DEFAULTS, ...spec.passwordPolicy },
    usage: { ...base.usage, accessKeys, passwords, roles: roleUse },
    seq,
  };
  return { account, problems };
}

/** A trust policy from its document or the `{ service, aws, mfa }` shorthand. */
function trustDocument(t: Doc, accountId: string, users: Readonly<Record<string, User>>): Doc {
  if ('Statement' in t) return t;
  const s = t as { service?: Names; aws?: Names; mfa?: boolean };
  const aws = list(s.aws).map((a) => (/^\d{12}$/.test(a) ? `arn:aws:iam::${a}:root` : a.startsWith('arn:') ? a : users[a]?.arn ?? `arn:aws:iam::${accountId}:user/${a}`));
  const principal: Record<string, string | string[]> = {};
  if (s.service !== undefined) principal['Service'] = typeof s.service === 'string' ? s.service : [...s.service];
  if (aws.length > 0) principal['AWS'] = aws.length === 1 ? aws[0]! : aws;
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(s.mfa ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}) }],
  };
}
