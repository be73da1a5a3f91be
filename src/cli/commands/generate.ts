/**
 * `iamsim generate --seed 42 --users 500 [--roles N] [--instances N] [--days 180] [--violations all|ID,…] --out FILE`:
 * writes a seeded account (through the model's operations) to a new file, and the ground truth of injected
 * violations to `<out>.truth.json`, both atomically. A progress bar goes to stderr, and only on a TTY.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { generate } from '../../generate/generate.js';
import type { GenerateProgress } from '../../generate/types.js';
import { saveAccount } from '../../model/serialize.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { writeFileAtomically } from './import.js';

/** A whole number from a flag, or a usage error naming the flag. */
function count(flag: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} "${v}" is not a whole number of at least ${min}`, `e.g. ${flag} ${Math.max(min, 10)}`);
  return Number(v);
}

/** A progress renderer for a TTY: one line, redrawn in place, at most every 2%. */
export function progressBar(io: CliIo): (p: GenerateProgress) => void {
  let last = '';
  return (p) => {
    const share = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
    const width = 30;
    const filled = Math.round(share * width);
    const line = `${p.phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
    if (line === last) return;
    last = line;
    io.err(`\r${line}${share >= 1 && p.phase === 'activity' ? '\n' : ''}`);
  };
}

interface Flags {
  seed: string;
  users: string;
  roles?: string;
  instances?: string;
  days?: string;
  violations?: string;
  start?: string;
  out: string;
}

async function action(io: CliIo, box: ExitBox, flags: Flags): Promise<void> {
  const users = count('--users', flags.users, 1)!;
  const roles = count('--roles', flags.roles, 0);
  const instances = count('--instances', flags.instances, 0);
  const days = count('--days', flags.days, 1);
  const out = resolve(io.cwd, flags.out);
  if (existsSync(out)) throw new UsageError(`${flags.out} already exists`, 'generate writes new files only; choose another --out');
  const violations = flags.violations === undefined ? undefined : flags.violations === 'all' ? 'all' as const : flags.violations.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const g = generate({
    seed: flags.seed, users,
    ...(roles !== undefined ? { roles } : {}),
    ...(instances !== undefined ? { instances } : {}),
    ...(days !== undefined ? { days } : {}),
    ...(violations !== undefined ? { violations } : {}),
    ...(flags.start !== undefined ? { start: flags.start } : {}),
    ...(io.isTTY ? { onProgress: progressBar(io) } : {}),
  });
  if (!g.ok) {
    for (const e of g.error) io.err(`iamsim generate: --${e.path.slice(1).split('/')[0] ?? ''}: ${e.message}${e.hint !== undefined ? `\n  hint: ${e.hint}` : ''}\n`);
    box.code = EXIT.badInput;
    return;
  }
  await writeFileAtomically(out, saveAccount(g.value.account));
  const truth = { seed: flags.seed, now: g.value.now, injected: g.value.injected, findings: g.value.groundTruth };
  await writeFileAtomically(`${out}.truth.json`, `${JSON.stringify(truth, null, 2)}\n`);
  const a = g.value.account;
  io.out(`wrote ${flags.out}: ${Object.keys(a.users).length} users, ${Object.keys(a.roles).length} roles, ${Object.keys(a.instances).length} instances, ${a.activity.size} events; audit at ${g.value.now}\n`);
  io.out(`wrote ${flags.out}.truth.json: ${g.value.groundTruth.length} expected finding(s) from ${g.value.injected.length} injected violation(s)\n`);
  box.code = EXIT.ok;
}

/** Adds `iamsim generate`. */
export const registerGenerate: RegisterCommand = (program: Command, io, box) => {
  program
    .command('generate')
    .description('write a seeded, realistic account with activity and injected violations, plus <out>.truth.json')
    .requiredOption('--seed <seed>', 'any string; the same seed and options give a byte-identical account')
    .requiredOption('--users <n>', 'number of human users')
    .option('--roles <n>', 'application roles (default: users / 50 + 2)')
    .option('--instances <n>', 'EC2 instances (default: twice the roles)')
    .option('--days <n>', 'days of activity (default 180)')
    .option('--violations <ids>', '"all" or a comma-separated list of check ids to inject')
    .option('--start <instant>', 'when the activity starts (default 2026-01-01T00:00:00Z)')
    .requiredOption('--out <file>', 'the account file to write (must not exist)')
    .action((flags: Flags) => action(io, box, flags));
};
