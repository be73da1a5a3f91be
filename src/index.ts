/** The iamsim library API: named re-exports only. */
export * from './result.js';
export type * from './evaluator/types.js';
export type * from './model/types.js';
export type * from './checks/types.js';
