/**
 * `iamsim simulate FILE|DIR…`: replays scenarios on their virtual clock and prints the story (or JSON). With a
 * directory, every scenario in it runs and a summary table follows (regression mode). Exit 0 when every
 * expectation holds, 1 when any fails, 2 when a file is invalid.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatInputError } from '../../result.js';
import { loadScenarioFile, scenarioFilesIn } from '../../scenarios/load-file.js';
import { replay } from '../../scenarios/replay.js';
import type { CliIo } from '../io.js';
import { EXIT, UsageError, useColor } from '../io.js';
import { refuseExistingFile } from '../new-file.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { replayToJson } from '../render/replay-json.js';
import { renderSummaryTable, type ScenarioRow } from '../render/replay-summary.js';
import { renderReplayText } from '../render/replay-text.js';
import { accountParser } from '../../scenarios/import-account.js';
import { replayToJunit, type JunitScenario } from '../../report/junit.js';
import { renderStoryHtml } from '../../report/story-html.js';
import { writeAtomically } from './audit.js';

interface SimulateOptions {
  readonly format: 'text' | 'json' | 'html' | 'junit';
  readonly out?: string;
  readonly explain?: boolean;
  readonly seed?: string;
  readonly summary?: boolean;
}

/** Expands directories to the scenario files in them; reports whether any directory was given. */
export function expandScenarioPaths(io: CliIo, paths: readonly string[]): { files: string[]; sawDirectory: boolean } {
  const files: string[] = [];
  let sawDirectory = false;
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(resolve(io.cwd, p)).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      sawDirectory = true;
      const inside = scenarioFilesIn(p, io.cwd);
      if (inside.length === 0) throw new UsageError(`${p}: no .yaml scenarios in this directory`, 'give a scenario file or a directory of them');
      files.push(...inside);
    } else files.push(p);
  }
  return { files, sawDirectory };
}

async function simulate(io: CliIo, paths: readonly string[], o: SimulateOptions): Promise<number> {
  const { files, sawDirectory } = expandScenarioPaths(io, paths);
  if (o.format === 'html' && files.length !== 1) throw new UsageError(`--format html: give exactly one scenario file (got ${files.length})`, 'write one story page per scenario');
  if (o.out !== undefined && files.some((f) => resolve(io.cwd, f) === resolve(io.cwd, o.out!))) {
    throw new UsageError(`--out: refusing to overwrite the input file ${o.out}`, 'write the report to a new file');
  }
  if (o.out !== undefined) refuseExistingFile(io.cwd, o.out);
  if (o.out !== undefined && o.format === 'text') throw new UsageError('--out needs --format json, html or junit', 'text goes to standard output');
  const junit: JunitScenario[] = [];
  let html = '';
  const table = sawDirectory || files.length > 1 || o.summary === true;
  const color = useColor(io);
  const rows: ScenarioRow[] = [];
  const json: Record<string, unknown>[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    const loaded = loadScenarioFile(file, { cwd: io.cwd, parseAccount: accountParser });
    if (!loaded.ok) {
      io.err(loaded.error.map((e) => `${formatInputError(e)}\n`).join(''));
      rows.push({ file, kind: 'invalid', errors: loaded.error.length });
      json.push({ file, valid: false, errors: loaded.error });
      junit.push({ file, kind: 'invalid', errors: loaded.error });
      code = EXIT.badInput;
      continue;
    }
    const scenario = o.seed !== undefined ? { ...loaded.value, seed: o.seed } : loaded.value;
    const r = replay(scenario, { explain: o.explain === true || o.format === 'html' });
    if (!r.summary.ok && code === EXIT.ok) code = EXIT.failed;
    rows.push({ file, kind: 'replayed', steps: r.summary.steps, expectations: r.summary.expectations, met: r.summary.met, failed: r.summary.failed, ok: r.summary.ok });
    if (o.format === 'json') json.push({ file, valid: true, ...replayToJson(r, { explain: o.explain === true }) });
    else if (o.format === 'junit') junit.push({ file, kind: 'replayed', result: r });
    else if (o.format === 'html') html = renderStoryHtml(r);
    else if (!table || o.explain === true) io.out(`${renderReplayText(r, { color, explain: o.explain === true })}\n`);
  }
  let text: string | undefined;
  if (o.format === 'json') text = `${JSON.stringify(files.length === 1 && !sawDirectory ? json[0] : { format: 'iamsim-replay-set/1', scenarios: json }, null, 2)}\n`;
  else if (o.format === 'junit') text = replayToJunit(junit);
  else if (o.format === 'html') text = html;
  else if (table) io.out(renderSummaryTable(rows, { color }));
  if (text !== undefined && text !== '') {
    if (o.out !== undefined) {
      await writeAtomically(resolve(io.cwd, o.out), text);
      io.err(`wrote ${o.out}\n`);
    } else io.out(text);
  }
  return code;
}

/** Registers `simulate`. */
export const registerSimulate: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('simulate')
    .description('replay scenarios on a virtual clock and check every expectation (a directory runs them all)')
    .argument('<paths...>', 'scenario files (.yaml) or directories of them')
    .addOption(new Option('--format <format>', 'output format: html is a self-contained story page, junit one test case per expectation').choices(['text', 'json', 'html', 'junit']).default('text'))
    .option('--out <file>', 'write the output (json, html, junit) to this new file instead of standard output')
    .option('--explain', 'show each decision\'s deciding statement and every condition with the request\'s values')
    .option('--seed <seed>', 'override the scenario\'s seed for its random activity')
    .option('--summary', 'print only the summary table, even for one file')
    .action(async (paths: string[], o: SimulateOptions) => {
      box.code = await simulate(io, paths, o);
    });
};
