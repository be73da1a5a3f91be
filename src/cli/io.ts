/** What the CLI may touch of the outside world, injected so tests drive the CLI in-process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Whether colour is wanted: only on a TTY and never with NO_COLOR. */
export function useColor(io: CliIo): boolean {
  return io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) && io.env.TERM !== 'dumb';
}

/** Exit codes: 0 all good, 1 expectations failed or violations found, 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** A CLI input error: rendered as `where: message` plus a hint, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}
