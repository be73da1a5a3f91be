/** Shared helpers for the import tests: the repository root, the real samples, temp directories and a fake CLI io. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { CliIo } from '../../src/cli/io.js';
import { runChecks } from '../../src/checks/run-checks.js';
import type { CheckRun } from '../../src/checks/finding.js';
import { importAwsExport, type ImportReport } from '../../src/import/import-directory.js';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real AWS export files shared beside the clone. */
export const samplesDir = resolve(repoRoot, '..', 'shared', 'samples');

/** This area's hand-written fixtures. */
export const fixturesDir = resolve(repoRoot, 'test', 'fixtures', 'aws-export');

/** A fresh temp directory holding the given files (text, or gzip when the name ends in .gz). */
export function exportDir(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-import-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), name.endsWith('.gz') ? gzipSync(text) : text);
  return dir;
}

/** A temp directory with copies of existing files. */
export function copyDir(paths: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-import-'));
  for (const p of paths) cpSync(p, join(dir, p.split('/').pop()!));
  return dir;
}

/** Imports a directory and fails the test when the import fails. */
export async function mustImport(dir: string, asOf?: string): Promise<ImportReport> {
  const r = await importAwsExport(dir, asOf !== undefined ? { asOf } : {});
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error, null, 2)}`);
  return r.value;
}

/** Runs every check at the import snapshot. */
export const audit = (r: ImportReport): CheckRun => runChecks(r.account, { now: r.snapshot });

/** `checkId resourceName` for every finding, sorted. */
export const findingKeys = (run: CheckRun): string[] => run.findings.map((f) => `${f.checkId} ${f.resource.name ?? f.resource.arn}`).sort();

/** A fake io capturing stdout and stderr. */
export function fakeIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s), isTTY: false, env: {}, cwd };
  return io;
}

/** A minimal authorization-details file for account 111122223333 with the given users. */
export function authzWithUsers(users: readonly string[], extra: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({
    UserDetailList: users.map((u) => ({ Path: '/', UserName: u, UserId: `AIDA${u.toUpperCase()}`, Arn: `arn:aws:iam::111122223333:user/${u}`, CreateDate: '2024-01-01T00:00:00Z', GroupList: [], UserPolicyList: [], AttachedManagedPolicies: [], Tags: [] })),
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
    ...extra,
  });
}
