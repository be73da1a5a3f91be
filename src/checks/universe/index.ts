/** The finite request universe and exact policy comparison over it. */
export * from './types.js';
export * from './policy-facts.js';
export * from './boundary-values.js';
export * from './action-classes.js';
export * from './build-universe.js';
export * from './compare-grants.js';
export * from './real-catalog.js';
export * from './principal-policies.js';
export * from './ip-match.js';
export * from './sensitive-principals.js';
export * from './grants-admin.js';
export * from './decide-raw.js';
export * from './access-summary.js';
export * from './service-set.js';
export * from './policy-set-key.js';
