/** Validation of Action / NotAction entries (sheet §6.1, texts from IAM via moto). */
import type { PolicyProblem } from '../types.js';
import { problem } from './messages.js';

const VENDOR = /^[A-Za-z0-9.-]+$/;

/** Problems with one action string: a missing vendor, a second colon, a bad vendor, an empty name (warning). */
export function actionProblems(action: string, path: string): PolicyProblem[] {
  if (action === '*') return [];
  const parts = action.split(':');
  if (parts.length === 1) return [problem('action-no-vendor', path, { action })];
  if (parts.length > 2) return [problem('action-colons', path, { action })];
  const vendor = parts[0] ?? '';
  const name = parts[1] ?? '';
  if (vendor !== '*' && !VENDOR.test(vendor)) return [problem('action-vendor-invalid', path, { vendor })];
  if (name.trim() === '') return [problem('action-empty-name', path, { action })];
  return [];
}
