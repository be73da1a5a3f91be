/** `aws iam get-account-password-policy` output (`{"PasswordPolicy": {…}}`) → the model's PasswordPolicy. */
import type { PasswordPolicy } from '../model/types.js';
import { asRecord, importError } from './problems.js';
import type { ImportProblem } from './types.js';

/** True when parsed JSON is get-account-password-policy output. */
export const isPasswordPolicy = (o: Readonly<Record<string, unknown>>): boolean => asRecord(o['PasswordPolicy']) !== undefined;

/** Reads the policy; absent booleans are false, as IAM reports them. `PasswordPolicy: null` is the saved NoSuchEntity error: no policy. */
export function readPasswordPolicy(o: Readonly<Record<string, unknown>>, file: string): { policy: PasswordPolicy | null; problems: readonly ImportProblem[] } {
  if (o['PasswordPolicy'] === null) return { policy: null, problems: [] };
  const p = asRecord(o['PasswordPolicy'])!;
  const min = p['MinimumPasswordLength'];
  if (typeof min !== 'number') {
    return { policy: null, problems: [importError(file, '/PasswordPolicy/MinimumPasswordLength', 'missing-field', 'the password policy has no MinimumPasswordLength', 'IAM always returns it; save the output of `aws iam get-account-password-policy` unchanged')] };
  }
  const b = (k: string): boolean => p[k] === true;
  return {
    policy: {
      MinimumPasswordLength: min,
      RequireSymbols: b('RequireSymbols'),
      RequireNumbers: b('RequireNumbers'),
      RequireUppercaseCharacters: b('RequireUppercaseCharacters'),
      RequireLowercaseCharacters: b('RequireLowercaseCharacters'),
      AllowUsersToChangePassword: b('AllowUsersToChangePassword'),
      ExpirePasswords: b('ExpirePasswords'),
      ...(typeof p['MaxPasswordAge'] === 'number' ? { MaxPasswordAge: p['MaxPasswordAge'] } : {}),
      ...(typeof p['PasswordReusePrevention'] === 'number' ? { PasswordReusePrevention: p['PasswordReusePrevention'] } : {}),
      HardExpiry: b('HardExpiry'),
    },
    problems: [],
  };
}
