/**
 * `iamsim import DIR --out account.json`: reads AWS export files (recognised by content) and writes the model account
 * to a NEW file (temp file + rename; never into or over the input directory). Prints what was read, what was skipped
 * and what each missing input would add. Exit 0 on success, 2 when the export cannot be imported.
 */
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { importAwsExport, type ImportReport } from '../../import/import-directory.js';
import { INPUT_INFO, type ImportProblem } from '../../import/types.js';
import { fromMillis } from '../../model/time.js';
import { saveAccount } from '../../model/serialize.js';
import type { Account, Instant } from '../../model/types.js';
import { err, formatInputError, ok, type Result } from '../../result.js';
import type { CliIo } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { refuseExistingFile } from '../new-file.js';
import type { ExitBox, RegisterCommand } from '../program.js';

/** Parses --as-of: a date (midnight UTC) or an instant with a zone. */
export function parseAsOf(text: string): Instant {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(text)) throw new UsageError(`--as-of: "${text}" is not a date or instant`, 'write e.g. 2026-06-01 or 2026-06-01T12:00:00Z');
  return fromMillis(ms);
}

/** Text for an import problem: `file at /pointer: message` plus the hint. */
export const formatImportProblem = (p: ImportProblem): string => `${p.severity === 'warning' ? 'warning: ' : ''}${formatInputError(p)}`;

/** The import summary: files read, problems, snapshot time and what each missing input would add. */
export function renderImportSummary(r: ImportReport, dir: string): string {
  const lines = [`Imported ${dir} (snapshot ${r.snapshot}, from ${r.snapshotSource.replace(/-/g, ' ')}):`];
  for (const f of r.files) lines.push(`  ${f.kind.padEnd(22)} ${f.file}: ${f.summary}`);
  if (r.events.duplicates > 0) lines.push(`  ${r.events.duplicates.toLocaleString('en-US')} duplicate CloudTrail event(s) kept once`);
  for (const [t, n] of Object.entries(r.events.skippedTypes)) lines.push(`  ${n.toLocaleString('en-US')} CloudTrail event(s) of type ${t} not modelled; skipped`);
  const shown = r.problems.slice(0, 50);
  for (const p of shown) lines.push(...formatImportProblem(p).split('\n').map((l) => `  ${l}`));
  if (r.problems.length > shown.length) lines.push(`  … and ${r.problems.length - shown.length} more problem(s)`);
  if (r.missing.length > 0) {
    lines.push('Missing inputs (run `iamsim collect` for the commands):');
    for (const k of r.missing) lines.push(`  ${INPUT_INFO[k].title}: would add ${INPUT_INFO[k].adds}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Imports a directory for the CLI: a usage error for a missing directory, every problem for a failed import. */
export async function importForCli(dir: string, asOf: string | undefined, io: CliIo): Promise<Result<ImportReport, readonly ImportProblem[]>> {
  const path = resolve(io.cwd, dir);
  if (!existsSync(path)) throw new UsageError(`--aws: directory ${dir} does not exist`, 'pass the directory holding the AWS export files; `iamsim collect` prints the commands that write them');
  const r = await importAwsExport(path, asOf !== undefined ? { asOf: parseAsOf(asOf) } : {});
  if (!r.ok) return err(r.error.map((p) => ({ ...p, file: p.file !== undefined && p.file.startsWith(path) ? relative(io.cwd, p.file) || '.' : p.file })));
  return ok(r.value);
}

/** Writes text to a new file atomically (temp file in the same directory, then rename). */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** True when `child` is `parent` or inside it. */
export const isInside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

interface ImportFlags {
  readonly out: string;
  readonly asOf?: string;
  readonly format: 'text' | 'json';
}

async function runImport(dir: string, flags: ImportFlags, io: CliIo): Promise<number> {
  const out = resolve(io.cwd, flags.out);
  if (isInside(out, resolve(io.cwd, dir))) throw new UsageError(`--out: ${flags.out} is inside the input directory`, 'the input directory is never modified; write the account elsewhere');
  refuseExistingFile(io.cwd, flags.out);
  const r = await importForCli(dir, flags.asOf, io);
  if (!r.ok) {
    for (const p of r.error) io.err(`${formatImportProblem(p)}\n`);
    return EXIT.badInput;
  }
  const account: Account = r.value.account;
  await writeFileAtomically(out, saveAccount(account));
  if (flags.format === 'json') {
    const v = r.value;
    io.out(`${JSON.stringify({ out: flags.out, snapshot: v.snapshot, snapshotSource: v.snapshotSource, files: v.files, problems: v.problems, missing: v.missing, events: v.events }, null, 2)}\n`);
  } else {
    io.out(renderImportSummary(r.value, dir));
    io.out(`Wrote ${flags.out}\n`);
  }
  return EXIT.ok;
}

/** Registers `iamsim import`. */
export const registerImport: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('import')
    .description('Build an account file from AWS export files (get-account-authorization-details, credential report, CloudTrail, …); never calls AWS')
    .argument('<dir>', 'directory of AWS CLI output files (see `iamsim collect`)')
    .requiredOption('--out <file>', 'the account JSON to write (a new file outside DIR)')
    .option('--as-of <time>', 'snapshot time ages are computed from (default: the credential report time)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string, flags: ImportFlags) => {
      box.code = await runImport(dir, flags, io);
    });
};
