/**
 * What the AWS-export importer reads and reports. Each input is one kind of file that AWS's own tools write; files
 * are recognised by their content (detect-format.ts), never by their names.
 */
import type { InputError } from '../result.js';

/** The kinds of AWS export file iamsim reads. */
export type InputKind =
  | 'authorization-details'
  | 'credential-report'
  | 'password-policy'
  | 'account-summary'
  | 'virtual-mfa-devices'
  | 'last-accessed'
  | 'activity'
  | 'instances'
  | 'trails'
  | 'trail-status';

/** The CloudTrail file shapes: S3 delivery (`{"Records":[…]}`), `lookup-events` output, and one event per line. */
export type CloudTrailShape = 'records' | 'lookup-events' | 'json-lines';

/** A file recognised by its content. CloudTrail files are streamed later; every other kind is parsed already. */
export type DetectedFile =
  | { readonly kind: 'activity'; readonly file: string; readonly shape: CloudTrailShape; readonly gzip: boolean }
  | { readonly kind: 'credential-report'; readonly file: string; readonly csv: string; readonly generated?: string }
  | { readonly kind: Exclude<InputKind, 'activity' | 'credential-report'>; readonly file: string; readonly data: Readonly<Record<string, unknown>> };

/** A problem with one input: an error (the file or record is unusable) or a warning (imported with an assumption). */
export interface ImportProblem extends InputError {
  readonly severity: 'error' | 'warning';
}

/** One file the importer used, with what it found. */
export interface ImportedFile {
  readonly file: string;
  readonly kind: InputKind;
  /** What was read, e.g. `3 users, 2 groups` or `1,000 events`. */
  readonly summary: string;
}

/** Every input kind with what it adds to an audit, for the "missing inputs" summary. */
export const INPUT_INFO: Readonly<Record<InputKind, { readonly title: string; readonly adds: string }>> = {
  'authorization-details': { title: 'the authorization details (`aws iam get-account-authorization-details`)', adds: 'users, groups, roles, policies (required)' },
  'credential-report': { title: 'the credential report', adds: 'passwords, MFA, access keys, last-used and rotation times (root and users)' },
  'password-policy': { title: 'the password policy (`aws iam get-account-password-policy`)', adds: 'the password policy (without it the account is taken to have none)' },
  'account-summary': { title: 'the account summary (`aws iam get-account-summary`)', adds: 'root MFA and root access keys when there is no credential report' },
  'virtual-mfa-devices': { title: 'the virtual MFA device list (`aws iam list-virtual-mfa-devices`)', adds: 'whether MFA devices (root\'s above all) are virtual or hardware' },
  'last-accessed': { title: 'service-last-accessed details (`aws iam get-service-last-accessed-details`, one file per principal)', adds: 'services each principal used (unused-permission checks)' },
  activity: { title: 'CloudTrail events', adds: 'who did what: root use, anomalies, shared credentials, least-privilege evidence' },
  instances: { title: 'EC2 instances (`aws ec2 describe-instances`)', adds: 'instances and their instance profiles (application-credential checks)' },
  trails: { title: 'the trail list (`aws cloudtrail describe-trails`)', adds: 'CloudTrail configuration (multi-region, validation)' },
  'trail-status': { title: 'trail status (`aws cloudtrail get-trail-status`, one file per trail)', adds: 'whether each trail is logging' },
};

/** Input kinds in the order they are read and listed. */
export const INPUT_KINDS = Object.keys(INPUT_INFO) as readonly InputKind[];
