/**
 * Assembles a model Account from what the readers found. Pure: every time comes from the inputs or the snapshot,
 * never from the clock. Users come from the authorization details; the credential report adds their passwords, MFA
 * and keys (rows for users the details lack are reported and skipped; the root row becomes account.root).
 */
import { Map as IMap, type List } from 'immutable';
import { freeze } from 'immer';
import { ROOT, type AccessKey, type Account, type CloudTrailEvent, type Ec2Instance, type Instant, type LastUsed, type MfaDevice, type PasswordPolicy, type PasswordProperties, type RootUser, type ServiceLastAccessed, type Trail, type User } from '../model/types.js';
import type { AccountSummary } from './account-summary.js';
import type { AuthzPieces } from './authorization-details.js';
import type { CredentialReport, ReportKey } from './credential-report.js';
import { importWarning } from './problems.js';
import { syntheticKeyId } from './synthetic-ids.js';
import type { ImportProblem, InputKind } from './types.js';
import type { VirtualDevice } from './virtual-mfa-devices.js';

/**
 * What an imported password is taken to be. No AWS export reveals a password's strength, so it is recorded as meeting
 * any policy; the weak-user-password check is reported as not evaluated for imported accounts instead (see needs.ts).
 */
export const UNKNOWN_PASSWORD: PasswordProperties = freeze({ length: 128, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false });

/** Everything the readers produced. */
export interface AccountParts {
  readonly authz: AuthzPieces;
  readonly report: CredentialReport | null;
  readonly passwordPolicy: PasswordPolicy | null;
  readonly summary: AccountSummary | null;
  readonly virtualMfa: readonly VirtualDevice[] | null;
  readonly services: ReadonlyMap<string, Readonly<Record<string, ServiceLastAccessed>>>;
  readonly instances: Readonly<Record<string, Ec2Instance>>;
  readonly trails: Readonly<Record<string, Trail>>;
  readonly activity: List<CloudTrailEvent>;
  readonly inputs: readonly InputKind[];
  readonly snapshot: Instant;
}

/** Builds the account; problems are warnings about records that could not be placed. */
export function buildAccount(parts: AccountParts): { readonly account: Account; readonly problems: readonly ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const { authz, report } = parts;
  const reportFile = report?.file ?? '';
  const rootRow = report?.rows.find((r) => r.user === ROOT);
  const accountId = authz.accountId ?? /::(\d{12}):/.exec(rootRow?.arn ?? '')?.[1] ?? '000000000000';
  const virtualByArn = new Map((parts.virtualMfa ?? []).map((d) => [d.userArn, d] as const));
  const mfaDevice = (arn: string, name: string, fallbackEnabled: Instant): MfaDevice => {
    const v = virtualByArn.get(arn);
    if (v !== undefined) return { serial: v.serial, kind: 'virtual', enabled: v.enabled ?? fallbackEnabled };
    if (parts.virtualMfa !== null) return { serial: `arn:aws:iam::${accountId}:u2f/${name}`, kind: 'hardware', enabled: fallbackEnabled };
    return { serial: `arn:aws:iam::${accountId}:mfa/${name}`, kind: 'virtual', enabled: fallbackEnabled };
  };

  const realIds = realKeyIds(parts.activity);
  const keyId = (ownerKey: string, arn: string, slot: 1 | 2, report: readonly ReportKey[]): string => resolveKeyId(realIds.get(ownerKey), arn, slot, report);
  const keyUsage = IMap<string, LastUsed>().asMutable();
  const passwords = IMap<string, Instant>().asMutable();
  const users: Record<string, User> = { ...authz.users };
  const earliest = [...Object.values(authz.users), ...Object.values(authz.roles), ...Object.values(authz.groups)].map((e) => e.created).filter((t) => !t.startsWith('1970')).sort()[0];

  let root: RootUser = { arn: `arn:aws:iam::${accountId}:root`, created: rootRow?.created ?? earliest ?? parts.snapshot, hasPassword: true, accessKeys: [], mfa: [] };
  if (rootRow !== undefined) {
    const keys: AccessKey[] = rootRow.keys.map((k) => ({ id: keyId(ROOT, rootRow.arn, k.slot, rootRow.keys), status: k.active ? 'Active' : 'Inactive', created: k.lastRotated ?? root.created }));
    for (const k of rootRow.keys) if (k.lastUsed !== null) keyUsage.set(keyId(ROOT, rootRow.arn, k.slot, rootRow.keys), k.lastUsed);
    if (rootRow.passwordLastUsed !== null) passwords.set(ROOT, rootRow.passwordLastUsed);
    root = { ...root, accessKeys: keys, mfa: rootRow.mfaActive ? [mfaDevice(root.arn, 'root-account-mfa-device', root.created)] : [] };
  } else if (parts.summary !== null) {
    root = {
      ...root,
      mfa: parts.summary.rootMfa ? [mfaDevice(root.arn, 'root-account-mfa-device', root.created)] : [],
      accessKeys: parts.summary.rootKeys ? [{ id: syntheticKeyId(root.arn, 1), status: 'Active', created: root.created }] : [],
    };
    if (parts.summary.rootKeys) problems.push(importWarning('', 'account-summary', 'root-key-age-unknown', 'the account summary says root has an access key; without the credential report its age and use are unknown (taken as created with the account)', 'add the credential report'));
  }
  if (root.mfa[0] !== undefined && parts.virtualMfa === null) {
    problems.push(importWarning('', 'virtual-mfa-devices', 'mfa-kind-unknown', "root has MFA but without list-virtual-mfa-devices its kind is unknown; taken as virtual", 'add `aws iam list-virtual-mfa-devices` output'));
  }

  for (const row of report?.rows ?? []) {
    if (row.user === ROOT) continue;
    const u = users[row.user];
    if (u === undefined || !Object.hasOwn(users, row.user)) {
      problems.push(importWarning(reportFile, `${reportFile}:${row.line}`, 'unknown-user', `user ${row.user} is in the credential report but not in the authorization details; skipped`, 'export both files at the same time'));
      continue;
    }
    const keys: AccessKey[] = row.keys.map((k) => ({ id: keyId(u.name, u.arn, k.slot, row.keys), status: k.active ? 'Active' : 'Inactive', created: k.lastRotated ?? u.created }));
    for (const k of row.keys) if (k.lastUsed !== null) keyUsage.set(keyId(u.name, u.arn, k.slot, row.keys), k.lastUsed);
    if (row.passwordLastUsed !== null) passwords.set(u.name, row.passwordLastUsed);
    const changed = row.passwordLastChanged ?? u.created;
    users[u.name] = {
      ...u,
      loginProfile: row.passwordEnabled === true ? { created: changed, passwordLastChanged: changed, passwordResetRequired: false, password: UNKNOWN_PASSWORD } : null,
      mfa: row.mfaActive ? [mfaDevice(u.arn, u.name, u.created)] : [],
      accessKeys: keys,
    };
  }

  for (const [name, u] of Object.entries(users)) {
    const known = u.groups.filter((g) => Object.hasOwn(authz.groups, g));
    if (known.length !== u.groups.length) {
      problems.push(importWarning('', `UserDetailList/${name}/GroupList`, 'unknown-group', `user ${name} is in group(s) ${u.groups.filter((g) => !known.includes(g)).join(', ')} that the details do not list; membership dropped`));
      users[name] = { ...u, groups: known };
    }
  }

  const instances: Record<string, Ec2Instance> = {};
  for (const [id, inst] of Object.entries(parts.instances)) {
    if (inst.instanceProfile !== null && !Object.hasOwn(authz.instanceProfiles, inst.instanceProfile)) {
      problems.push(importWarning('', `instances/${id}`, 'unknown-instance-profile', `instance ${id} uses instance profile ${inst.instanceProfile}, which has no role in the authorization details; taken as none`));
      instances[id] = { ...inst, instanceProfile: null };
    } else instances[id] = inst;
  }

  const services = IMap<string, IMap<string, ServiceLastAccessed>>().withMutations((m) => {
    for (const [arn, recs] of parts.services) m.set(arn, IMap(recs));
  });

  const plain = {
    formatVersion: 1 as const,
    id: accountId,
    alias: null,
    partition: 'aws' as const,
    organization: null,
    root,
    users,
    groups: authz.groups,
    roles: authz.roles,
    policies: authz.policies,
    instanceProfiles: authz.instanceProfiles,
    instances,
    resources: {},
    passwordPolicy: parts.passwordPolicy,
    trails: parts.trails,
    sessions: {},
    people: {},
    seq: 0,
    importedFrom: { inputs: [...parts.inputs], snapshot: parts.snapshot },
  };
  freeze(plain, true);
  const account: Account = {
    ...plain,
    usage: { accessKeys: keyUsage.asImmutable(), passwords: passwords.asImmutable(), roles: IMap(authz.roleUsage), services },
    activity: parts.activity,
  };
  return { account: Object.freeze(account), problems };
}

/** Long-term key ids (AKIA…) seen in CloudTrail, per user name (ROOT for root), each with its last use. */
function realKeyIds(activity: List<CloudTrailEvent>): Map<string, Map<string, Instant>> {
  const out = new Map<string, Map<string, Instant>>();
  for (const e of activity) {
    const id = e.userIdentity.accessKeyId;
    if (id === undefined || !id.startsWith('AKIA')) continue;
    const owner = e.userIdentity.type === 'Root' ? ROOT : e.userIdentity.userName;
    if (owner === undefined) continue;
    let m = out.get(owner);
    if (m === undefined) out.set(owner, (m = new Map()));
    const prev = m.get(id);
    if (prev === undefined || e.eventTime > prev) m.set(id, e.eventTime);
  }
  return out;
}

/**
 * The id of key `slot`: the real id when CloudTrail shows it (one key id seen for a one-key user; with two, each slot
 * takes the id whose last use is nearest its report last-used date), else the synthetic id.
 */
function resolveKeyId(seen: Map<string, Instant> | undefined, arn: string, slot: 1 | 2, keys: readonly ReportKey[]): string {
  if (seen === undefined || seen.size === 0 || seen.size > keys.length) return syntheticKeyId(arn, slot);
  const ids = [...seen.entries()];
  if (keys.length === 1) return ids.length === 1 ? ids[0]![0] : syntheticKeyId(arn, slot);
  const distance = (k: ReportKey, t: Instant): number => (k.lastUsed === null ? Number.MAX_SAFE_INTEGER : Math.abs(Date.parse(k.lastUsed.date) - Date.parse(t)));
  const [k1, k2] = [keys.find((k) => k.slot === 1), keys.find((k) => k.slot === 2)];
  if (k1 === undefined || k2 === undefined) return syntheticKeyId(arn, slot);
  if (ids.length === 1) {
    const [id, t] = ids[0]!;
    const best = distance(k1, t) <= distance(k2, t) ? 1 : 2;
    return best === slot ? id : syntheticKeyId(arn, slot);
  }
  const [[a, ta], [b, tb]] = [ids[0]!, ids[1]!];
  const straight = distance(k1, ta) + distance(k2, tb) <= distance(k1, tb) + distance(k2, ta);
  return slot === 1 ? (straight ? a : b) : straight ? b : a;
}
