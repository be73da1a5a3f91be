/** Every subcommand, in the order `iamsim --help` lists them. */
import type { RegisterCommand } from '../program.js';
import { registerEvaluate } from './evaluate.js';
import { registerSimulate } from './simulate.js';
import { registerValidate } from './validate.js';
import { registerChecks } from './checks.js';
import { registerAudit } from './audit.js';
import { registerReview } from './review.js';
import { registerAccount } from './account.js';
import { registerImport } from './import.js';
import { registerCollect } from './collect.js';
import { registerExport } from './export.js';
import { registerGenerate } from './generate.js';

export const COMMANDS: readonly RegisterCommand[] = [registerSimulate, registerValidate, registerEvaluate, registerChecks, registerAudit, registerReview, registerAccount, registerImport, registerCollect, registerExport, registerGenerate];
