/** How `import:` account files are parsed: the model's saved-account format, once it is available. */
import { err } from '../result.js';
import type { AccountParser } from './load-file.js';

/** Parses a saved account for `import:`. */
export const accountParser: AccountParser = (_text, file) =>
  err([{ code: 'import-unsupported', message: `cannot import ${file}: saved accounts are not readable yet`, path: '', hint: 'describe the account inline under account:' }]);
