/** Least-privilege policy generation from activity, and its proof with the evaluator. */
export * from './logged-requests.js';
export * from './generate-policy.js';
export * from './prove-replacement.js';
export * from './replace-direct-policies.js';
export * from './broad-grants.js';
