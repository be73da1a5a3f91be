/** Every subcommand, in the order `iamsim --help` lists them. */
import type { RegisterCommand } from '../program.js';
import { registerEvaluate } from './evaluate.js';

export const COMMANDS: readonly RegisterCommand[] = [registerEvaluate];
