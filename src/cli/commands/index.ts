/** Every subcommand, in the order `iamsim --help` lists them. */
import type { RegisterCommand } from '../program.js';
import { registerEvaluate } from './evaluate.js';
import { registerSimulate } from './simulate.js';
import { registerValidate } from './validate.js';
import { registerChecks } from './checks.js';

export const COMMANDS: readonly RegisterCommand[] = [registerSimulate, registerValidate, registerEvaluate, registerChecks];
