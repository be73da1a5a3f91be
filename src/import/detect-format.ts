/**
 * Recognises an export file by its content, never its name: the first bytes decide for CloudTrail (which may be huge
 * and is streamed later) and the credential report CSV; any other JSON is parsed and told apart by its top-level keys.
 */
import { open, readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { err, ok, type Result } from '../result.js';
import { isAccountSummary } from './account-summary.js';
import { isAuthorizationDetails } from './authorization-details.js';
import { decodeReportJson, isCredentialReportHeader, isCredentialReportJson } from './credential-report.js';
import { isDescribeInstances } from './ec2-instances.js';
import { isPasswordPolicy } from './password-policy.js';
import { asRecord, importError, importWarning } from './problems.js';
import { isServiceLastAccessed } from './service-last-accessed.js';
import { isDescribeTrails, isTrailStatus } from './trails.js';
import type { DetectedFile, ImportProblem } from './types.js';
import { isVirtualMfaDevices } from './virtual-mfa-devices.js';

const PREFIX = 64 * 1024;

/** The code of a problem for authorization details that cannot be parsed (which fails the import). */
export const BROKEN_AUTHZ = 'broken-authorization-details';


/** The first bytes of a file as text, decompressed when it is gzip. */
async function head(path: string): Promise<{ text: string; gzip: boolean }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(PREFIX);
    const { bytesRead } = await fh.read(buf, 0, PREFIX, 0);
    const bytes = buf.subarray(0, bytesRead);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { text: await gunzipPrefix(path), gzip: true };
    return { text: bytes.toString('utf8'), gzip: false };
  } finally {
    await fh.close();
  }
}

/** The first PREFIX characters of a gzip file's content (stops reading early; a truncated file still gives its start). */
async function gunzipPrefix(path: string): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const raw = createReadStream(path);
    const z = createGunzip();
    const done = (): void => {
      raw.destroy();
      z.destroy();
      resolve(text);
    };
    z.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      if (text.length >= PREFIX) done();
    });
    z.on('end', done);
    z.on('error', done);
    raw.on('error', done);
    raw.pipe(z);
  });
}

/** Recognises one file. `display` is the name used in messages (relative to the input directory). */
export async function detectFile(path: string, display: string): Promise<Result<DetectedFile, ImportProblem>> {
  let h: { text: string; gzip: boolean };
  try {
    h = await head(path);
  } catch (e) {
    return err(importError(display, '', 'read', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'check the file permissions'));
  }
  const text = h.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return err(importWarning(display, '', 'empty', 'empty file; skipped', 'an AWS CLI command that failed (e.g. NoSuchEntity for a missing password policy) writes nothing to stdout'));
  if (trimmed.startsWith('{') && /^\{\s*"Records"\s*:\s*\[/.test(trimmed)) return ok({ kind: 'activity', file: display, shape: 'records', gzip: h.gzip });
  if (trimmed.startsWith('{') && /"Events"\s*:\s*\[/.test(trimmed) && /"CloudTrailEvent"\s*:/.test(trimmed)) return ok({ kind: 'activity', file: display, shape: 'lookup-events', gzip: h.gzip });
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  if (isCredentialReportHeader(firstLine)) {
    const full = await readWhole(path, h.gzip, display);
    return full.ok ? ok({ kind: 'credential-report', file: display, csv: full.value }) : full;
  }
  if (firstLine.startsWith('{') && /"eventVersion"\s*:/.test(firstLine) && /"eventTime"\s*:/.test(firstLine) && /\}\s*$/.test(firstLine) && trimmed.length > firstLine.length + 1) {
    return ok({ kind: 'activity', file: display, shape: 'json-lines', gzip: h.gzip });
  }
  if (/NoSuchEntity/.test(trimmed) && /GetAccountPasswordPolicy|Password Policy/i.test(trimmed)) return ok({ kind: 'password-policy', file: display, data: { PasswordPolicy: null } });
  if (!trimmed.startsWith('{')) return err(importWarning(display, '', 'unrecognised', 'not an AWS export file iamsim reads (not JSON, not a credential report); skipped', 'run `iamsim collect` to see the files iamsim reads'));
  const full = await readWhole(path, h.gzip, display);
  if (!full.ok) return full;
  let data: unknown;
  try {
    data = JSON.parse(full.value.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(m);
    const truncated = /end of JSON|Unterminated|Unexpected end/i.test(m) || (at !== null && Number(at[1]) >= full.value.trimEnd().length - 1);
    const authz = /"(UserDetailList|GroupDetailList|RoleDetailList)"\s*:/.test(full.value);
    return err(importError(display, '', authz ? BROKEN_AUTHZ : truncated ? 'truncated' : 'json-syntax', `${authz ? 'authorization details: ' : ''}${ truncated ? `the JSON ends early: the file looks truncated (${m})` : `not valid JSON: ${m}`}`, 'save the AWS CLI output again (with --output json)'));
  }
  const o = asRecord(data);
  if (o === undefined) return err(importWarning(display, '', 'unrecognised', 'a JSON file that is not an object; skipped'));
  if (isAuthorizationDetails(o)) return ok({ kind: 'authorization-details', file: display, data: o });
  if (isCredentialReportJson(o)) {
    const d = decodeReportJson(o, display);
    return d.ok ? ok({ kind: 'credential-report', file: display, csv: d.value.csv, ...(d.value.generated !== undefined ? { generated: d.value.generated } : {}) }) : d;
  }
  if (isPasswordPolicy(o)) return ok({ kind: 'password-policy', file: display, data: o });
  if (isAccountSummary(o)) return ok({ kind: 'account-summary', file: display, data: o });
  if (isVirtualMfaDevices(o)) return ok({ kind: 'virtual-mfa-devices', file: display, data: o });
  if (isServiceLastAccessed(o)) return ok({ kind: 'last-accessed', file: display, data: o });
  if (isDescribeInstances(o)) return ok({ kind: 'instances', file: display, data: o });
  if (isDescribeTrails(o)) return ok({ kind: 'trails', file: display, data: o });
  if (isTrailStatus(o)) return ok({ kind: 'trail-status', file: display, data: o });
  if (Array.isArray(o['Records']) || Array.isArray(o['Events'])) return ok({ kind: 'activity', file: display, shape: Array.isArray(o['Records']) ? 'records' : 'lookup-events', gzip: h.gzip });
  if (o['eventVersion'] !== undefined && o['eventTime'] !== undefined) return ok({ kind: 'activity', file: display, shape: 'json-lines', gzip: h.gzip });
  const keys = Object.keys(o).slice(0, 5).join(', ');
  return err(importWarning(display, '', 'unrecognised', `a JSON file iamsim does not read (top-level keys: ${keys || 'none'}); skipped`, 'run `iamsim collect` to see the files iamsim reads'));
}

async function readWhole(path: string, gzip: boolean, display: string): Promise<Result<string, ImportProblem>> {
  try {
    const bytes = await readFile(path);
    return ok(gzip ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8'));
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return err(importError(display, '', /unexpected end/i.test(m) ? 'truncated' : 'read', /unexpected end/i.test(m) ? 'the gzip data ends early: the file is truncated' : `cannot read file: ${m}`, 'copy the file again'));
  }
}
