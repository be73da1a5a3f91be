/** The iamsim library API: named re-exports only. */
export * from './result.js';
export type * from './evaluator/types.js';
export type * from './model/types.js';
export type * from './checks/types.js';
export {
  compilePolicy,
  compileCached,
  evaluate,
  resourceAccountOf,
  globMatch,
  matchAction,
  matchResource,
  matchPrincipal,
  compilePrincipal,
  policySize,
  SIZE_LIMITS,
  ROOT_USER_REF,
  buildRequestContext,
  type CompileOptions,
} from './evaluator/index.js';
