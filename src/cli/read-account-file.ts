/** Reads and loads a saved account file for a CLI command: one place for the read error and the load problems. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatInputError, type InputError, type Result } from '../result.js';
import { loadAccount } from '../model/serialize.js';
import type { Account } from '../model/types.js';
import type { CliIo } from './io.js';
import { EXIT, UsageError } from './io.js';
import type { ExitBox } from './program.js';

/** Turns a saved account's text into an account, or every problem with its JSON path. */
export type AccountLoader = (text: string, file: string) => Result<Account, readonly InputError[]>;

/**
 * Reads `file` (resolved against the working directory) and loads it. An unreadable file is a UsageError (exit 2);
 * an invalid one prints every problem, sets exit code 2 and returns undefined.
 */
export async function readAccountFile(file: string, io: CliIo, box: ExitBox, load: AccountLoader = loadAccount): Promise<Account | undefined> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the account file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`, 'check the path; it is resolved against the current directory');
  }
  const loaded = load(text, file);
  if (!loaded.ok) {
    for (const e of loaded.error) io.err(`${formatInputError(e)}\n`);
    box.code = EXIT.badInput;
    return undefined;
  }
  return loaded.value;
}
