/** Practice 8: users whose current password breaks the policy or is common or a dictionary word; stricter for privileged users. */
import type { PasswordPolicy, PasswordProperties, User } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { isPrivilegedUser } from '../lib/privilege.js';
import { loginProfileRef } from '../lib/refs.js';
import type { Report } from '../types.js';

/** The rules a password must meet: the account policy, raised to the privileged baseline for privileged users. */
interface Rules {
  readonly minLength: number;
  readonly symbols: boolean;
  readonly numbers: boolean;
  readonly upper: boolean;
  readonly lower: boolean;
}

const fromPolicy = (p: PasswordPolicy | null): Rules => ({
  minLength: p?.MinimumPasswordLength ?? 6,
  symbols: p?.RequireSymbols ?? false,
  numbers: p?.RequireNumbers ?? false,
  upper: p?.RequireUppercaseCharacters ?? false,
  lower: p?.RequireLowercaseCharacters ?? false,
});

/** What is wrong with a password under the rules, as short phrases. */
export function passwordProblems(pw: PasswordProperties, r: Rules): string[] {
  const out: string[] = [];
  if (pw.common) out.push('a common password');
  else if (pw.dictionary) out.push('a dictionary word');
  if (pw.length < r.minLength) out.push(`${pw.length} characters < ${r.minLength}`);
  if (r.symbols && !pw.symbols) out.push('no symbol');
  if (r.numbers && !pw.numbers) out.push('no number');
  if (r.upper && !pw.upper) out.push('no uppercase letter');
  if (r.lower && !pw.lower) out.push('no lowercase letter');
  return out;
}

type M = 'weak' | 'weakPrivileged';

/**
 * Flags console passwords that violate the password policy (they predate it) or are common or dictionary words.
 * Privileged users (administrator or full IAM) must also meet the privileged baseline, and their findings are critical.
 * The automatic fix forces a reset at next sign-in (UpdateLoginProfile PasswordResetRequired), which revokes nothing.
 */
export default defineCheck({
  meta: {
    id: 'weak-user-password',
    practice: 8,
    title: 'User passwords meet the policy and are not common',
    severity: 'high',
    rationale:
      'A password policy only applies when a password is set, so passwords chosen earlier may still be weak; common and dictionary passwords fall to the first guessing attack.',
    references: ['AWS Security Hub IAM.7', 'CIS AWS Foundations Benchmark v3.0.0 1.8', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html'],
    remediation: 'auto',
    messages: {
      weak: 'User {{user}} has a weak password: {{problems}}',
      weakPrivileged: 'Privileged user {{user}} has a weak password: {{problems}}',
    },
    options: {
      type: 'object',
      properties: {
        privilegedMinLength: { type: 'integer', minimum: 6, maximum: 128, description: 'minimum length for privileged users whatever the policy says' },
        privilegedAllClasses: { type: 'boolean', description: 'privileged users need all four character classes' },
      },
      additionalProperties: false,
    },
    defaults: { privilegedMinLength: 14, privilegedAllClasses: true },
    needs: ['credential-report', 'password-policy'],
  },
  detect({ account, options }) {
    const out: Report<M>[] = [];
    const base = fromPolicy(account.passwordPolicy);
    for (const u of Object.values(account.users) as User[]) {
      const lp = u.loginProfile;
      if (lp === null || lp.passwordResetRequired) continue;
      const privileged = isPrivilegedUser(account, u);
      const rules: Rules = privileged
        ? {
            minLength: Math.max(base.minLength, options.privilegedMinLength),
            symbols: base.symbols || options.privilegedAllClasses,
            numbers: base.numbers || options.privilegedAllClasses,
            upper: base.upper || options.privilegedAllClasses,
            lower: base.lower || options.privilegedAllClasses,
          }
        : base;
      const problems = passwordProblems(lp.password, rules);
      if (problems.length === 0) continue;
      out.push({
        messageId: privileged ? 'weakPrivileged' : 'weak',
        data: { user: u.name, problems: problems.join(', ') },
        resource: loginProfileRef(u),
        severity: privileged ? 'critical' : 'high',
        fix: [{ op: 'UpdateLoginProfile', input: { UserName: u.name, PasswordResetRequired: true } }],
      });
    }
    return out;
  },
});
