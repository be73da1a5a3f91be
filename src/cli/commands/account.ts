/**
 * `iamsim account`: commands over a saved account. `show FILE` prints a summary (principals, their policies,
 * credentials with ages, MFA, password policy, organization). Subcommands are listed in ACCOUNT_SUBCOMMANDS;
 * each receives the `account` command, the io, the exit box and the account loader.
 */
import { Option, type Command } from 'commander';
import { loadAccount } from '../../model/serialize.js';
import type { CliIo } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { newestInstant, renderAccountText, summarizeAccount } from '../render/account-text.js';
import { registerWhoCan } from './account-who-can.js';
import { readAccountFile, type AccountLoader } from '../read-account-file.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Registers one subcommand of `account`. */
export type RegisterAccountSubcommand = (account: Command, io: CliIo, box: ExitBox, load: AccountLoader) => void;


/** `account show FILE`. */
export const registerShow: RegisterAccountSubcommand = (account, io, box) => {
  account
    .command('show')
    .description('summarise a saved account: principals, policies, credentials with ages, MFA, password policy, organization')
    .argument('<file>', 'a saved account (JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--at <instant>', 'measure ages at this ISO-8601 UTC instant (default: the newest timestamp in the account); "now" uses the wall clock')
    .action(async (file: string, flags: { format: 'text' | 'json'; at?: string }) => {
      if (flags.at !== undefined && flags.at !== 'now' && !INSTANT.test(flags.at)) {
        throw new UsageError(`--at "${flags.at}" is not an instant`, 'use ISO-8601 UTC, e.g. 2025-06-01T12:00:00Z, or "now"');
      }
      const a = await readAccountFile(file, io, box);
      if (a === undefined) return;
      const at = flags.at === undefined ? newestInstant(a) : flags.at === 'now' ? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') : flags.at;
      const summary = summarizeAccount(a, at);
      io.out(flags.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : renderAccountText(summary));
      box.code = EXIT.ok;
    });
};

/** The subcommands of `account`, in help order. */
export const ACCOUNT_SUBCOMMANDS: readonly RegisterAccountSubcommand[] = [registerShow, registerWhoCan];

/** Adds the `account` command group. */
export const registerAccount: RegisterCommand = (program, io, box) => {
  const account = program.command('account').description('inspect a saved account');
  for (const register of ACCOUNT_SUBCOMMANDS) register(account, io, box, loadAccount);
};
