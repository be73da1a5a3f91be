/**
 * `iamsim export --aws DIR --from account.json`: writes the files AWS's own tools would write for a model account
 * (authorization details, credential report, password policy, CloudTrail, …) into DIR, each as a new file written
 * atomically. Existing files are never overwritten. Importing DIR gives back an equivalent account.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { exportAws } from '../../export/export-aws.js';
import { loadAccount } from '../../model/serialize.js';
import type { Account } from '../../model/types.js';
import { formatInputError } from '../../result.js';
import type { CliIo } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { parseAsOf, writeFileAtomically } from './import.js';

interface ExportFlags {
  readonly aws: string;
  readonly from: string;
  readonly at?: string;
}

/** The newest instant the account records (activity, usage, creation times): the default report time. */
function newestOf(a: Account): string {
  let t = a.root.created;
  const see = (x: string | undefined): void => {
    if (x !== undefined && x > t) t = x;
  };
  see(a.activity.last()?.eventTime);
  for (const u of a.usage.accessKeys.values()) see(u.date);
  for (const p of a.usage.passwords.values()) see(p);
  for (const r of a.usage.roles.values()) see(r.date);
  for (const x of [...Object.values(a.users), ...Object.values(a.roles), ...Object.values(a.groups)]) see(x.created);
  return t;
}

async function runExport(flags: ExportFlags, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, flags.from), 'utf8');
  } catch (e) {
    throw new UsageError(`--from: cannot read ${flags.from} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, 'pass an account JSON written by `iamsim import` or saveAccount');
  }
  const loaded = loadAccount(text, flags.from);
  if (!loaded.ok) {
    for (const e of loaded.error) io.err(`${formatInputError(e)}\n`);
    return EXIT.badInput;
  }
  const account = loaded.value;
  const at = flags.at !== undefined ? parseAsOf(flags.at) : (account.importedFrom?.snapshot ?? newestOf(account));
  const files = exportAws(account, { at });
  const dir = resolve(io.cwd, flags.aws);
  const clashes = files.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  if (clashes.length > 0) throw new UsageError(`--aws: ${flags.aws} already holds ${clashes.join(', ')}`, 'export into a new or empty directory; existing files are never overwritten');
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFileAtomically(join(dir, f.name), f.text);
  io.out(`Wrote ${files.length} file(s) to ${flags.aws} (credential report generated ${at}):\n${files.map((f) => `  ${f.name}`).join('\n')}\n`);
  return EXIT.ok;
}

/** Registers `iamsim export`. */
export const registerExport: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('export')
    .description('Write AWS-format export files (as `iamsim collect` would gather) from a model account')
    .requiredOption('--aws <dir>', 'directory to write into (new or without these files)')
    .requiredOption('--from <file>', 'the account JSON to export')
    .option('--at <time>', 'the credential report generation time (default: the import snapshot or the newest time in the account)')
    .action(async (flags: ExportFlags) => {
      box.code = await runExport(flags, io);
    });
};
