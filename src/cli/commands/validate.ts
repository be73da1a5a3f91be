/** `iamsim validate FILE|DIR…`: checks scenarios without replaying them. Exit 0 when all are valid, 2 otherwise. */
import { Option, type Command } from 'commander';
import { formatInputError } from '../../result.js';
import { loadScenarioFile } from '../../scenarios/load-file.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import { expandScenarioPaths } from './simulate.js';
import { accountParser } from '../../scenarios/import-account.js';

async function validate(io: CliIo, paths: readonly string[], format: 'text' | 'json'): Promise<number> {
  const { files } = expandScenarioPaths(io, paths);
  const results = files.map((file) => ({ file, result: loadScenarioFile(file, { cwd: io.cwd, parseAccount: accountParser }) }));
  const bad = results.filter((r) => !r.result.ok);
  if (format === 'json') {
    io.out(`${JSON.stringify({ format: 'iamsim-validate/1', files: results.map((r) => ({ file: r.file, valid: r.result.ok, errors: r.result.ok ? [] : r.result.error })) }, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.result.ok) io.out(`${r.file}: valid (${r.result.value.steps.length} steps, ${r.result.value.schedule.length} schedule entries)\n`);
      else io.err(r.result.error.map((e) => `${formatInputError(e)}\n`).join(''));
    }
    const errors = bad.reduce((n, r) => n + (r.result.ok ? 0 : r.result.error.length), 0);
    if (bad.length > 0) io.err(`${bad.length} of ${files.length} scenario${files.length === 1 ? '' : 's'} invalid (${errors} error${errors === 1 ? '' : 's'})\n`);
  }
  return bad.length > 0 ? EXIT.badInput : EXIT.ok;
}

/** Registers `validate`. */
export const registerValidate: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('validate')
    .description('check scenario files (schema, times, references, policies) without replaying them')
    .argument('<paths...>', 'scenario files (.yaml) or directories of them')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], o: { format: 'text' | 'json' }) => {
      box.code = await validate(io, paths, o.format);
    });
};
