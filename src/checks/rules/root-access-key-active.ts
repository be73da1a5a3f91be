/** Practice 2: the root user has active access keys. */
import { defineCheck } from '../define-check.js';
import { rootKeyRef } from '../lib/refs.js';
import { keyLastUsed, useStatus } from '../lib/usage.js';
import type { OperationCall, Report } from '../types.js';

/** The call that deactivates a root access key (iamsim's UpdateRootAccessKey: IAM's UpdateAccessKey called as root). */
export const deactivateRootKey = (keyId: string): OperationCall => ({ op: 'UpdateRootAccessKey', input: { AccessKeyId: keyId, Status: 'Inactive' } });

/**
 * Flags each active root access key (critical). A key not used within the window (or never used) is deactivated automatically;
 * a key in use only gets a suggestion, since deactivating it would break whatever uses it.
 */
export default defineCheck({
  meta: {
    id: 'root-access-key-active',
    practice: 2,
    title: 'The root user has no active access keys',
    severity: 'critical',
    rationale:
      'A root access key gives unrestricted, unconditioned access to the whole account and cannot be limited by any policy except SCPs. It should not exist.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.4', 'AWS Security Hub IAM.4', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
    remediation: 'auto',
    messages: {
      activeUnused: 'Root access key {{key}} is active and not in use (last used: {{lastUsed}}; nothing used it in the last {{window}} days)',
      activeInUse: 'Root access key {{key}} is active and was last used {{lastUsed}}',
      deactivate: 'Deactivate root access key {{key}} after moving whatever uses it to an IAM role or user',
    },
    options: {
      type: 'object',
      properties: { unusedDays: { type: 'integer', minimum: 1, description: 'a root key unused this long is deactivated automatically' } },
      additionalProperties: false,
    },
    defaults: { unusedDays: 90 },
    needs: ['credential-report'],
  },
  detect({ account, now, options }) {
    const out: Report<'activeUnused' | 'activeInUse' | 'deactivate'>[] = [];
    for (const k of account.root.accessKeys) {
      if (k.status !== 'Active') continue;
      const last = keyLastUsed(account, k.id);
      const s = useStatus(k.created, last, now, options.unusedDays);
      const inUse = last !== null && s.kind === 'recent';
      out.push(
        inUse
          ? {
              messageId: 'activeInUse',
              data: { key: k.id, lastUsed: last },
              resource: rootKeyRef(account, k.id),
              suggestions: [{ messageId: 'deactivate', fix: [deactivateRootKey(k.id)] }],
            }
          : {
              messageId: 'activeUnused',
              data: { key: k.id, lastUsed: last ?? 'never', window: options.unusedDays },
              resource: rootKeyRef(account, k.id),
              fix: [deactivateRootKey(k.id)],
            },
      );
    }
    return out;
  },
});
