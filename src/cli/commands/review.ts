/**
 * `iamsim review FILE`: practice 7's regular review. Prints, for each user and role, a summary of its permissions by
 * service and access level in the form of the IAM console's policy summary, then flags principals holding
 * Permissions management beyond `--max-holders` and customer managed policies not reviewed within `--cadence` days.
 * Exit 0 when nothing is flagged, 1 when something is, 2 for bad input.
 */
import { Option, type Command } from 'commander';
import { runChecks } from '../../checks/run-checks.js';
import { summarizeAccount } from '../../checks/universe/access-summary.js';
import { decideRaw } from '../../checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../checks/universe/real-catalog.js';
import { fromMillis } from '../../model/time.js';
import type { CliIo } from '../io.js';
import { EXIT, UsageError, useColor } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { reviewToJson } from '../render/review-json.js';
import { renderReviewText } from '../render/review-text.js';
import { loadAuditTarget, parseAt } from './audit.js';

interface ReviewFlags {
  readonly format: 'text' | 'json';
  readonly at?: string;
  readonly maxHolders?: string;
  readonly cadence?: string;
  readonly principal?: string;
}

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag}: "${text}" is not a whole number`, `e.g. ${flag} 3`);
  return Number(text);
}

async function review(file: string, flags: ReviewFlags, io: CliIo): Promise<number> {
  const maxHolders = positiveInt(flags.maxHolders, '--max-holders');
  const cadenceDays = positiveInt(flags.cadence, '--cadence');
  const target = await loadAuditTarget(file, io.cwd);
  const now = flags.at !== undefined ? parseAt(flags.at) : (target.end ?? fromMillis(Date.now()));
  let summaries = summarizeAccount(target.account, decideRaw, REAL_CATALOG);
  if (flags.principal !== undefined) {
    summaries = summaries.filter((s) => s.name === flags.principal || s.arn === flags.principal);
    if (summaries.length === 0) throw new UsageError(`--principal: no user or role "${flags.principal}" in ${file}`);
  }
  const run = runChecks(target.account, {
    now,
    checks: ['permissions-management-holders', 'policy-review-cadence'],
    options: {
      ...(maxHolders !== undefined ? { 'permissions-management-holders': { maxHolders } } : {}),
      ...(cadenceDays !== undefined ? { 'policy-review-cadence': { cadenceDays } } : {}),
    },
  });
  if (flags.format === 'json') io.out(JSON.stringify(reviewToJson(summaries, run, { file, now }), null, 2) + '\n');
  else io.out(renderReviewText(summaries, run, { color: useColor(io) }));
  return run.findings.some((f) => f.suppressed === undefined) ? EXIT.failed : EXIT.ok;
}

/** Registers `iamsim review`. */
export const registerReview: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('review')
    .description('Summarise each principal\'s permissions by service and access level (IAM console form) and flag what a regular review should')
    .argument('<file>', 'account JSON or scenario YAML')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--at <time>', 'review as of this instant (default: the scenario end, else now)')
    .option('--max-holders <n>', 'the most principals that may hold Permissions management access (default 3)')
    .option('--cadence <days>', 'how often each customer managed policy must be reviewed (default 90)')
    .option('--principal <name>', 'summarise only this user or role (name or ARN)')
    .action(async (file: string, flags: ReviewFlags) => {
      try {
        box.code = await review(file, flags, io);
      } catch (e) {
        if (e instanceof Error && 'problems' in e) {
          io.err(e.message + '\n');
          box.code = EXIT.badInput;
          return;
        }
        throw e;
      }
    });
};
