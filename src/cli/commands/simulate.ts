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
import type { ExitBox, RegisterCommand } from '../program.js';
import { replayToJson } from '../render/replay-json.js';
import { renderSummaryTable, type ScenarioRow } from '../render/replay-summary.js';
import { renderReplayText } from '../render/replay-text.js';
import { accountParser } from '../../scenarios/import-account.js';

interface SimulateOptions {
  readonly format: 'text' | 'json';
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
      code = EXIT.badInput;
      continue;
    }
    const scenario = o.seed !== undefined ? { ...loaded.value, seed: o.seed } : loaded.value;
    const r = replay(scenario, { explain: o.explain === true });
    if (!r.summary.ok && code === EXIT.ok) code = EXIT.failed;
    rows.push({ file, kind: 'replayed', steps: r.summary.steps, expectations: r.summary.expectations, met: r.summary.met, failed: r.summary.failed, ok: r.summary.ok });
    if (o.format === 'json') json.push({ file, valid: true, ...replayToJson(r, { explain: o.explain === true }) });
    else if (!table || o.explain === true) io.out(`${renderReplayText(r, { color, explain: o.explain === true })}\n`);
  }
  if (o.format === 'json') io.out(`${JSON.stringify(files.length === 1 && !sawDirectory ? json[0] : { format: 'iamsim-replay-set/1', scenarios: json }, null, 2)}\n`);
  else if (table) io.out(renderSummaryTable(rows, { color }));
  return code;
}

/** Registers `simulate`. */
export const registerSimulate: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('simulate')
    .description('replay scenarios on a virtual clock and check every expectation (a directory runs them all)')
    .argument('<paths...>', 'scenario files (.yaml) or directories of them')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--explain', 'show each decision\'s deciding statement and every condition with the request\'s values')
    .option('--seed <seed>', 'override the scenario\'s seed for its random activity')
    .option('--summary', 'print only the summary table, even for one file')
    .action(async (paths: string[], o: SimulateOptions) => {
      box.code = await simulate(io, paths, o);
    });
};
