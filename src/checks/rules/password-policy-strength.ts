/** Practice 8: the account password policy is absent or weaker than the baseline. */
import type { PasswordPolicy } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { passwordPolicyRef } from '../lib/refs.js';

/** The baseline a password policy is measured against (the check's options). */
export interface PasswordBaseline {
  readonly minLength: number;
  readonly requireSymbols: boolean;
  readonly requireNumbers: boolean;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  /** 0 means "no expiry required". */
  readonly maxAgeDays: number;
  readonly reusePrevention: number;
}

/** The ways a policy falls short of the baseline, as short phrases. */
export function policyWeaknesses(p: PasswordPolicy, b: PasswordBaseline): string[] {
  const w: string[] = [];
  if (p.MinimumPasswordLength < b.minLength) w.push(`minimum length ${p.MinimumPasswordLength} < ${b.minLength}`);
  if (b.requireSymbols && !p.RequireSymbols) w.push('symbols not required');
  if (b.requireNumbers && !p.RequireNumbers) w.push('numbers not required');
  if (b.requireUppercase && !p.RequireUppercaseCharacters) w.push('uppercase not required');
  if (b.requireLowercase && !p.RequireLowercaseCharacters) w.push('lowercase not required');
  if (b.maxAgeDays > 0 && (!p.ExpirePasswords || p.MaxPasswordAge === undefined || p.MaxPasswordAge > b.maxAgeDays)) {
    w.push(p.MaxPasswordAge === undefined || !p.ExpirePasswords ? 'passwords never expire' : `maximum age ${p.MaxPasswordAge} > ${b.maxAgeDays} days`);
  }
  if ((p.PasswordReusePrevention ?? 0) < b.reusePrevention) w.push(`reuse prevention ${p.PasswordReusePrevention ?? 0} < ${b.reusePrevention}`);
  return w;
}

/** The whole UpdateAccountPasswordPolicy input that meets the baseline without weakening any stronger existing setting. */
export function strengthenedPolicy(p: PasswordPolicy | null, b: PasswordBaseline): Record<string, unknown> {
  const maxAge = b.maxAgeDays > 0 ? Math.min(b.maxAgeDays, p?.MaxPasswordAge ?? b.maxAgeDays) : p?.MaxPasswordAge;
  const reuse = Math.max(b.reusePrevention, p?.PasswordReusePrevention ?? 0);
  return {
    MinimumPasswordLength: Math.max(b.minLength, p?.MinimumPasswordLength ?? 0),
    RequireSymbols: b.requireSymbols || (p?.RequireSymbols ?? false),
    RequireNumbers: b.requireNumbers || (p?.RequireNumbers ?? false),
    RequireUppercaseCharacters: b.requireUppercase || (p?.RequireUppercaseCharacters ?? false),
    RequireLowercaseCharacters: b.requireLowercase || (p?.RequireLowercaseCharacters ?? false),
    AllowUsersToChangePassword: p?.AllowUsersToChangePassword ?? true,
    HardExpiry: p?.HardExpiry ?? false,
    ...(maxAge !== undefined ? { MaxPasswordAge: maxAge } : {}),
    ...(reuse > 0 ? { PasswordReusePrevention: reuse } : {}),
  };
}

/** Flags a missing or weak password policy; the automatic fix sets the whole field set (UpdateAccountPasswordPolicy resets omitted fields). */
export default defineCheck({
  meta: {
    id: 'password-policy-strength',
    practice: 8,
    title: 'The account password policy is strong',
    severity: 'high',
    rationale:
      'Console passwords are only as strong as the policy that shapes them. AWS recommends a minimum length of 14, all character classes, and preventing reuse.',
    references: [
      'CIS AWS Foundations Benchmark v3.0.0 1.8',
      'CIS AWS Foundations Benchmark v3.0.0 1.9',
      'AWS Security Hub IAM.7',
      'AWS Security Hub IAM.10',
      'AWS Security Hub IAM.11',
      'AWS Security Hub IAM.12',
      'AWS Security Hub IAM.13',
      'AWS Security Hub IAM.14',
      'AWS Security Hub IAM.15',
      'AWS Security Hub IAM.16',
      'AWS Security Hub IAM.17',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    remediation: 'auto',
    messages: {
      absent: 'Account {{account}} has no password policy',
      weak: 'The password policy of account {{account}} is weaker than required: {{weaknesses}}',
    },
    options: {
      type: 'object',
      properties: {
        minLength: { type: 'integer', minimum: 6, maximum: 128 },
        requireSymbols: { type: 'boolean' },
        requireNumbers: { type: 'boolean' },
        requireUppercase: { type: 'boolean' },
        requireLowercase: { type: 'boolean' },
        maxAgeDays: { type: 'integer', minimum: 0, maximum: 1095 },
        reusePrevention: { type: 'integer', minimum: 0, maximum: 24 },
      },
      additionalProperties: false,
    },
    defaults: { minLength: 14, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true, maxAgeDays: 90, reusePrevention: 24 },
    needs: ['password-policy'],
  },
  detect({ account, options }) {
    const p = account.passwordPolicy;
    const fix = [{ op: 'UpdateAccountPasswordPolicy', input: strengthenedPolicy(p, options) }];
    if (p === null) return [{ messageId: 'absent', data: { account: account.id }, resource: passwordPolicyRef(account), fix }];
    const w = policyWeaknesses(p, options);
    if (w.length === 0) return [];
    return [{ messageId: 'weak', data: { account: account.id, weaknesses: w.join('; ') }, resource: passwordPolicyRef(account), fix }];
  },
});
