/** The evaluator's public API: compile policies once, evaluate requests many times. Re-exports only. */
export type * from './types.js';
export { compilePolicy, type CompileOptions } from './parse-policy.js';
export { compileCached } from './compile-cache.js';
export { evaluate, resourceAccountOf } from './evaluate.js';
export { ROOT_USER_REF, COMBINE_MESSAGES, describeRefs, type TraceStep, type CombineMessageId } from './trace.js';
export { globMatch, compileGlob, matchGlob, hasWildcard, type Glob } from './match/glob.js';
export { matchAction, compileActionPattern, prepareAction, matchActionPattern, matchAnyAction, type ActionPattern, type PreparedAction } from './match/action.js';
export { matchResource, compileResourcePattern, prepareResource, matchResourcePattern, matchAnyResource, splitArn, type ResourcePattern, type PreparedResource } from './match/resource.js';
export { matchPrincipal, compilePrincipal, principalGrant, notPrincipalApplies, type PrincipalSet, type PrincipalGrant } from './match/principal.js';
export { policySize, SIZE_LIMITS } from './validate/size.js';
export { KIND_RULES, type KindRules } from './validate/kind-rules.js';
export { POLICY_MESSAGES, type PolicyProblemCode } from './validate/messages.js';
export { duplicateKeyProblems } from './validate/duplicate-keys.js';
export { buildRequestContext } from './context.js';
