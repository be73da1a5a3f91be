/** Test helpers for model operations: a base account and a `run` that applies calls or fails the test with the error. */
import { applyOperation, applyOperations } from '../../src/model/apply.js';
import { emptyAccount } from '../../src/model/empty-account.js';
import { formatIamError, type IamError, type IamErrorCode } from '../../src/model/errors.js';
import type { OperationCall } from '../../src/checks/types.js';
import type { Account, Instant } from '../../src/model/types.js';

/** The instant every test uses unless it says otherwise. */
export const T0: Instant = '2026-01-01T00:00:00Z';
/** The test account id. */
export const ACCOUNT_ID = '123456789012';

/** A fresh empty account. */
export const base = (): Account => emptyAccount(ACCOUNT_ID, '2025-01-01T00:00:00Z');

/** Shorthand for an operation call. */
export const op = (name: string, input: Record<string, unknown>): OperationCall => ({ op: name, input });

/** Applies calls; throws with the IAM error when one fails (use only for setup). */
export function build(calls: readonly OperationCall[], account: Account = base(), now: Instant = T0): Account {
  const r = applyOperations(account, calls, now);
  if (!r.ok) throw new Error(`setup call ${r.error.index} (${r.error.op}) failed: ${formatIamError(r.error)}`);
  return r.value.account;
}

/** A simple allow-everything-in-S3 identity policy. */
export const S3_READ = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

/** A trust policy for EC2. */
export const EC2_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** Applies one call and expects success; returns the new account. The input must stay untouched. */
export function succeeds(account: Account, c: OperationCall, now: Instant = T0): Account {
  const before = JSON.stringify(account);
  const r = applyOperation(account, c, now);
  if (!r.ok) throw new Error(`${c.op} failed: ${formatIamError(r.error)}`);
  if (JSON.stringify(account) !== before) throw new Error(`${c.op} mutated its input account`);
  return r.value;
}

/** Applies one call and expects an IAM error with this code; returns the error. */
export function fails(account: Account, c: OperationCall, code: IamErrorCode, now: Instant = T0): IamError {
  const r = applyOperation(account, c, now);
  if (r.ok) throw new Error(`${c.op} succeeded; expected ${code}`);
  if (r.error.code !== code) throw new Error(`${c.op} failed with ${formatIamError(r.error)}; expected ${code}`);
  return r.error;
}

/** A policy document granting n distinct actions, for size-quota tests. */
export const bigPolicy = (n: number): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: Array.from({ length: n }, (_, i) => `s3:GetObjectVersion${i}`), Resource: '*' }],
});
