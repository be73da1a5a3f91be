/**
 * `iamsim account who-can ACTION RESOURCE FILE`: which users, roles (and root) the policies in a saved account allow to
 * do ACTION on RESOURCE. The `account` command registers it with registerWhoCan(), passing the account loader.
 */
import { Option, type Command } from 'commander';
import { whoCan, type WhoCanAnswer, type WhoCanEntry } from '../../model/queries/who-can.js';
import type { CliIo } from '../io.js';
import { readAccountFile } from '../read-account-file.js';
import { EXIT, UsageError } from '../io.js';
import type { ExitBox } from '../program.js';

/** Parses a saved account's JSON text; `file` is used in error paths. */
export type { AccountLoader } from '../read-account-file.js';
import type { AccountLoader } from '../read-account-file.js';

/** Options of `who-can`, as commander parses them. */
interface WhoCanFlags {
  readonly format: 'text' | 'json';
  readonly mfa?: boolean;
  readonly console?: boolean;
  readonly sourceIp?: string;
  readonly at?: string;
  readonly region?: string;
  readonly root: boolean;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function refs(e: WhoCanEntry): string {
  if (e.determining.length === 0) return e.decidedBy === null ? 'no policy allows' : `no ${e.decidedBy} policy allows`;
  return e.determining.map((r) => (r.index < 0 ? 'the root user\'s implicit full access' : `${r.policyId}${r.sid !== undefined ? `#${r.sid}` : `[${r.index}]`}`)).join(', ');
}

/** Renders the answer as text: one line per principal, allowed first, then a count line. */
export function renderWhoCan(a: WhoCanAnswer): string {
  const lines = [
    `Who can ${a.action} on ${a.resource}`,
    `  assumed: at ${a.at}; users call with ${a.assumed.via === 'console' ? 'a console session' : 'a long-term access key'}, ${a.assumed.mfa ? 'with MFA' : 'without MFA'}; roles as a fresh session; source IP ${a.assumed.sourceIp}; region ${a.assumed.region}`,
    '',
  ];
  const row = (verdict: string, e: WhoCanEntry): string => `  ${verdict.padEnd(13)} ${e.kind.padEnd(4)} ${e.name.padEnd(28)} ${e.decidedBy === null ? '' : `${e.decidedBy}: `}${refs(e)}`;
  for (const e of a.allowed) lines.push(row('ALLOWED', e));
  for (const e of a.denied) lines.push(row(e.effect === 'ExplicitDeny' ? 'EXPLICIT DENY' : 'denied', e));
  lines.push('', `${a.allowed.length} allowed, ${a.denied.length} denied`);
  return `${lines.join('\n')}\n`;
}

/** Adds `who-can` under the `account` command. */
export function registerWhoCan(account: Command, io: CliIo, box: ExitBox, load: AccountLoader): void {
  account
    .command('who-can')
    .description('list the users and roles whose requests for ACTION on RESOURCE the account\'s policies allow')
    .argument('<action>', 'the action, e.g. s3:GetObject')
    .argument('<resource>', 'the resource ARN, or * for actions without resource-level permissions')
    .argument('<file>', 'a saved account (JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--mfa', 'evaluate with MFA (users with a device, role sessions)')
    .option('--console', 'users call from a console session instead of a long-term access key')
    .option('--source-ip <ip>', 'the caller\'s IP address (default 203.0.113.10)')
    .option('--region <region>', 'the requested region (default us-east-1)')
    .option('--at <instant>', 'when the request is made, ISO-8601 UTC (default: the last logged event)')
    .option('--no-root', 'leave the root user out')
    .action(async (action: string, resource: string, file: string, flags: WhoCanFlags) => {
      if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) throw new UsageError(`"${action}" is not an action`, 'write it as service:Action, e.g. s3:GetObject');
      if (flags.at !== undefined && !INSTANT.test(flags.at)) throw new UsageError(`--at "${flags.at}" is not an instant`, 'use ISO-8601 UTC, e.g. 2025-06-01T12:00:00Z');
      const loaded = await readAccountFile(file, io, box, load);
      if (loaded === undefined) return;
      const answer = whoCan(loaded, action, resource, {
        ...(flags.at !== undefined ? { at: flags.at } : {}),
        mfa: flags.mfa === true,
        via: flags.console === true ? 'console' : 'access-key',
        ...(flags.sourceIp !== undefined ? { sourceIp: flags.sourceIp } : {}),
        ...(flags.region !== undefined ? { region: flags.region } : {}),
        includeRoot: flags.root,
      });
      io.out(flags.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderWhoCan(answer));
      box.code = EXIT.ok;
    });
}
