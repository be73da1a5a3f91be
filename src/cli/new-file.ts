/**
 * The rule every `--out` follows: it writes a new file. An existing file (an earlier report, another account) is never
 * replaced silently, the way `iamsim generate` and `iamsim export` already refuse.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io.js';

/** Throws a UsageError (exit 2) naming `file` when it already exists, resolved against `cwd`. */
export function refuseExistingFile(cwd: string, file: string, flag = '--out'): void {
  if (existsSync(resolve(cwd, file))) throw new UsageError(`${flag}: ${file} already exists`, 'choose a new file name or delete it first');
}
