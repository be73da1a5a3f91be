/** A value or an error, as a discriminated union: the boundary convention of iamsim (YAML, policy JSON, imports, CLI args). */
export type Result<T, E = InputError[]> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value as a successful Result. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

/** Wraps an error as a failed Result. */
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/**
 * One problem with user input. `path` is `file:line:col` for text files or a JSON pointer (`/Statement/0/Effect`) for JSON;
 * `hint` says how to fix it.
 */
export interface InputError {
  readonly code: string;
  readonly message: string;
  readonly path: string;
  readonly hint?: string;
  /** The file the problem is in, when known. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
}

/** Formats an InputError the way compilers do: `file:line:col: message` then an indented hint. */
export function formatInputError(e: InputError): string {
  const where = e.file !== undefined
    ? `${e.file}${e.line !== undefined ? `:${e.line}${e.col !== undefined ? `:${e.col}` : ''}` : ''}${e.path && e.line === undefined ? ` at ${e.path}` : ''}`
    : e.path;
  return `${where}: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`;
}
