/** Practice 11: active access keys older than N days (rotation). One finding per key. */
import { daysBetween } from '../../model/time.js';
import { defineCheck } from '../define-check.js';
import { userKeyRef } from '../lib/refs.js';

/** Flags each active user key older than `maxKeyAgeDays`. Rotation needs the new secret delivered, so the fix is a suggestion. */
export default defineCheck({
  meta: {
    id: 'access-key-rotation',
    practice: 11,
    title: 'Access keys are rotated regularly',
    severity: 'medium',
    rationale: 'The longer a key lives, the more places it has been copied to. Rotating limits how long a leaked key stays useful.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.14', 'AWS Security Hub IAM.3', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console'],
    remediation: 'suggest',
    messages: {
      old: 'Access key {{key}} of user {{user}} is {{days}} days old (limit {{limit}})',
      rotate: 'Create a new key for {{user}}, switch its users over, then deactivate {{key}}',
      deactivate: 'Deactivate {{key}} once the other key of {{user}} has taken over',
    },
    options: {
      type: 'object',
      properties: { maxKeyAgeDays: { type: 'integer', minimum: 1, description: 'the oldest an active key may be' } },
      additionalProperties: false,
    },
    defaults: { maxKeyAgeDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out = [];
    for (const u of Object.values(account.users)) {
      for (const k of u.accessKeys) {
        if (k.status !== 'Active') continue;
        const age = daysBetween(k.created, now);
        if (age < options.maxKeyAgeDays) continue;
        const deactivate = { op: 'UpdateAccessKey', input: { UserName: u.name, AccessKeyId: k.id, Status: 'Inactive' } };
        out.push({
          messageId: 'old' as const,
          data: { key: k.id, user: u.name, days: age, limit: options.maxKeyAgeDays },
          resource: userKeyRef(u, k.id),
          suggestions: [
            u.accessKeys.length < 2
              ? { messageId: 'rotate' as const, fix: [{ op: 'CreateAccessKey', input: { UserName: u.name } }, deactivate] }
              : { messageId: 'deactivate' as const, fix: [deactivate] },
          ],
        });
      }
    }
    return out;
  },
});
