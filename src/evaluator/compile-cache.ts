/**
 * compilePolicy memoised by document identity. The account model stores frozen documents and compiles on every
 * request; a WeakMap keyed by the document object makes that a lookup and lets unused documents be collected.
 */
import type { Result } from '../result.js';
import type { CompiledPolicy, PolicyProblem } from './types.js';
import { compilePolicy, type CompileOptions } from './parse-policy.js';

type Compiled = Result<CompiledPolicy, readonly PolicyProblem[]>;

const cache = new WeakMap<object, Map<string, Compiled>>();

function optionsKey(opts: CompileOptions): string {
  return `${opts.kind}\u0000${opts.id}\u0000${opts.requireVersion2012 === true ? 1 : 0}\u0000${opts.sizeLimit === undefined ? 'd' : String(opts.sizeLimit)}`;
}

/**
 * The same as compilePolicy, memoised per document object and options. The document must not be mutated afterwards
 * (freeze it). Non-object documents (strings, numbers) are compiled every time.
 */
export function compileCached(document: unknown, opts: CompileOptions): Compiled {
  if (document === null || typeof document !== 'object') return compilePolicy(document, opts);
  let byOptions = cache.get(document);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(document, byOptions);
  }
  const key = optionsKey(opts);
  let compiled = byOptions.get(key);
  if (compiled === undefined) {
    compiled = compilePolicy(document, opts);
    byOptions.set(key, compiled);
  }
  return compiled;
}
