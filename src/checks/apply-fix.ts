/** Applies a fix (operation calls) to an account with the model's applyOperations: one produceWithPatches, all or nothing. */
import { applyOperations, type AppliedBatch } from '../model/apply.js';
import type { IndexedIamError } from '../model/errors.js';
import type { Account, Instant } from '../model/types.js';
import type { Result } from '../result.js';
import type { Fix } from './types.js';

/** Applies one fix; the result carries the patches and inverse patches. */
export const applyFix = (account: Account, fix: Fix, now: Instant): Result<AppliedBatch, IndexedIamError> => applyOperations(account, fix, now);
