/** Builds the iamsim command line: a fresh commander program per call, so tests drive it in-process. */
import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { EXIT, UsageError } from './io.js';
import { COMMANDS } from './commands/index.js';

/** Holds the exit code an action decided. */
export interface ExitBox { code: number }

/** A command module: adds one subcommand to the program. Its action resolves to an exit code stored in `box`. */
export type RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => void;

/** Creates the program. `exitOverride` is always on: commander never calls process.exit. */
export function createProgram(io: CliIo, box: ExitBox = { code: EXIT.ok }): Command {
  const program = new Command('iamsim')
    .description('An offline AWS IAM simulator and best-practice test harness. It never calls AWS.')
    .version('0.1.0')
    .option('--debug', 'show stack traces for internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)');
  for (const register of COMMANDS) register(program, io, box);
  return program;
}

/** Runs the CLI with argv (without node and script) and returns the exit code. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const box: ExitBox = { code: EXIT.ok };
  const program = createProgram(io, box);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return box.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // 'commander.help' with a non-zero exitCode is help shown because a subcommand was missing: a usage error.
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
      return EXIT.badInput;
    }
    if (e instanceof UsageError) {
      io.err(`iamsim: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      return EXIT.badInput;
    }
    const debug = argv.includes('--debug');
    io.err(`iamsim: internal error: ${e instanceof Error ? e.message : String(e)}\n${debug && e instanceof Error && e.stack ? e.stack + '\n' : '  (this is a bug in iamsim; run with --debug for details)\n'}`);
    return 70;
  }
}
