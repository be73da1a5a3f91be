/** The checks API: named re-exports only. */
export { defineCheck, erase, type AnyCheck, type CheckDefinition } from './define-check.js';
export { ALL_CHECKS, checkById } from './registry.js';
export { runChecks, toFinding, type RunOptions } from './run-checks.js';
export { CHECK_ERROR, type Finding, type CheckRun, type CheckError, type NotEvaluated, type Suppressed, type RenderedSuggestion } from './finding.js';
export { loadConfig, suppressionActive, type Config, type Suppression, type CheckSettings } from './config.js';
export { PRESETS, PRESET_NAMES, type Preset } from './presets.js';
export { renderMessage, placeholders, missingPlaceholders } from './render-message.js';
export { resolveOptions, optionProblems } from './resolve-options.js';
export { runCaseTable, verifyCase, type CaseTable, type ValidCase, type InvalidCase, type ExpectedReport, type ApplyFix, type TesterHooks } from './tester.js';
export { remediate, undoRemediation, MAX_PASSES, type Remediation, type RemediateOptions, type AppliedFix, type FailedFix } from './remediate.js';
