/** The compiled form of a Condition element: clauses with their policy values pre-parsed, ready for evaluation. */
import type { CidrValue } from '../values/ip.js';
import type { Template } from '../variables.js';
import type { Glob } from '../values/glob.js';
import type { ArnPattern } from '../values/arn.js';
import type { Comparison } from './operators.js';
import type { SetPrefix } from './parse-operator.js';

/**
 * A clause's policy values, pre-parsed per family. `fixed` holds the values ready to compare when no value needs
 * substitution (`null` when some do; they are then resolved once per evaluation of the clause).
 */
export type ValueTest =
  /** `lookup`: the fixed values as a set, when there are many of them. */
  | { readonly kind: 'string-exact'; readonly templates: readonly Template[]; readonly fixed: readonly string[] | null; readonly lookup: ReadonlySet<string> | null }
  /** `fixed` values (and `lookup`) are already lowercased. */
  | { readonly kind: 'string-ignore-case'; readonly templates: readonly Template[]; readonly fixed: readonly string[] | null; readonly lookup: ReadonlySet<string> | null }
  | { readonly kind: 'string-like'; readonly templates: readonly Template[]; readonly fixed: readonly Glob[] | null }
  | { readonly kind: 'arn'; readonly templates: readonly Template[]; readonly fixed: readonly ArnPattern[] | null }
  /** Values that fail to parse are dropped (and reported at compile time). */
  | { readonly kind: 'numeric' | 'date'; readonly cmp: Comparison; readonly values: readonly number[] }
  /** `fixed`: parsed booleans, or null when a value holds a variable; invalid values parse to null and never match. */
  | { readonly kind: 'bool'; readonly templates: readonly Template[]; readonly fixed: readonly (boolean | null)[] | null }
  /** Bytes as lowercase hex. */
  | { readonly kind: 'binary'; readonly values: readonly string[] }
  | { readonly kind: 'ip'; readonly values: readonly CidrValue[] }
  /** `true`: the key must be absent; `false`: present. */
  | { readonly kind: 'null'; readonly values: readonly boolean[] }
  /** An operator or body that could not be compiled: reported as a problem; the clause never matches. */
  | { readonly kind: 'invalid' };

/** One operator/key pair of a Condition element. */
export interface Clause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The key as written. */
  readonly keyText: string;
  /** The key lowercased, for lookups in the RequestContext. */
  readonly key: string;
  readonly set: SetPrefix;
  readonly ifExists: boolean;
  /** A negated operator: a request value satisfies it when it matches none of the policy values (NOR). */
  readonly negated: boolean;
  /** The policy values as written (JSON numbers and booleans as text), for traces. */
  readonly raw: readonly string[];
  readonly test: ValueTest;
}

/** A compiled Condition element: its clauses, all of which must hold (operators ANDed, keys ANDed). */
export interface ConditionBlock {
  readonly clauses: readonly Clause[];
}
