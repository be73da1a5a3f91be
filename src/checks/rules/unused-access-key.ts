/** Practice 11: active access keys not used for N days (or never used and older than N days). One finding per key. */
import { defineCheck } from '../define-check.js';
import { userKeyRef } from '../lib/refs.js';
import { keyLastUsed, useStatus } from '../lib/usage.js';

/** Flags each active user access key unused for `unusedDays`; the automatic fix deactivates it (an inactive key can be reactivated). */
export default defineCheck({
  meta: {
    id: 'unused-access-key',
    practice: 11,
    title: 'Access keys unused for a long time are deactivated',
    severity: 'medium',
    rationale:
      'A long-lived key nobody uses is pure risk: if it leaks, nobody notices its use. Deactivating it breaks nothing that the activity shows in use, and it can be reactivated.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.12', 'AWS Security Hub IAM.8', 'AWS Security Hub IAM.22', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    remediation: 'auto',
    messages: {
      unused: 'Access key {{key}} of user {{user}} was last used {{days}} days ago (limit {{limit}})',
      neverUsed: 'Access key {{key}} of user {{user}} was created {{days}} days ago and never used (limit {{limit}})',
    },
    options: {
      type: 'object',
      properties: { unusedDays: { type: 'integer', minimum: 1, description: 'days without use after which a key counts as unused' } },
      additionalProperties: false,
    },
    defaults: { unusedDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out = [];
    for (const u of Object.values(account.users)) {
      for (const k of u.accessKeys) {
        if (k.status !== 'Active') continue;
        const s = useStatus(k.created, keyLastUsed(account, k.id), now, options.unusedDays);
        if (s.kind === 'recent') continue;
        out.push({
          messageId: s.kind === 'unused' ? ('unused' as const) : ('neverUsed' as const),
          data: { key: k.id, user: u.name, days: s.kind === 'unused' ? s.days : s.ageDays, limit: options.unusedDays },
          resource: userKeyRef(u, k.id),
          fix: [{ op: 'UpdateAccessKey', input: { UserName: u.name, AccessKeyId: k.id, Status: 'Inactive' } }],
        });
      }
    }
    return out;
  },
});
