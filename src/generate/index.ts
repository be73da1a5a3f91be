/** The seeded account generator. */
export { generate, validateGenerateOptions, DEFAULT_START } from './generate.js';
export { INJECTABLE, resolveViolations } from './violations.js';
export type { GenerateOptions, GenerateProgress, Generated, TruthEntry } from './types.js';
