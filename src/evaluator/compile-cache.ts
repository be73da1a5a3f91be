/**
 * compilePolicy memoised by document identity. The account model stores frozen documents and compiles on every
 * request; a WeakMap keyed by the document object makes that a lookup and lets unused documents be collected.
 */
import type { Result } from '../result.js';
import type { CompiledPolicy, PolicyProblem } from './types.js';
import { compilePolicy, type CompileOptions } from './parse-policy.js';

type Compiled = Result<CompiledPolicy, readonly PolicyProblem[]>;

/** One compilation of a document: the options it was compiled with and the result. */
interface Entry {
  readonly kind: CompileOptions['kind'];
  readonly id: string;
  readonly requireVersion2012: boolean;
  readonly sizeLimit: number | null | undefined;
  readonly result: Compiled;
}

const cache = new WeakMap<object, Entry[]>();
/** Compilations kept per document (one per distinct id and kind); the oldest is dropped beyond this. */
const MAX_ENTRIES = 16;

/**
 * The same as compilePolicy, memoised per document object and options (a document usually has one entry, so the
 * lookup compares a few fields and allocates nothing). The document must not be mutated afterwards (freeze it).
 * Non-object documents (strings, numbers) are compiled every time.
 */
export function compileCached(document: unknown, opts: CompileOptions): Compiled {
  if (document === null || typeof document !== 'object') return compilePolicy(document, opts);
  // Stryker disable next-line EqualityOperator: the flag is only compared with flags computed the same way, so inverting it keeps the same cache keys.
  const requireVersion2012 = opts.requireVersion2012 === true;
  let entries = cache.get(document);
  if (entries !== undefined) {
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.id === opts.id && e.kind === opts.kind && e.requireVersion2012 === requireVersion2012 && e.sizeLimit === opts.sizeLimit) return e.result;
    }
  } else {
    // Stryker disable next-line ArrayDeclaration: a junk first entry has no id, kind or flag, so it matches no options and is never returned.
    entries = [];
    cache.set(document, entries);
  }
  const result = compilePolicy(document, opts);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a cache bound; a dropped entry is compiled again to an equal result.
  if (entries.length >= MAX_ENTRIES) entries.shift();
  entries.push({ kind: opts.kind, id: opts.id, requireVersion2012, sizeLimit: opts.sizeLimit, result });
  return result;
}
