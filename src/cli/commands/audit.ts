/**
 * `iamsim audit FILE`: runs the checks over a saved account (JSON) or the end state of a scenario (YAML), renders the
 * findings, and with `--fix --out NEW.json` writes the remediated account to a new file (temp file + rename) and prints
 * a diff of what changed. Exit 0 when no unsuppressed finding is at or above --fail-on, 1 when one is, 2 for bad input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '../../checks/config.js';
import type { CheckRun } from '../../checks/finding.js';
import { PRESET_NAMES } from '../../checks/presets.js';
import { ALL_CHECKS, checkById } from '../../checks/registry.js';
import { optionProblems } from '../../checks/resolve-options.js';
import { remediate } from '../../checks/remediate.js';
import { runChecks } from '../../checks/run-checks.js';
import { SEVERITIES, type Severity } from '../../checks/types.js';
import { loadAccount, saveAccount } from '../../model/serialize.js';
import { fromMillis } from '../../model/time.js';
import type { Account, Instant } from '../../model/types.js';
import { formatInputError, type InputError } from '../../result.js';
import { loadScenario } from '../../scenarios/load.js';
import { replay } from '../../scenarios/replay.js';
import type { CliIo } from '../io.js';
import { importForCli, renderImportSummary } from './import.js';
import { EXIT, UsageError, useColor } from '../io.js';
import { refuseExistingFile } from '../new-file.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { renderPatchDiff } from '../render/findings-diff.js';
import { findingsToJson } from '../render/findings-json.js';
import { formatCall, renderFindingsText } from '../render/findings-text.js';
import { summarizeAccount } from '../../checks/universe/access-summary.js';
import { decideRaw } from '../../checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../checks/universe/real-catalog.js';
import { renderAuditHtml } from '../../report/audit-html.js';
import { auditToJunit } from '../../report/junit.js';
import { auditToSarif } from '../../report/sarif.js';

/** Report formats of audit: written to --out (or standard output), never combined with --fix. */
const REPORT_FORMATS: readonly string[] = ['html', 'junit', 'sarif'];

interface AuditFlags {
  readonly checks?: string;
  readonly preset?: string;
  readonly config?: string;
  readonly failOn?: Severity;
  readonly format: 'text' | 'json' | 'html' | 'junit' | 'sarif';
  readonly at?: string;
  readonly fix?: boolean;
  readonly out?: string;
  readonly suggestions?: boolean;
  readonly aws?: string;
  readonly asOf?: string;
}

/** The config file looked for in the working directory when --config is not given. */
export const DEFAULT_CONFIG = 'iamsim.config.yaml';

class BadInput extends Error {
  constructor(readonly problems: readonly InputError[]) {
    super(problems.map(formatInputError).join('\n'));
  }
}

/** Why a file could not be read, in words: `no such file` rather than ENOENT. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'it is a directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    default: return code ?? (e instanceof Error ? e.message : String(e));
  }
}

async function readText(path: string, display: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new BadInput([{ code: 'read', message: `cannot read the file: ${readFailure(e)}`, path: '', file: display, hint: 'check the path; it is resolved against the current directory' }]);
  }
}

/** Loads the audited state: a saved account, or the account at the end of a scenario replay (and that end instant). */
export async function loadAuditTarget(file: string, cwd: string): Promise<{ account: Account; end?: Instant }> {
  const path = resolve(cwd, file);
  const text = await readText(path, file);
  if (/\.ya?ml$/i.test(file)) {
    const scenario = loadScenario(text, file, {
      importAccount: (p) => {
        const ip = resolve(dirname(path), p);
        try {
          return loadAccount(readFileSync(ip, 'utf8'), p);
        } catch (e) {
          return { ok: false, error: [{ code: 'read', message: `cannot read the imported account: ${readFailure(e)}`, path: '', file: p, hint: 'the import path is resolved against the scenario file\'s directory' }] };
        }
      },
    });
    if (!scenario.ok) throw new BadInput(scenario.error);
    const r = replay(scenario.value);
    return { account: r.account, end: r.scenario.end };
  }
  const acc = loadAccount(text, file);
  if (!acc.ok) throw new BadInput(acc.error);
  // An account imported from AWS files is audited at its snapshot time, never the machine's clock.
  return { account: acc.value, ...(acc.value.importedFrom !== undefined ? { end: acc.value.importedFrom.snapshot } : {}) };
}

/**
 * The default audit instant for a saved account: its latest recorded moment (activity, credential and role use),
 * so that a saved account is audited as of when it was saved rather than by the wall clock. Undefined when the
 * account records no use at all.
 */
export function accountClock(account: Account): Instant | undefined {
  let latest: Instant | undefined;
  const see = (t: Instant | undefined): void => {
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  };
  for (const e of account.activity) see(e.eventTime);
  for (const u of account.usage.accessKeys.values()) see(u.date);
  for (const t of account.usage.passwords.values()) see(t);
  for (const r of account.usage.roles.values()) see(r.date);
  return latest;
}

/** Parses --at: an ISO date or instant. */
export function parseAt(text: string): Instant {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) throw new UsageError(`--at: "${text}" is not a date or instant`, 'write e.g. 2026-06-01 or 2026-06-01T12:00:00Z');
  return fromMillis(ms);
}

/** Unsuppressed findings at or above `failOn`. */
export const failingCount = (run: CheckRun, failOn: Severity): number =>
  run.findings.filter((f) => f.suppressed === undefined && SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(failOn)).length;

/** Writes a file atomically: a temp file in the same directory, then a rename over the target. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

async function audit(fileArg: string | undefined, flags: AuditFlags, io: CliIo): Promise<number> {
  if ((fileArg === undefined) === (flags.aws === undefined)) throw new UsageError('give an account FILE or --aws DIR (not both)', 'e.g. `iamsim audit account.json` or `iamsim audit --aws ./export`');
  if (flags.asOf !== undefined && flags.aws === undefined) throw new UsageError('--as-of is only used with --aws DIR');
  const file = fileArg ?? flags.aws!;
  if (flags.preset !== undefined && !PRESET_NAMES.includes(flags.preset)) {
    throw new UsageError(`--preset: unknown preset "${flags.preset}"`, `known presets: ${PRESET_NAMES.join(', ')}`);
  }
  let checks: string[] | undefined;
  if (flags.checks !== undefined) {
    checks = flags.checks.split(',').map((s) => s.trim()).filter(Boolean);
    const known = new Set(ALL_CHECKS.map((c) => c.meta.id));
    const unknown = checks.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new UsageError(`--checks: unknown check(s) ${unknown.join(', ')}`, 'run `iamsim checks` to list them');
  }
  if (flags.fix && flags.out === undefined) throw new UsageError('--fix needs --out NEW.json', 'the input file is never overwritten');
  const report = REPORT_FORMATS.includes(flags.format);
  if (report && flags.fix) throw new UsageError(`--format ${flags.format} is not combined with --fix`, 'write the report and the remediated account in two runs');
  if (!flags.fix && !report && flags.out !== undefined) throw new UsageError('--out is only used with --fix or --format html|junit|sarif');
  if (flags.out !== undefined && resolve(io.cwd, flags.out) === resolve(io.cwd, file)) {
    throw new UsageError(`--out: refusing to overwrite the input file ${file}`, 'write the remediated account to a new file');
  }
  if (flags.out !== undefined) refuseExistingFile(io.cwd, flags.out);
  let config: Config | undefined;
  const configPath = flags.config ?? (existsSync(resolve(io.cwd, DEFAULT_CONFIG)) ? DEFAULT_CONFIG : undefined);
  if (configPath !== undefined) {
    const c = loadConfig(await readText(resolve(io.cwd, configPath), configPath), configPath, {
      checkIds: ALL_CHECKS.map((x) => x.meta.id),
      optionProblems: (id, options) => {
        const check = checkById(id);
        return check === undefined ? [] : optionProblems(check, { ...(check.meta.defaults ?? {}), ...options });
      },
    });
    if (!c.ok) throw new BadInput(c.error);
    config = c.value;
  }
  let target: { account: Account; end?: Instant };
  if (flags.aws !== undefined) {
    const imported = await importForCli(flags.aws, flags.asOf, io);
    if (!imported.ok) throw new BadInput(imported.error);
    target = { account: imported.value.account, end: imported.value.snapshot };
    if (flags.format === 'text') io.out(renderImportSummary(imported.value, flags.aws) + '\n');
  } else target = await loadAuditTarget(file, io.cwd);
  const now = flags.at !== undefined ? parseAt(flags.at) : (target.end ?? accountClock(target.account) ?? fromMillis(Date.now()));
  const failOn: Severity = flags.failOn ?? config?.failOn ?? 'low';
  const runOpts = { now, ...(checks ? { checks } : {}), ...(config ? { config } : {}), ...(flags.preset ? { preset: flags.preset } : {}) };
  const run = runChecks(target.account, runOpts);
  const color = useColor(io);
  if (!flags.fix) {
    const failing = failingCount(run, failOn);
    if (report) {
      const metas = ALL_CHECKS.map((c) => c.meta);
      const text =
        flags.format === 'sarif'
          ? `${JSON.stringify(auditToSarif(run, { file, now, checks: metas, toolVersion: '0.1.0' }), null, 2)}\n`
          : flags.format === 'junit'
            ? auditToJunit(run, { file, failOn, titles: new Map(metas.map((m) => [m.id, m.title] as const)) })
            : renderAuditHtml({ run, file, now, failOn, checks: metas, review: summarizeAccount(target.account, decideRaw, REAL_CATALOG) });
      if (flags.out !== undefined) {
        await writeAtomically(resolve(io.cwd, flags.out), text);
        io.err(`wrote ${flags.out}\n`);
      } else io.out(text);
    } else if (flags.format === 'json') io.out(JSON.stringify(findingsToJson(run, { file, now, failOn, failing }), null, 2) + '\n');
    else io.out(renderFindingsText(run, { color, failOn }));
    return failing > 0 ? EXIT.failed : EXIT.ok;
  }
  const r = remediate(target.account, { ...runOpts, includeSuggestions: flags.suggestions ?? false });
  const after = runChecks(r.account, runOpts);
  const failing = failingCount(after, failOn);
  const out = resolve(io.cwd, flags.out!);
  await writeAtomically(out, saveAccount(r.account));
  const diff = renderPatchDiff(target.account, r.patches);
  if (flags.format === 'json') {
    io.out(
      JSON.stringify(
        {
          before: findingsToJson(run, { file, now, failOn, failing: failingCount(run, failOn) }),
          fix: { out: flags.out, passes: r.passes, applied: r.applied, failed: r.failed, diff },
          after: findingsToJson(after, { file: flags.out!, now, failOn, failing }),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out(renderFindingsText(run, { color, failOn, showFixes: false }));
    io.out(`\nApplied ${r.applied.length} fix(es) in ${r.passes} pass(es); wrote ${flags.out}\n`);
    for (const a of r.applied) io.out(`  ${a.kind === 'fix' ? 'fix' : 'suggestion'} ${a.checkId} on ${a.resource.name ?? a.resource.arn}: ${a.fix.map(formatCall).join('; ')}\n`);
    for (const f of r.failed) io.out(`  could not apply ${f.checkId} on ${f.resource.name ?? f.resource.arn}: ${f.error}\n`);
    io.out(`\nChanges:\n${diff.map((l) => `  ${l}`).join('\n')}${diff.length ? '\n' : '  (none)\n'}`);
    io.out(`\nAfter the fixes:\n${renderFindingsText(after, { color, failOn, showFixes: false })}`);
  }
  return failing > 0 ? EXIT.failed : EXIT.ok;
}

/** Registers `iamsim audit`. */
export const registerAudit: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('audit')
    .description('Run the best-practice checks over a saved account (JSON) or the end state of a scenario (YAML)')
    .argument('[file]', 'account JSON or scenario YAML')
    .option('--aws <dir>', 'audit AWS export files in DIR instead (see `iamsim collect`)')
    .option('--as-of <time>', 'with --aws: the snapshot time ages are computed from (default: the credential report time)')
    .option('--checks <ids>', 'comma-separated check ids (default: all)')
    .option('--preset <name>', `threshold preset: ${PRESET_NAMES.join(', ')}`)
    .option('--config <file>', `config file with options and suppressions (default: ./${DEFAULT_CONFIG} when present)`)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an unsuppressed finding is at or above this severity (default low)').choices([...SEVERITIES]))
    .addOption(new Option('--format <format>', 'output format: html (self-contained page), junit (a test case per check), sarif (SARIF 2.1.0)').choices(['text', 'json', 'html', 'junit', 'sarif']).default('text'))
    .option('--at <time>', 'audit as of this instant (default: the scenario end, else the latest activity recorded in the account, else now)')
    .option('--fix', 'apply the automatic fixes (with --out)')
    .option('--suggestions', 'with --fix, also apply the first suggestion of each finding without an automatic fix')
    .option('--out <file>', 'with --fix: write the remediated account to this NEW file; with --format html|junit|sarif: write the report to this new file')
    .action(async (file: string | undefined, flags: AuditFlags) => {
      try {
        box.code = await audit(file, flags, io);
      } catch (e) {
        if (e instanceof BadInput) {
          io.err(e.message + '\n');
          box.code = EXIT.badInput;
          return;
        }
        throw e;
      }
    });
};
