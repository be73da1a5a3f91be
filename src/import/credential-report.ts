/**
 * The IAM credential report: the decoded CSV, or `aws iam get-credential-report` JSON with the CSV base64-encoded in
 * `Content`. Columns are found by header name, never by position. Values: dates, `N/A`, `no_information`,
 * `not_supported`, `true`/`false`. The root row is `<root_account>`.
 */
import { parse } from 'csv-parse/sync';
import type { Instant, LastUsed } from '../model/types.js';
import { ROOT } from '../model/types.js';
import { err, ok, type Result } from '../result.js';
import { parseAwsDate } from './dates.js';
import { importError, importWarning } from './problems.js';
import type { ImportProblem } from './types.js';

/** One access key slot (1 or 2) of a row. */
export interface ReportKey {
  readonly slot: 1 | 2;
  readonly active: boolean;
  /** Creation or last rotation; null when the slot has never held a key. */
  readonly lastRotated: Instant | null;
  readonly lastUsed: LastUsed | null;
}

/** One row: a user, or root when `user` is `<root_account>`. */
export interface ReportRow {
  readonly line: number;
  readonly user: string;
  readonly arn: string;
  readonly created: Instant | null;
  /** null for root (`not_supported`): root's password cannot be told from the report. */
  readonly passwordEnabled: boolean | null;
  readonly passwordLastUsed: Instant | null;
  readonly passwordLastChanged: Instant | null;
  readonly mfaActive: boolean;
  readonly keys: readonly ReportKey[];
}

/** The parsed report. `generated` is GeneratedTime from the JSON form; the CSV carries no generation time. */
export interface CredentialReport {
  readonly file: string;
  readonly generated: Instant | null;
  readonly rows: readonly ReportRow[];
  /** The newest date anywhere in the report. */
  readonly newest: Instant | null;
}

/** The columns the importer needs. The others (certificates, password_next_rotation) are tolerated. */
export const REQUIRED_COLUMNS = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'] as const;

/** True when the first line of a text file is a credential report header. */
export const isCredentialReportHeader = (firstLine: string): boolean => {
  const cols = firstLine.replace(/^\uFEFF/, '').trim().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cols.includes('user') && cols.includes('arn') && cols.includes('mfa_active');
};

/** True when parsed JSON is get-credential-report output. */
export const isCredentialReportJson = (o: Readonly<Record<string, unknown>>): boolean =>
  typeof o['Content'] === 'string' && ('GeneratedTime' in o || 'ReportFormat' in o);

/** Decodes the JSON form's base64 Content to the CSV text. */
export function decodeReportJson(o: Readonly<Record<string, unknown>>, file: string): Result<{ csv: string; generated?: string }, ImportProblem> {
  if (o['ReportFormat'] !== undefined && o['ReportFormat'] !== 'text/csv') {
    return err(importError(file, '/ReportFormat', 'report-format', `unsupported report format ${JSON.stringify(o['ReportFormat'])}`, 'IAM writes text/csv'));
  }
  const csv = Buffer.from(o['Content'] as string, 'base64').toString('utf8');
  if (!isCredentialReportHeader(csv.split('\n', 1)[0] ?? '')) {
    return err(importError(file, '/Content', 'bad-content', 'Content is not a base64-encoded credential report CSV', 'save `aws iam get-credential-report --output json` as it is'));
  }
  return ok({ csv, ...(typeof o['GeneratedTime'] === 'string' ? { generated: o['GeneratedTime'] } : {}) });
}

const ABSENT = new Set(['N/A', 'no_information', 'not_supported', '']);

/** Parses the CSV text; problems name the file and the line. Rows with errors are skipped, others kept. */
export function parseCredentialReport(csv: string, file: string, generatedText?: string): { readonly report: CredentialReport | null; readonly problems: readonly ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    return { report: null, problems: [importError(file, `${file}:1`, 'csv-syntax', `not a readable CSV: ${e instanceof Error ? e.message : String(e)}`, 'save the report decoded, as `aws iam get-credential-report --query Content --output text | base64 -d` writes it')] };
  }
  const header = Object.keys(records[0] ?? {});
  const missingCols = REQUIRED_COLUMNS.filter((c) => records.length > 0 && !header.includes(c));
  if (missingCols.length > 0) {
    return { report: null, problems: [importError(file, `${file}:1`, 'missing-column', `the credential report has no column ${missingCols.join(', ')}`, 'the header must name the 22 columns IAM writes (user, arn, user_creation_time, password_enabled, …)')] };
  }
  let newest: Instant | null = null;
  const rows: ReportRow[] = [];
  records.forEach((rec, i) => {
    const line = i + 2;
    const where = `${file}:${line}`;
    const get = (col: string): string => rec[col] ?? '';
    const bool = (col: string): boolean | null => {
      const v = get(col).toLowerCase();
      if (v === 'true') return true;
      if (v === 'false') return false;
      if (ABSENT.has(get(col))) return null;
      problems.push(importWarning(file, where, 'bad-value', `row ${rec['user'] ?? line}: ${col} is ${JSON.stringify(get(col))}, not true/false; taken as false`));
      return null;
    };
    const date = (col: string): Instant | null => {
      const v = get(col);
      if (ABSENT.has(v)) return null;
      const t = parseAwsDate(v);
      if (t === undefined) {
        problems.push(importWarning(file, where, 'bad-date', `row ${rec['user'] ?? line}: ${col} is ${JSON.stringify(v)}, not a date; ignored`, 'dates look like 2022-05-27T10:25:43+00:00'));
        return null;
      }
      if (newest === null || t > newest) newest = t;
      return t;
    };
    const user = get('user');
    const arn = get('arn');
    if (user === '' || !arn.startsWith('arn:')) {
      problems.push(importError(file, where, 'missing-field', `line ${line} has no ${user === '' ? 'user' : 'arn'}`, 'every row names a user and its ARN; is the file cut short?'));
      return;
    }
    const keys: ReportKey[] = [];
    for (const slot of [1, 2] as const) {
      const active = bool(`access_key_${slot}_active`) ?? false;
      const lastRotated = date(`access_key_${slot}_last_rotated`);
      const usedAt = date(`access_key_${slot}_last_used_date`);
      const region = get(`access_key_${slot}_last_used_region`);
      const service = get(`access_key_${slot}_last_used_service`);
      if (!active && lastRotated === null) continue;
      keys.push({
        slot,
        active,
        lastRotated,
        lastUsed: usedAt === null ? null : { date: usedAt, ...(ABSENT.has(service) ? {} : { service }), ...(ABSENT.has(region) ? {} : { region }) },
      });
    }
    rows.push({
      line,
      user,
      arn,
      created: date('user_creation_time'),
      passwordEnabled: user === ROOT ? null : bool('password_enabled'),
      passwordLastUsed: date('password_last_used'),
      passwordLastChanged: date('password_last_changed'),
      mfaActive: bool('mfa_active') ?? false,
      keys,
    });
  });
  const generated = generatedText !== undefined ? (parseAwsDate(generatedText) ?? null) : null;
  if (generatedText !== undefined && generated === null) problems.push(importWarning(file, '/GeneratedTime', 'bad-date', `GeneratedTime ${JSON.stringify(generatedText)} is not a date; ignored`));
  return { report: { file, generated, rows, newest }, problems };
}
