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
export { awsManagedPolicy, awsManagedPolicies, awsManagedSource, isAwsManagedArn, AWS_MANAGED_PREFIX, type AwsManagedPolicy, type AwsManagedSource } from './model/aws-managed.js';
export {
  accessLevel, accessLevelCounts, accessLevelsOf, allActions, allServices, expandActions, serviceActions, serviceName, serviceOf, ACCESS_LEVELS,
  type AccessLevel, type CatalogAction,
} from './model/access-level.js';
export { request, evaluateCall, REJECTED, type RequestOutcome, type RequestOutcomeKind, type RequestOptions } from './model/request.js';
export { resolveCaller, authzRequest, buildContext, REJECTIONS, type Call, type CallPrincipal, type Caller, type Rejection, type RejectionCode } from './model/request-context.js';
export { gatherPolicies, principalPolicies, resourcePolicies, type GatheredPolicies, type GatheredPolicy, type PolicySource } from './model/policies-for.js';
export { policySetFor, compilePolicySet as compileGatheredPolicies, type CompiledPolicySet, type SkippedPolicy } from './model/compile-policy-set.js';
export { signIn, type SignIn, type SignInOutcome } from './model/sign-in.js';
export { assumeRole, instanceSession, type AssumeRoleInput, type AssumeRoleOutcome, type InstanceSessionOutcome } from './model/assume-role.js';
export { policiesFor, whoCan, whatCan, findPrincipal, type PoliciesForAnswer, type WhoCanAnswer, type WhoCanOptions, type WhatCanAnswer, type ServiceSummary } from './model/queries/index.js';
export { loadScenario, type LoadOptions } from './scenarios/load.js';
export { loadScenarioFile, scenarioFilesIn, type LoadFileOptions, type AccountParser } from './scenarios/load-file.js';
export { replay } from './scenarios/replay.js';
export { scenarioSchema } from './scenarios/schema.js';
export type { Scenario, Step, StepKind, ScheduleEntry } from './scenarios/types.js';
export type { ReplayResult, ReplayEvent, StepEvent, ScheduledEvent, Expectation, ReplaySummary, ReplayOptions } from './scenarios/replay-types.js';
export {
  applyOperation, applyOperations, applyOperationsUnchecked, applyTimedOperationsUnchecked, applyToDraft, validateOperationInput, call, isOperationName,
  OPERATIONS, OPERATION_NAMES, OPERATION_SCHEMAS,
  type OperationName, type OperationInput, type OperationDefinition, type AppliedBatch, type TimedCall,
} from './model/apply.js';
export { IAM_ERROR_CODES, IAM_ERROR_INFO, formatIamError, type IamError, type IamErrorCode, type IndexedIamError } from './model/errors.js';
export { saveAccount, loadAccount, accountToJson, accountSchema, FORMAT_VERSION } from './model/serialize.js';
export { emptyAccount } from './model/empty-account.js';
export { entityId, ID_PREFIX, type IdKind } from './model/ids.js';
export {
  userByName, groupByName, roleByName, instanceProfileByName, customerPolicy, managedPolicy, policyDocument, customerPolicyArn, accessKeyOwner, policyUses, groupMembers,
  type ResolvedManagedPolicy, type KeyOwner, type PolicyUse,
} from './model/lookup.js';
export { compilePolicySet, type RawPolicySet, type RawPolicyDocument } from './evaluator/policy-set.js';
export {
  defineCheck, ALL_CHECKS, checkById, runChecks, toFinding, CHECK_ERROR, loadConfig, suppressionActive, PRESETS, PRESET_NAMES, renderMessage,
  resolveOptions, runCaseTable, verifyCase,
  type AnyCheck, type CheckDefinition, type RunOptions, type Finding, type CheckRun, type CheckError, type NotEvaluated, type Suppressed,
  type Config, type Suppression, type CheckSettings, type Preset, type CaseTable, type ValidCase, type InvalidCase, type ExpectedReport, type ApplyFix, type TesterHooks,
} from './checks/index.js';
export { remediate, undoRemediation, MAX_PASSES, type Remediation, type RemediateOptions, type AppliedFix, type FailedFix } from './checks/remediate.js';
export {
  buildUniverse, universeRequests, compareGrants, grantsContained, allowedRequests, firstAllowed, actionsOf, toAuthzRequest, decideRaw, compileRawSet, REAL_CATALOG,
  grantsEverything, fullyGrantedServices, summarizeAccount, summarizePrincipal, accessLevelText, sensitivePrincipals, contractEndInstant, SCHEDULE_TAG,
  type Universe, type UniverseRequest, type UniverseOptions, type ActionCatalog, type ActionClass, type Decide, type GrantDiff, type CompareOptions,
  type PrincipalSummary, type ServiceSummary as AccessLevelServiceSummary, type LevelCount,
} from './checks/universe/index.js';
export { planReplacement, generateLeastPrivilege, proveReplacement, loggedRequests, type ReplacementPlan, type GeneratedPolicy, type ReplacementProof, type LoggedRequest } from './checks/least-privilege/index.js';
export { detectAnomalies, DEFAULT_ANOMALY_OPTIONS, type Anomaly, type AnomalyKind, type AnomalyOptions } from './checks/anomalies/index.js';
export { generate, validateGenerateOptions, DEFAULT_START, INJECTABLE, resolveViolations, type GenerateOptions, type GenerateProgress, type Generated, type TruthEntry } from './generate/index.js';
export { importAwsExport, detectFile, missingNeeds, describeLacks, parseAwsDate, INPUT_INFO, INPUT_KINDS, type ImportOptions, type ImportReport, type SnapshotSource, type Lack, type Need, type InputKind, type ImportProblem, type ImportedFile, type DetectedFile, type CloudTrailShape } from './import/index.js';
export { exportAws, credentialReportCsv, type ExportOptions, type ExportedFile } from './export/index.js';
