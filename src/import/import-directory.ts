/**
 * `importAwsExport(dir)`: reads every file under a directory (recursively, as CloudTrail's S3 layout nests them),
 * recognises each by content, reads it with its reader and builds one Account. Nothing in the directory is written.
 * A file that cannot be used is reported and skipped; only the authorization details are required, so their absence
 * or any error in them fails the import.
 *
 * The snapshot time, from which every age is computed: `asOf` when given; else the credential report's GeneratedTime
 * (JSON form); else the newest date in the credential report CSV (its most recent sign-in or key use is the closest
 * lower bound of when it was generated; AWS regenerates the report at most every 4 hours); else the newest date in any
 * input. Never the machine's clock.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { List } from 'immutable';
import type { CloudTrailEvent, Ec2Instance, Instant, PasswordPolicy, ServiceLastAccessed, Trail } from '../model/types.js';
import { err, ok, type Result } from '../result.js';
import { readAccountSummary, type AccountSummary } from './account-summary.js';
import { paginationProblems, readAuthorizationDetails, type AuthzPage } from './authorization-details.js';
import { buildAccount } from './build-account.js';
import { ActivityCollector, readCloudTrailFile } from './cloudtrail.js';
import { parseCredentialReport, type CredentialReport } from './credential-report.js';
import { BROKEN_AUTHZ, detectFile } from './detect-format.js';
import { readInstances } from './ec2-instances.js';
import { readPasswordPolicy } from './password-policy.js';
import { importError, importWarning } from './problems.js';
import { readServiceLastAccessed } from './service-last-accessed.js';
import { readTrails, readTrailStatus, type TrailStatus } from './trails.js';
import { INPUT_KINDS, type DetectedFile, type ImportedFile, type ImportProblem, type InputKind } from './types.js';
import { readVirtualMfaDevices, type VirtualDevice } from './virtual-mfa-devices.js';
import type { Account } from '../model/types.js';

/** Options for an import. */
export interface ImportOptions {
  /** The snapshot time; overrides the credential report's time. */
  readonly asOf?: Instant;
}

/** Where the snapshot time came from. */
export type SnapshotSource = 'as-of' | 'report-generated-time' | 'report-newest-date' | 'newest-input-date' | 'none';

/** A successful import: the account, what was read, what was skipped or assumed, and which inputs are missing. */
export interface ImportReport {
  readonly account: Account;
  readonly snapshot: Instant;
  readonly snapshotSource: SnapshotSource;
  readonly files: readonly ImportedFile[];
  /** Errors in optional files (skipped) and warnings (imported with an assumption). */
  readonly problems: readonly ImportProblem[];
  /** Input kinds no file supplied. */
  readonly missing: readonly InputKind[];
  readonly events: { readonly imported: number; readonly duplicates: number; readonly skippedTypes: Readonly<Record<string, number>> };
}

/** Every regular file under `dir`, sorted, hidden files and directories skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out;
}

const plural = (n: number, w: string, ws = `${w}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? w : ws}`;

/** Imports an AWS export directory. Fails (with every problem) when the authorization details are absent or broken. */
export async function importAwsExport(dir: string, opts: ImportOptions = {}): Promise<Result<ImportReport, readonly ImportProblem[]>> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return err([importError(dir, dir, 'not-a-directory', `${dir} is not a directory`, 'pass the directory holding the AWS export files')]);
  } catch {
    return err([importError(dir, dir, 'not-found', `directory ${dir} does not exist`, 'pass the directory holding the AWS export files; `iamsim collect` prints the commands that write them')]);
  }
  const problems: ImportProblem[] = [];
  const detected: DetectedFile[] = [];
  for (const path of await listFiles(dir)) {
    const display = relative(dir, path).split(sep).join('/');
    const d = await detectFile(path, display);
    if (d.ok) detected.push(d.value);
    else problems.push(d.error);
  }
  type DataFile = Extract<DetectedFile, { data: unknown }>;
  const of = (k: DataFile['kind']): DataFile[] => detected.filter((d): d is DataFile => d.kind === k);
  const reports = detected.filter((d): d is Extract<DetectedFile, { kind: 'credential-report' }> => d.kind === 'credential-report');
  const trailFiles = detected.filter((d): d is Extract<DetectedFile, { kind: 'activity' }> => d.kind === 'activity');
  const files: ImportedFile[] = [];

  const pages: AuthzPage[] = of('authorization-details').map((d) => ({ file: d.file, data: d.data }));
  const brokenAuthz = problems.filter((p) => p.code === BROKEN_AUTHZ);
  if (brokenAuthz.length > 0) return err(brokenAuthz);
  if (pages.length === 0) {
    return err([
      importError(dir, dir, 'missing-authorization-details', `no authorization details found in ${dir}`, 'add the output of `aws iam get-account-authorization-details --output json` (required); run `iamsim collect` for every command'),
      ...problems.filter((p) => p.severity === 'error'),
    ]);
  }
  const authz = readAuthorizationDetails(pages);
  const authzErrors = [...authz.problems.filter((p) => p.severity === 'error'), ...paginationProblems(pages)];
  if (authzErrors.length > 0) return err(authzErrors);
  problems.push(...authz.problems);
  const a = authz.pieces;
  files.push(...pages.map((p) => ({ file: p.file, kind: 'authorization-details' as const, summary: `${plural(Object.keys(a.users).length, 'user')}, ${plural(Object.keys(a.groups).length, 'group')}, ${plural(Object.keys(a.roles).length, 'role')}, ${plural(Object.keys(a.policies).length, 'customer managed policy', 'customer managed policies')} (all pages)` })));

  let report: CredentialReport | null = null;
  for (const d of reports) {
    const r = parseCredentialReport(d.csv, d.file, d.generated);
    problems.push(...r.problems);
    if (r.report === null) continue;
    if (report !== null) {
      const newer = (r.report.generated ?? r.report.newest ?? '') > (report.generated ?? report.newest ?? '');
      problems.push(importWarning(d.file, '', 'duplicate-input', `a second credential report; the ${newer ? 'newer one, this file,' : `newer one, ${report.file},`} is used`));
      if (!newer) continue;
    }
    const reportAccount = /::(\d{12}):/.exec(r.report.rows[0]?.arn ?? '')?.[1];
    if (a.accountId !== undefined && reportAccount !== undefined && reportAccount !== a.accountId) {
      problems.push(importError(d.file, `${d.file}:2`, 'account-mismatch', `the credential report is for account ${reportAccount}, the authorization details for ${a.accountId}; report skipped`, 'export both files from the same account'));
      continue;
    }
    report = r.report;
    files.push({ file: d.file, kind: 'credential-report', summary: `${plural(r.report.rows.length, 'row')}${r.report.generated ? `, generated ${r.report.generated}` : ''}` });
  }

  let passwordPolicy: PasswordPolicy | null = null;
  for (const d of of('password-policy')) {
    const r = readPasswordPolicy(d.data, d.file);
    problems.push(...r.problems);
    if (r.policy !== null) {
      passwordPolicy = r.policy;
      files.push({ file: d.file, kind: 'password-policy', summary: `minimum length ${r.policy.MinimumPasswordLength}` });
    } else if (r.problems.length === 0) files.push({ file: d.file, kind: 'password-policy', summary: 'none (IAM said NoSuchEntity)' });
  }
  let summary: AccountSummary | null = null;
  for (const d of of('account-summary')) {
    summary = readAccountSummary(d.data);
    files.push({ file: d.file, kind: 'account-summary', summary: `root MFA ${summary.rootMfa ? 'on' : 'off'}, root keys ${summary.rootKeys ? 'present' : 'absent'}` });
  }
  let virtualMfa: VirtualDevice[] | null = null;
  for (const d of of('virtual-mfa-devices')) {
    virtualMfa = [...(virtualMfa ?? []), ...readVirtualMfaDevices(d.data)];
    files.push({ file: d.file, kind: 'virtual-mfa-devices', summary: `${plural(virtualMfa.length, 'assigned virtual device')}` });
  }
  const services = new Map<string, Readonly<Record<string, ServiceLastAccessed>>>();
  let newest: Instant | undefined = a.newest;
  const seen = (t: Instant | undefined | null): void => {
    if (t != null && (newest === undefined || t > newest)) newest = t;
  };
  for (const d of of('last-accessed')) {
    const r = readServiceLastAccessed(d.data, d.file);
    problems.push(...r.problems);
    if (r.arn === null || r.problems.some((p) => p.severity === 'error')) continue;
    services.set(r.arn, r.services);
    seen(r.newest);
    files.push({ file: d.file, kind: 'last-accessed', summary: `${r.arn}: ${plural(Object.keys(r.services).length, 'service')} used` });
  }
  let instances: Record<string, Ec2Instance> = {};
  for (const d of of('instances')) {
    const r = readInstances(d.data, d.file);
    problems.push(...r.problems);
    instances = { ...instances, ...r.instances };
    files.push({ file: d.file, kind: 'instances', summary: plural(Object.keys(r.instances).length, 'instance') });
  }
  const statuses: TrailStatus[] = of('trail-status').map((d) => readTrailStatus(d.data, d.file));
  for (const s of statuses) files.push({ file: s.file, kind: 'trail-status', summary: `${s.name ?? '(unnamed trail)'}: ${s.isLogging ? 'logging' : 'not logging'}` });
  let trails: Record<string, Trail> = {};
  for (const d of of('trails')) {
    const r = readTrails(d.data, d.file, statuses);
    problems.push(...r.problems);
    trails = { ...trails, ...r.trails };
    files.push({ file: d.file, kind: 'trails', summary: plural(Object.keys(r.trails).length, 'trail') });
  }

  const collector = new ActivityCollector();
  for (const d of trailFiles) {
    const n = await readCloudTrailFile(join(dir, d.file), d.file, d.shape, d.gzip, collector);
    files.push({ file: d.file, kind: 'activity', summary: `${plural(n, 'event')} (${d.shape}${d.gzip ? ', gzip' : ''})` });
  }
  problems.push(...collector.problems);
  const activity: List<CloudTrailEvent> = trailFiles.length > 0 ? collector.finish() : List();
  seen(activity.last()?.eventTime);

  const present = new Set(files.map((f) => f.kind));
  const inputs = INPUT_KINDS.filter((k) => present.has(k));
  let snapshot: Instant;
  let snapshotSource: SnapshotSource;
  if (opts.asOf !== undefined) [snapshot, snapshotSource] = [opts.asOf, 'as-of'];
  else if (report?.generated) [snapshot, snapshotSource] = [report.generated, 'report-generated-time'];
  else if (report?.newest) [snapshot, snapshotSource] = [report.newest, 'report-newest-date'];
  else if (newest !== undefined) [snapshot, snapshotSource] = [newest, 'newest-input-date'];
  else {
    [snapshot, snapshotSource] = ['1970-01-01T00:00:00Z', 'none'];
    problems.push(importWarning(dir, dir, 'no-snapshot-time', 'no input holds a date to take as the snapshot time; ages are counted from 1970-01-01', 'pass --as-of TIME'));
  }

  const built = buildAccount({ authz: a, report, passwordPolicy, summary, virtualMfa, services, instances, trails, activity, inputs, snapshot });
  problems.push(...built.problems);
  return ok({
    account: built.account,
    snapshot,
    snapshotSource,
    files,
    problems,
    missing: INPUT_KINDS.filter((k) => !present.has(k)),
    events: { imported: activity.size, duplicates: collector.duplicates, skippedTypes: Object.fromEntries(collector.skippedTypes) },
  });
}
