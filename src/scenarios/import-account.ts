/** How `import:` account files are parsed: the model's saved-account format (src/model/serialize.ts). */
import { loadAccount } from '../model/serialize.js';
import type { AccountParser } from './load-file.js';

/** Parses a saved account for `import:`; its problems come back with the file name and JSON path. */
export const accountParser: AccountParser = (text, file) => loadAccount(text, file);
