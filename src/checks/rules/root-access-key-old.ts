/** Practice 2: root access keys older than N days (rotation; better, deletion). */
import { daysBetween } from '../../model/time.js';
import { defineCheck } from '../define-check.js';
import { rootKeyRef } from '../lib/refs.js';

/** Flags each active root key older than `maxKeyAgeDays`; suggests deleting it. */
export default defineCheck({
  meta: {
    id: 'root-access-key-old',
    practice: 2,
    title: 'Root access keys are not left to age',
    severity: 'high',
    rationale: 'A root key that has existed for months has had months to leak. If a root key must exist at all, it must be short-lived.',
    references: ['AWS Security Hub IAM.3', 'CIS AWS Foundations Benchmark v3.0.0 1.4', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
    remediation: 'suggest',
    messages: {
      old: 'Root access key {{key}} is {{days}} days old (limit {{limit}})',
      delete: 'Delete root access key {{key}}; use IAM roles or users for programmatic access',
    },
    options: {
      type: 'object',
      properties: { maxKeyAgeDays: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaults: { maxKeyAgeDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out = [];
    for (const k of account.root.accessKeys) {
      if (k.status !== 'Active') continue;
      const days = daysBetween(k.created, now);
      if (days < options.maxKeyAgeDays) continue;
      out.push({
        messageId: 'old' as const,
        data: { key: k.id, days, limit: options.maxKeyAgeDays },
        resource: rootKeyRef(account, k.id),
        severity: 'high' as const,
        suggestions: [{ messageId: 'delete' as const, fix: [{ op: 'DeleteRootAccessKey', input: { AccessKeyId: k.id } }] }],
      });
    }
    return out;
  },
});
