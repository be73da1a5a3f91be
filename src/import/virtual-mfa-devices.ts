/**
 * `aws iam list-virtual-mfa-devices` output: which principals use a virtual MFA device. A principal with MFA active
 * that is not listed here uses a hardware device (TOTP token or FIDO key).
 */
import type { Instant } from '../model/types.js';
import { parseAwsDate } from './dates.js';
import { asArray, asRecord } from './problems.js';

/** An assigned virtual device: its serial, the user ARN (root's ends in `:root`) and when it was enabled. */
export interface VirtualDevice {
  readonly serial: string;
  readonly userArn: string;
  readonly enabled: Instant | null;
}

/** True when parsed JSON is list-virtual-mfa-devices output. */
export const isVirtualMfaDevices = (o: Readonly<Record<string, unknown>>): boolean => Array.isArray(o['VirtualMFADevices']);

/** The assigned devices; unassigned ones (no User) are ignored. */
export function readVirtualMfaDevices(o: Readonly<Record<string, unknown>>): readonly VirtualDevice[] {
  const out: VirtualDevice[] = [];
  for (const item of asArray(o['VirtualMFADevices'])) {
    const d = asRecord(item);
    const user = asRecord(d?.['User']);
    if (d === undefined || user === undefined || typeof d['SerialNumber'] !== 'string' || typeof user['Arn'] !== 'string') continue;
    out.push({ serial: d['SerialNumber'], userArn: user['Arn'], enabled: parseAwsDate(d['EnableDate']) ?? null });
  }
  return out;
}
