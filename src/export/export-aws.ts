/**
 * `exportAws(account)`: the files AWS's own tools would write for this account, as name → text. It is the inverse of
 * the importer (src/import): importing the files gives back an equivalent account, except for what AWS exports never
 * carry (access key ids, password strength, people, sessions, resources, the organization, applications on
 * instances). Trainers can hand the files to learners as realistic exports.
 */
import { awsManagedPolicy } from '../model/aws-managed.js';
import { ROOT, type Account, type Instant, type LastUsed, type User } from '../model/types.js';
import { awsDate } from './aws-dates.js';

/** Options: the credential report's generation time (the snapshot the importer will compute ages from). */
export interface ExportOptions {
  readonly at: Instant;
}

/** One exported file. */
export interface ExportedFile {
  readonly name: string;
  readonly text: string;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 4)}\n`;
const tags = (t: Readonly<Record<string, string>>): { Key: string; Value: string }[] => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const attached = (arns: readonly string[]): { PolicyName: string; PolicyArn: string }[] => arns.map((a) => ({ PolicyName: a.split('/').pop() ?? a, PolicyArn: a }));
const inline = (docs: Readonly<Record<string, unknown>>): { PolicyName: string; PolicyDocument: unknown }[] => Object.entries(docs).map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument }));
const boundary = (arn: string | null): Record<string, unknown> => (arn === null ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } });

function authorizationDetails(a: Account): unknown {
  const uses = new Map<string, number>();
  const count = (arn: string): void => void uses.set(arn, (uses.get(arn) ?? 0) + 1);
  for (const p of [...Object.values(a.users), ...Object.values(a.groups), ...Object.values(a.roles)]) p.attachedPolicies.forEach(count);
  const awsPolicies = [...uses.keys()].filter((arn) => !Object.hasOwn(a.policies, arn)).sort().flatMap((arn) => {
    const p = awsManagedPolicy(arn);
    return p === undefined ? [] : [{
      PolicyName: p.name, PolicyId: `ANPA${p.name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 17)}`, Arn: p.arn, Path: p.path, DefaultVersionId: p.versionId,
      AttachmentCount: uses.get(arn) ?? 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true,
      CreateDate: awsDate(p.created ?? '2015-02-06T18:39:46Z'), UpdateDate: awsDate(p.updated ?? p.created ?? '2015-02-06T18:39:46Z'),
      PolicyVersionList: [{ Document: p.document, VersionId: p.versionId, IsDefaultVersion: true, CreateDate: awsDate(p.updated ?? p.created ?? '2015-02-06T18:39:46Z') }],
    }];
  });
  return {
    UserDetailList: Object.values(a.users).map((u) => ({
      Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: awsDate(u.created),
      UserPolicyList: inline(u.inlinePolicies), GroupList: u.groups, AttachedManagedPolicies: attached(u.attachedPolicies), ...boundary(u.boundary), Tags: tags(u.tags),
    })),
    GroupDetailList: Object.values(a.groups).map((g) => ({
      Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: awsDate(g.created), GroupPolicyList: inline(g.inlinePolicies), AttachedManagedPolicies: attached(g.attachedPolicies),
    })),
    RoleDetailList: Object.values(a.roles).map((r) => {
      const used = a.usage.roles.get(r.name);
      return {
        Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: awsDate(r.created), AssumeRolePolicyDocument: r.trustPolicy,
        ...(r.description !== undefined ? { Description: r.description } : {}),
        InstanceProfileList: Object.values(a.instanceProfiles).filter((ip) => ip.roles.includes(r.name)).map((ip) => ({
          Path: '/', InstanceProfileName: ip.name, InstanceProfileId: ip.id, Arn: ip.arn, CreateDate: awsDate(ip.created),
          Roles: ip.roles.map((n) => ({ Path: r.path, RoleName: n, RoleId: a.roles[n]?.id ?? n, Arn: a.roles[n]?.arn ?? '', CreateDate: awsDate(a.roles[n]?.created ?? r.created), AssumeRolePolicyDocument: a.roles[n]?.trustPolicy ?? {} })),
        })),
        RolePolicyList: inline(r.inlinePolicies), AttachedManagedPolicies: attached(r.attachedPolicies), ...boundary(r.boundary), Tags: tags(r.tags),
        RoleLastUsed: used === undefined ? {} : { LastUsedDate: awsDate(used.date), ...(used.region !== undefined ? { Region: used.region } : {}) },
      };
    }),
    Policies: [
      ...Object.values(a.policies).map((p) => ({
        PolicyName: p.name, PolicyId: p.id, Arn: p.arn, Path: p.path, DefaultVersionId: p.defaultVersion, AttachmentCount: uses.get(p.arn) ?? 0,
        PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: awsDate(p.created), UpdateDate: awsDate(p.versions.at(-1)?.created ?? p.created),
        ...(p.description !== undefined ? { Description: p.description } : {}),
        PolicyVersionList: p.versions.map((v) => ({ Document: encodeURIComponent(JSON.stringify(v.document)), VersionId: v.id, IsDefaultVersion: v.id === p.defaultVersion, CreateDate: awsDate(v.created) })),
      })),
      ...awsPolicies,
    ],
  };
}

const CSV_HEADER = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
];

function keyColumns(keys: readonly { id: string; status: string; created: Instant }[], usage: (id: string) => LastUsed | undefined): string[] {
  const out: string[] = [];
  const sorted = [...keys].sort((x, y) => (x.created < y.created ? -1 : x.created > y.created ? 1 : 0));
  for (const slot of [0, 1]) {
    const k = sorted[slot];
    if (k === undefined) {
      out.push('false', 'N/A', 'N/A', 'N/A', 'N/A');
      continue;
    }
    const u = usage(k.id);
    out.push(k.status === 'Active' ? 'true' : 'false', awsDate(k.created), u ? awsDate(u.date) : 'N/A', u?.region ?? 'N/A', u?.service ?? 'N/A');
  }
  return out;
}

/** The decoded credential report CSV: the root row first, then users, 22 columns as IAM writes them. */
export function credentialReportCsv(a: Account): string {
  const usage = (id: string): LastUsed | undefined => a.usage.accessKeys.get(id);
  const rootUsed = a.usage.passwords.get(ROOT);
  const rows: string[][] = [[
    ROOT, a.root.arn, awsDate(a.root.created), 'not_supported', rootUsed ? awsDate(rootUsed) : 'no_information', 'not_supported', 'not_supported',
    a.root.mfa.length > 0 ? 'true' : 'false', ...keyColumns(a.root.accessKeys, usage), 'false', 'N/A', 'false', 'N/A',
  ]];
  for (const u of Object.values(a.users) as User[]) {
    const lp = u.loginProfile;
    const used = a.usage.passwords.get(u.name);
    const maxAge = a.passwordPolicy?.ExpirePasswords && a.passwordPolicy.MaxPasswordAge ? a.passwordPolicy.MaxPasswordAge : undefined;
    rows.push([
      u.name, u.arn, awsDate(u.created), lp ? 'true' : 'false', lp ? (used ? awsDate(used) : 'no_information') : used ? awsDate(used) : 'N/A', lp ? awsDate(lp.passwordLastChanged) : 'N/A',
      lp && maxAge !== undefined ? awsDate(new Date(Date.parse(lp.passwordLastChanged) + maxAge * 86_400_000).toISOString().replace(/\.000Z$/, 'Z')) : 'N/A',
      u.mfa.length > 0 ? 'true' : 'false', ...keyColumns(u.accessKeys, usage), 'false', 'N/A', 'false', 'N/A',
    ]);
  }
  return `${[CSV_HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

/** Every file, named as `iamsim collect` names them. */
export function exportAws(a: Account, opts: ExportOptions): readonly ExportedFile[] {
  const files: ExportedFile[] = [{ name: 'authorization-details.json', text: json(authorizationDetails(a)) }];
  files.push({ name: 'credential-report.json', text: json({ Content: Buffer.from(credentialReportCsv(a), 'utf8').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: awsDate(opts.at) }) });
  if (a.passwordPolicy !== null) files.push({ name: 'password-policy.json', text: json({ PasswordPolicy: a.passwordPolicy }) });
  files.push({ name: 'account-summary.json', text: json({ SummaryMap: { AccountMFAEnabled: a.root.mfa.length > 0 ? 1 : 0, AccountAccessKeysPresent: a.root.accessKeys.length > 0 ? 1 : 0, Users: Object.keys(a.users).length, Groups: Object.keys(a.groups).length, Roles: Object.keys(a.roles).length, Policies: Object.keys(a.policies).length } }) });
  const virtual = [
    ...a.root.mfa.filter((d) => d.kind === 'virtual').map((d) => ({ SerialNumber: d.serial, User: { Arn: a.root.arn, UserId: a.id, CreateDate: awsDate(a.root.created) }, EnableDate: awsDate(d.enabled) })),
    ...Object.values(a.users).flatMap((u) => u.mfa.filter((d) => d.kind === 'virtual').map((d) => ({ SerialNumber: d.serial, User: { Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: awsDate(u.created) }, EnableDate: awsDate(d.enabled) }))),
  ];
  files.push({ name: 'virtual-mfa-devices.json', text: json({ VirtualMFADevices: virtual }) });
  for (const [arn, services] of a.usage.services) {
    files.push({
      name: `last-accessed.${arn.replace(/[:/]/g, '_')}.json`,
      text: json({
        Arn: arn, JobStatus: 'COMPLETED', JobType: 'ACTION_LEVEL', JobCreationDate: awsDate(opts.at), JobCompletionDate: awsDate(opts.at), IsTruncated: false,
        ServicesLastAccessed: [...services.values()].map((s) => ({
          ServiceName: s.ServiceNamespace, ServiceNamespace: s.ServiceNamespace, LastAuthenticated: awsDate(s.LastAuthenticated), LastAuthenticatedEntity: s.LastAuthenticatedEntity,
          LastAuthenticatedRegion: s.LastAuthenticatedRegion, TotalAuthenticatedEntities: s.TotalAuthenticatedEntities,
          ...(s.TrackedActionsLastAccessed !== undefined ? { TrackedActionsLastAccessed: Object.entries(s.TrackedActionsLastAccessed).map(([ActionName, t]) => ({ ActionName, LastAccessedTime: awsDate(t), LastAccessedEntity: s.LastAuthenticatedEntity, LastAccessedRegion: s.LastAuthenticatedRegion })) } : {}),
        })),
      }),
    });
  }
  if (a.activity.size > 0) {
    const lines: string[] = [];
    for (const e of a.activity) lines.push(JSON.stringify(e));
    files.push({ name: 'cloudtrail-events.jsonl', text: `${lines.join('\n')}\n` });
  }
  {
    files.push({
      name: 'ec2-instances.json',
      text: json({
        Reservations: Object.values(a.instances).map((i) => ({
          ReservationId: `r-${i.id.replace(/^i-/, '')}`, OwnerId: a.id,
          Instances: [{
            InstanceId: i.id, LaunchTime: awsDate(i.launched), Placement: { AvailabilityZone: `${i.region}a` }, State: { Code: 16, Name: 'running' }, Tags: tags(i.tags),
            ...(i.instanceProfile !== null && a.instanceProfiles[i.instanceProfile] ? { IamInstanceProfile: { Arn: a.instanceProfiles[i.instanceProfile]!.arn, Id: a.instanceProfiles[i.instanceProfile]!.id } } : {}),
          }],
        })),
      }),
    });
  }
  {
    files.push({
      name: 'trails.json',
      text: json({ trailList: Object.values(a.trails).map((t) => ({ Name: t.name, S3BucketName: t.s3BucketName, IsMultiRegionTrail: t.isMultiRegionTrail, HomeRegion: t.homeRegion, TrailARN: `arn:aws:cloudtrail:${t.homeRegion}:${a.id}:trail/${t.name}`, LogFileValidationEnabled: t.logFileValidationEnabled, IncludeGlobalServiceEvents: true })) }),
    });
    for (const t of Object.values(a.trails)) files.push({ name: `trail-status.${t.name}.json`, text: json({ Name: t.name, IsLogging: t.isLogging }) });
  }
  return files;
}
