/** Every check, in report order (practice, then file name). Part 2 appends its rules here. */
import { erase, type AnyCheck } from './define-check.js';
import rootAccessKeyActive from './rules/root-access-key-active.js';
import rootAccessKeyOld from './rules/root-access-key-old.js';
import rootMfaMissing from './rules/root-mfa-missing.js';
import rootVirtualMfaOnly from './rules/root-virtual-mfa-only.js';
import accessKeyRotation from './rules/access-key-rotation.js';
import inactiveUser from './rules/inactive-user.js';
import multipleActiveAccessKeys from './rules/multiple-active-access-keys.js';
import unusedAccessKey from './rules/unused-access-key.js';
import unusedConsolePassword from './rules/unused-console-password.js';

/** All registered checks. */
export const ALL_CHECKS: readonly AnyCheck[] = [
  erase(rootAccessKeyActive),
  erase(rootAccessKeyOld),
  erase(rootMfaMissing),
  erase(rootVirtualMfaOnly),
  erase(accessKeyRotation),
  erase(inactiveUser),
  erase(multipleActiveAccessKeys),
  erase(unusedAccessKey),
  erase(unusedConsolePassword),
];

/** The check with this id, or undefined. */
export const checkById = (id: string): AnyCheck | undefined => ALL_CHECKS.find((c) => c.meta.id === id);
