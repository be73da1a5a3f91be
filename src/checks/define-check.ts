/** The typed helper every rule file uses: infers message ids from `meta.messages` and the options type from `meta.defaults`. */
import type { Check, CheckMeta, CheckContext, Report } from './types.js';

/** A check whose message ids and options are erased, as the registry holds them. */
export type AnyCheck = Check<string, Readonly<Record<string, unknown>>>;

/** The shape `defineCheck` accepts: meta with required `defaults`, and a detect typed by them. */
export interface CheckDefinition<M extends string, O extends Readonly<Record<string, unknown>>> {
  readonly meta: CheckMeta<M> & { readonly defaults: O };
  detect(ctx: CheckContext<O>): readonly Report<M>[];
}

/** Declares a check; returns it unchanged but typed, so a wrong messageId or option name is a compile error. */
export function defineCheck<M extends string, O extends Readonly<Record<string, unknown>>>(def: CheckDefinition<M, O>): Check<M, O> {
  return def;
}

/** Erases a check's type parameters for the registry. Sound because the runner always passes options built from meta.defaults. */
export const erase = <M extends string, O extends Readonly<Record<string, unknown>>>(c: Check<M, O>): AnyCheck => c as unknown as AnyCheck;
