/** Practice 11: console passwords not used for N days, or never used and created more than N days ago. */
import { defineCheck } from '../define-check.js';
import { loginProfileRef } from '../lib/refs.js';
import { passwordLastUsed, useStatus } from '../lib/usage.js';

/** Flags each login profile unused for `unusedDays`; the automatic fix removes it (DeleteLoginProfile). */
export default defineCheck({
  meta: {
    id: 'unused-console-password',
    practice: 11,
    title: 'Console passwords unused for a long time are removed',
    severity: 'medium',
    rationale:
      'A console password nobody uses widens the attack surface for nothing. Removing it breaks nothing the activity shows in use; an administrator can create a new one when needed.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.12', 'AWS Security Hub IAM.8', 'AWS Security Hub IAM.22', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    remediation: 'auto',
    messages: {
      unused: 'User {{user}} last signed in to the console {{days}} days ago (limit {{limit}})',
      neverUsed: 'User {{user}} has a console password created {{days}} days ago that was never used (limit {{limit}})',
    },
    options: {
      type: 'object',
      properties: { unusedDays: { type: 'integer', minimum: 1, description: 'days without a sign-in after which a password counts as unused' } },
      additionalProperties: false,
    },
    defaults: { unusedDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out = [];
    for (const u of Object.values(account.users)) {
      if (u.loginProfile === null) continue;
      // PasswordLastUsed is per user, as in IAM's credential report: a recreated login profile keeps the user's last use.
      const s = useStatus(u.loginProfile.created, passwordLastUsed(account, u.name), now, options.unusedDays);
      if (s.kind === 'recent') continue;
      out.push({
        messageId: s.kind === 'unused' ? ('unused' as const) : ('neverUsed' as const),
        data: { user: u.name, days: s.kind === 'unused' ? s.days : s.ageDays, limit: options.unusedDays },
        resource: loginProfileRef(u),
        fix: [{ op: 'DeleteLoginProfile', input: { UserName: u.name } }],
      });
    }
    return out;
  },
});
