/** Every subcommand, in the order `iamsim --help` lists them. */
import type { RegisterCommand } from '../program.js';

export const COMMANDS: readonly RegisterCommand[] = [];
