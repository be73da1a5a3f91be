/**
 * `iamsim account show`: a summary of an account as data (the JSON output) and as text. Ages are measured from an
 * explicit instant, by default the newest timestamp in the account, never the wall clock.
 */
import { awsManagedPolicy } from '../../model/aws-managed.js';
import { managedPolicy } from '../../model/lookup.js';
import { daysBetween } from '../../model/time.js';
import { ROOT, type Account, type Instant, type LastUsed, type MfaDevice } from '../../model/types.js';

/** One credential line: an access key. */
export interface KeySummary {
  readonly id: string;
  readonly status: 'Active' | 'Inactive';
  readonly created: Instant;
  readonly ageDays: number;
  readonly lastUsed: LastUsed | null;
  readonly lastUsedDaysAgo: number | null;
}

/** A policy as shown: its name (ARN for customer policies kept alongside), and how the principal gets it. */
export interface PolicyRef {
  readonly name: string;
  readonly arn?: string;
  readonly via: 'attached' | 'inline' | `group ${string}` | 'boundary';
}

/** A user as shown. */
export interface UserSummary {
  readonly name: string;
  readonly arn: string;
  readonly created: Instant;
  readonly ageDays: number;
  readonly console: { readonly passwordLastChanged: Instant; readonly passwordAgeDays: number; readonly lastUsed: Instant | null; readonly resetRequired: boolean } | null;
  readonly mfa: readonly MfaDevice[];
  readonly accessKeys: readonly KeySummary[];
  readonly groups: readonly string[];
  readonly policies: readonly PolicyRef[];
  readonly tags: Readonly<Record<string, string>>;
}

/** A role as shown. */
export interface RoleSummary {
  readonly name: string;
  readonly arn: string;
  readonly trustedBy: readonly string[];
  readonly policies: readonly PolicyRef[];
  readonly lastUsed: LastUsed | null;
  readonly serviceLinked: boolean;
  readonly maxSessionDuration: number;
}

/** The whole summary. */
export interface AccountSummary {
  readonly account: { readonly id: string; readonly alias: string | null };
  readonly at: Instant;
  readonly organization: null | { readonly id: string; readonly managementAccountId: string; readonly levels: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly scps: readonly string[]; readonly rcps: readonly string[] }[] };
  readonly passwordPolicy: Account['passwordPolicy'];
  readonly root: { readonly hasPassword: boolean; readonly passwordLastUsed: Instant | null; readonly mfa: readonly MfaDevice[]; readonly accessKeys: readonly KeySummary[] };
  readonly users: readonly UserSummary[];
  readonly groups: readonly { readonly name: string; readonly members: readonly string[]; readonly policies: readonly PolicyRef[] }[];
  readonly roles: readonly RoleSummary[];
  readonly customerPolicies: readonly { readonly name: string; readonly arn: string; readonly defaultVersion: string; readonly versions: number; readonly attachments: number; readonly lastReviewed: Instant | null }[];
  readonly instances: readonly { readonly id: string; readonly region: string; readonly instanceProfile: string | null; readonly role: string | null; readonly applications: readonly { readonly name: string; readonly credential: string }[] }[];
  readonly trails: readonly { readonly name: string; readonly isLogging: boolean; readonly isMultiRegionTrail: boolean; readonly logFileValidationEnabled: boolean; readonly s3BucketName: string }[];
  readonly resourcePolicies: readonly string[];
  /** Role sessions not yet expired at `at`. */
  readonly activeSessions: readonly { readonly id: string; readonly roleName: string; readonly sessionName: string; readonly assumedBy: string; readonly expires: Instant; readonly mfaAuthenticated: boolean }[];
  readonly activityEvents: number;
}

/** The newest timestamp anywhere in the account (creation times, last-used data, activity); the account's "now". */
export function newestInstant(a: Account): Instant {
  let max = a.root.created;
  const see = (t: Instant | null | undefined): void => {
    if (t !== null && t !== undefined && t > max) max = t;
  };
  for (const u of Object.values(a.users)) {
    see(u.created);
    see(u.loginProfile?.passwordLastChanged);
    for (const k of u.accessKeys) see(k.created);
    for (const d of u.mfa) see(d.enabled);
  }
  for (const k of a.root.accessKeys) see(k.created);
  for (const d of a.root.mfa) see(d.enabled);
  for (const g of Object.values(a.groups)) see(g.created);
  for (const r of Object.values(a.roles)) see(r.created);
  for (const p of Object.values(a.policies)) {
    for (const v of p.versions) see(v.created);
    see(p.lastReviewed);
  }
  for (const i of Object.values(a.instances)) see(i.launched);
  for (const s of Object.values(a.sessions)) see(s.issued);
  for (const v of a.usage.accessKeys.values()) see(v.date);
  for (const v of a.usage.passwords.values()) see(v);
  for (const v of a.usage.roles.values()) see(v.date);
  for (const m of a.usage.services.values()) for (const v of m.values()) see(v.LastAuthenticated);
  see(a.activity.last()?.eventTime);
  see((a as { readonly importedFrom?: { readonly snapshot?: Instant } }).importedFrom?.snapshot);
  for (const e of a.activity) see(e.eventTime);
  return max;
}

const policyName = (a: Account, arn: string): string => managedPolicy(a, arn)?.name ?? awsManagedPolicy(arn)?.name ?? arn;

function keySummary(a: Account, k: { id: string; status: 'Active' | 'Inactive'; created: Instant }, at: Instant): KeySummary {
  const lu = a.usage.accessKeys.get(k.id) ?? null;
  return { id: k.id, status: k.status, created: k.created, ageDays: daysBetween(k.created, at), lastUsed: lu, lastUsedDaysAgo: lu === null ? null : daysBetween(lu.date, at) };
}

function principalsOfTrust(doc: Readonly<Record<string, unknown>>): string[] {
  const st = doc['Statement'];
  const list = Array.isArray(st) ? st : st !== undefined ? [st] : [];
  const out: string[] = [];
  for (const s of list as Record<string, unknown>[]) {
    if (s['Effect'] !== 'Allow') continue;
    const p = s['Principal'];
    if (p === '*') out.push('*');
    else if (p !== null && typeof p === 'object') {
      for (const v of Object.values(p as Record<string, unknown>)) out.push(...(Array.isArray(v) ? (v as string[]) : [String(v)]));
    }
  }
  return out;
}

/** Builds the summary of an account as of `at`. */
export function summarizeAccount(a: Account, at: Instant): AccountSummary {
  const attachedRefs = (arns: readonly string[], via: PolicyRef['via']): PolicyRef[] => arns.map((arn) => ({ name: policyName(a, arn), arn, via }));
  const inlineRefs = (p: Readonly<Record<string, unknown>>): PolicyRef[] => Object.keys(p).sort().map((name) => ({ name, via: 'inline' as const }));
  const users: UserSummary[] = Object.values(a.users)
    .sort((x, y) => x.name.localeCompare(y.name))
    .map((u) => ({
      name: u.name,
      arn: u.arn,
      created: u.created,
      ageDays: daysBetween(u.created, at),
      console:
        u.loginProfile === null
          ? null
          : {
              passwordLastChanged: u.loginProfile.passwordLastChanged,
              passwordAgeDays: daysBetween(u.loginProfile.passwordLastChanged, at),
              lastUsed: a.usage.passwords.get(u.name) ?? null,
              resetRequired: u.loginProfile.passwordResetRequired,
            },
      mfa: u.mfa,
      accessKeys: u.accessKeys.map((k) => keySummary(a, k, at)),
      groups: u.groups,
      policies: [
        ...attachedRefs(u.attachedPolicies, 'attached'),
        ...inlineRefs(u.inlinePolicies),
        ...u.groups.flatMap((g) => {
          const grp = a.groups[g];
          if (grp === undefined) return [];
          return [...attachedRefs(grp.attachedPolicies, `group ${g}`), ...Object.keys(grp.inlinePolicies).sort().map((name) => ({ name, via: `group ${g}` as const }))];
        }),
        ...(u.boundary !== null ? attachedRefs([u.boundary], 'boundary') : []),
      ],
      tags: u.tags,
    }));
  const members = new Map<string, string[]>();
  for (const u of Object.values(a.users)) {
    for (const g of u.groups) {
      const list = members.get(g);
      if (list === undefined) members.set(g, [u.name]);
      else list.push(u.name);
    }
  }
  const attachmentCounts = new Map<string, number>();
  for (const p of [...Object.values(a.users), ...Object.values(a.groups), ...Object.values(a.roles)]) {
    for (const arn of p.attachedPolicies) attachmentCounts.set(arn, (attachmentCounts.get(arn) ?? 0) + 1);
  }
  const org = a.organization;
  return {
    account: { id: a.id, alias: a.alias },
    at,
    organization:
      org === null
        ? null
        : {
            id: org.id,
            managementAccountId: org.managementAccountId,
            levels: org.levels.map((l) => ({ id: l.id, name: l.name, kind: l.kind, scps: l.scps.map((p) => org.policies[p]?.name ?? p), rcps: l.rcps.map((p) => org.policies[p]?.name ?? p) })),
          },
    passwordPolicy: a.passwordPolicy,
    root: { hasPassword: a.root.hasPassword, passwordLastUsed: a.usage.passwords.get(ROOT) ?? null, mfa: a.root.mfa, accessKeys: a.root.accessKeys.map((k) => keySummary(a, k, at)) },
    users,
    groups: Object.values(a.groups)
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((g) => ({ name: g.name, members: [...(members.get(g.name) ?? [])].sort(), policies: [...attachedRefs(g.attachedPolicies, 'attached'), ...inlineRefs(g.inlinePolicies)] })),
    roles: Object.values(a.roles)
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((r) => ({
        name: r.name,
        arn: r.arn,
        trustedBy: principalsOfTrust(r.trustPolicy),
        policies: [...attachedRefs(r.attachedPolicies, 'attached'), ...inlineRefs(r.inlinePolicies), ...(r.boundary !== null ? attachedRefs([r.boundary], 'boundary') : [])],
        lastUsed: a.usage.roles.get(r.name) ?? null,
        serviceLinked: r.serviceLinked === true,
        maxSessionDuration: r.maxSessionDuration,
      })),
    customerPolicies: Object.values(a.policies)
      .sort((x, y) => x.arn.localeCompare(y.arn))
      .map((p) => ({ name: p.name, arn: p.arn, defaultVersion: p.defaultVersion, versions: p.versions.length, attachments: attachmentCounts.get(p.arn) ?? 0, lastReviewed: p.lastReviewed ?? null })),
    instances: Object.values(a.instances)
      .sort((x, y) => x.id.localeCompare(y.id))
      .map((i) => ({
        id: i.id,
        region: i.region,
        instanceProfile: i.instanceProfile,
        role: i.instanceProfile !== null ? (a.instanceProfiles[i.instanceProfile]?.roles[0] ?? null) : null,
        applications: i.applications.map((app) => ({ name: app.name, credential: app.credential.kind === 'instance-role' ? 'instance role' : `access key ${app.credential.accessKeyId} of user ${app.credential.user}` })),
      })),
    trails: Object.values(a.trails)
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((t) => ({ name: t.name, isLogging: t.isLogging, isMultiRegionTrail: t.isMultiRegionTrail, logFileValidationEnabled: t.logFileValidationEnabled, s3BucketName: t.s3BucketName })),
    resourcePolicies: Object.values(a.resources).filter((r) => r.policy !== null).map((r) => r.arn).sort(),
    activeSessions: Object.values(a.sessions)
      .filter((x) => x.issued <= at && x.expires > at)
      .sort((x, y) => x.issued.localeCompare(y.issued))
      .map((x) => ({ id: x.id, roleName: x.roleName, sessionName: x.sessionName, assumedBy: x.assumedBy, expires: x.expires, mfaAuthenticated: x.mfaAuthenticated })),
    activityEvents: a.activity.size,
  };
}

const ago = (days: number | null): string => (days === null ? 'never' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`);
const mfaText = (m: readonly MfaDevice[]): string => (m.length === 0 ? 'none' : m.map((d) => `${d.kind} ${d.serial}`).join(', '));
const keyText = (k: KeySummary): string =>
  `${k.id} ${k.status}, ${k.ageDays} days old, last used ${k.lastUsed === null ? 'never' : `${ago(k.lastUsedDaysAgo)}${k.lastUsed.service !== undefined ? ` (${k.lastUsed.service}${k.lastUsed.region !== undefined ? `, ${k.lastUsed.region}` : ''})` : ''}`}`;
const policiesText = (ps: readonly PolicyRef[]): string => (ps.length === 0 ? 'none' : ps.map((p) => `${p.name} (${p.via})`).join(', '));

function passwordPolicyText(p: Account['passwordPolicy']): string {
  if (p === null) return 'none (IAM defaults: at least 8 characters, 3 character classes)';
  const req = [p.RequireUppercaseCharacters && 'uppercase', p.RequireLowercaseCharacters && 'lowercase', p.RequireNumbers && 'numbers', p.RequireSymbols && 'symbols'].filter(Boolean);
  return [
    `minimum length ${p.MinimumPasswordLength}`,
    req.length > 0 ? `requires ${req.join(', ')}` : 'no character classes required',
    p.ExpirePasswords ? `expires after ${p.MaxPasswordAge} days${p.HardExpiry ? ' (hard expiry)' : ''}` : 'never expires',
    p.PasswordReusePrevention !== undefined ? `remembers ${p.PasswordReusePrevention} passwords` : 'no reuse prevention',
    p.AllowUsersToChangePassword ? 'users may change their password' : 'users may not change their password',
  ].join('; ');
}

/** Renders the summary as text. */
export function renderAccountText(s: AccountSummary): string {
  const out: string[] = [];
  out.push(`Account ${s.account.id}${s.account.alias !== null ? ` (${s.account.alias})` : ''}, as of ${s.at}`);
  out.push(
    s.organization === null
      ? 'Organization: none (standalone account, no SCPs)'
      : `Organization ${s.organization.id} (management account ${s.organization.managementAccountId}):\n${s.organization.levels
          .map((l, i) => `${'  '.repeat(i + 1)}${l.kind} ${l.name} [${l.id}]  SCPs: ${l.scps.join(', ') || 'none'}${l.rcps.length > 0 ? `  RCPs: ${l.rcps.join(', ')}` : ''}`)
          .join('\n')}`,
  );
  out.push(`Password policy: ${passwordPolicyText(s.passwordPolicy)}`);
  out.push('', 'Root user');
  out.push(`  password: ${s.root.hasPassword ? `yes, last used ${s.root.passwordLastUsed === null ? 'never' : `${s.root.passwordLastUsed} (${ago(daysBetween(s.root.passwordLastUsed, s.at))})`}` : 'no'}`);
  out.push(`  MFA: ${mfaText(s.root.mfa)}`);
  out.push(`  access keys: ${s.root.accessKeys.length === 0 ? 'none' : s.root.accessKeys.map(keyText).join('; ')}`);
  out.push('', `Users (${s.users.length})`);
  for (const u of s.users) {
    out.push(`  ${u.name}  ${u.arn}  created ${u.ageDays} days ago`);
    out.push(`    console: ${u.console === null ? 'no password' : `password changed ${ago(u.console.passwordAgeDays)}, last used ${u.console.lastUsed ?? 'never'}${u.console.resetRequired ? ', reset required' : ''}`}`);
    out.push(`    MFA: ${mfaText(u.mfa)}`);
    out.push(`    access keys: ${u.accessKeys.length === 0 ? 'none' : u.accessKeys.map(keyText).join('; ')}`);
    out.push(`    groups: ${u.groups.length === 0 ? 'none' : u.groups.join(', ')}`);
    out.push(`    policies: ${policiesText(u.policies)}`);
    if (Object.keys(u.tags).length > 0) out.push(`    tags: ${Object.entries(u.tags).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  out.push('', `Groups (${s.groups.length})`);
  for (const g of s.groups) out.push(`  ${g.name}  members: ${g.members.join(', ') || 'none'}  policies: ${policiesText(g.policies)}`);
  out.push('', `Roles (${s.roles.length})`);
  for (const r of s.roles) {
    out.push(`  ${r.name}${r.serviceLinked ? ' (service-linked)' : ''}  trusted by: ${r.trustedBy.join(', ') || 'nobody'}  last used: ${r.lastUsed === null ? 'never' : r.lastUsed.date}`);
    out.push(`    policies: ${policiesText(r.policies)}`);
  }
  out.push('', `Customer managed policies (${s.customerPolicies.length})`);
  for (const p of s.customerPolicies) out.push(`  ${p.name}  ${p.arn}  default ${p.defaultVersion} of ${p.versions}, ${p.attachments} attachment(s), last reviewed ${p.lastReviewed ?? 'never'}`);
  if (s.instances.length > 0) {
    out.push('', `EC2 instances (${s.instances.length})`);
    for (const i of s.instances) {
      out.push(`  ${i.id} (${i.region})  instance profile: ${i.instanceProfile ?? 'none'}${i.role !== null ? ` → role ${i.role}` : ''}`);
      for (const app of i.applications) out.push(`    app ${app.name}: ${app.credential}`);
    }
  }
  out.push('', `CloudTrail: ${s.trails.length === 0 ? 'no trail' : s.trails.map((t) => `${t.name} (${t.isLogging ? 'logging' : 'NOT logging'}, ${t.isMultiRegionTrail ? 'multi-region' : 'single-region'}, log file validation ${t.logFileValidationEnabled ? 'on' : 'off'}) → s3://${t.s3BucketName}`).join('; ')}`);
  if (s.resourcePolicies.length > 0) out.push(`Resource policies: ${s.resourcePolicies.join(', ')}`);
  if (s.activeSessions.length > 0) {
    out.push(`Active role sessions (${s.activeSessions.length})`);
    for (const x of s.activeSessions) out.push(`  ${x.roleName}/${x.sessionName} by ${x.assumedBy}${x.mfaAuthenticated ? ' with MFA' : ''}, expires ${x.expires}`);
  }
  out.push(`Activity: ${s.activityEvents} event(s)`);
  return `${out.join('\n')}\n`;
}
