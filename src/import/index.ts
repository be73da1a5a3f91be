/** Importing AWS export files (get-account-authorization-details, credential report, CloudTrail, …) into a model account. */
export { importAwsExport, type ImportOptions, type ImportReport, type SnapshotSource } from './import-directory.js';
export { detectFile } from './detect-format.js';
export { missingNeeds, describeLacks, type Lack, type Need } from './needs.js';
export { parseAwsDate } from './dates.js';
export { INPUT_INFO, INPUT_KINDS, type InputKind, type ImportProblem, type ImportedFile, type DetectedFile, type CloudTrailShape } from './types.js';
