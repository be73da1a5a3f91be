/** Loads a scenario from disk: reads the file and resolves `import:` relative to it. Errors are values. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Account } from '../model/types.js';
import { err, type InputError, type Result } from '../result.js';
import { loadScenario, type LoadOptions } from './load.js';
import type { Scenario } from './types.js';

/** Parses a saved account file (the model's JSON format); injected so this module does not fix the format. */
export type AccountParser = (text: string, file: string) => Result<Account, InputError[]>;

/** Options for loading from disk. */
export interface LoadFileOptions extends Omit<LoadOptions, 'importAccount'> {
  /** The directory relative paths are resolved against (default: the process's). */
  readonly cwd?: string;
  /** Parses `import:` files; without it imports are refused with an error. */
  readonly parseAccount?: AccountParser;
}

/** Reads and loads one scenario file. `file` is shown in messages as given. */
export function loadScenarioFile(file: string, opts: LoadFileOptions = {}): Result<Scenario, InputError[]> {
  const abs = resolve(opts.cwd ?? '.', file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err([{ code: 'unreadable', message: `cannot read the scenario${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`, path: '', file, hint: 'check the path; it is resolved against the current directory' }]);
  }
  const parse = opts.parseAccount;
  return loadScenario(text, file, {
    ...(opts.checkIds !== undefined ? { checkIds: opts.checkIds } : {}),
    ...(parse !== undefined
      ? {
          importAccount: (p: string): Result<Account, InputError[]> => {
            const target = resolve(dirname(abs), p);
            let json: string;
            try {
              json = readFileSync(target, 'utf8');
            } catch {
              return err([{ code: 'unreadable', message: `cannot read the imported account '${p}'`, path: '', hint: `the path is relative to ${file}` }]);
            }
            return parse(json, p);
          },
        }
      : {}),
  });
}

/** The scenario files (`.yaml`, `.yml`) directly inside a directory, sorted by name. */
export function scenarioFilesIn(dir: string, cwd = '.'): string[] {
  return readdirSync(resolve(cwd, dir))
    .filter((f) => /\.ya?ml$/.test(f) && statSync(resolve(cwd, dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}
