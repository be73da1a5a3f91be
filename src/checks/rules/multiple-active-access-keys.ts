/** Practice 11: users with two active access keys. */
import { defineCheck } from '../define-check.js';
import { userRef } from '../lib/refs.js';
import { activeKeys, keyLastUsed } from '../lib/usage.js';

/** Flags users with more than one active key; suggests deactivating the one used least recently (the older one on a tie). */
export default defineCheck({
  meta: {
    id: 'multiple-active-access-keys',
    practice: 11,
    title: 'Each user has at most one active access key',
    severity: 'low',
    rationale: 'Two active keys are normal only during a rotation. Left in place, the second key doubles the credentials that can leak.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.13', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    remediation: 'suggest',
    messages: {
      twoActive: 'User {{user}} has {{count}} active access keys: {{keys}}',
      deactivate: 'Deactivate {{key}}, the key of {{user}} used least recently',
    },
    options: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    needs: ['credential-report'],
  },
  detect({ account }) {
    const out = [];
    for (const u of Object.values(account.users)) {
      const keys = activeKeys(u);
      if (keys.length < 2) continue;
      // The stalest key: last used earliest (never used first), then created earliest, then first listed.
      let stale = keys[0]!;
      for (const k of keys.slice(1)) {
        const uk = keyLastUsed(account, k.id) ?? '';
        const us = keyLastUsed(account, stale.id) ?? '';
        if (uk < us || (uk === us && k.created < stale.created)) stale = k;
      }
      out.push({
        messageId: 'twoActive' as const,
        data: { user: u.name, count: keys.length, keys: keys.map((k) => k.id).join(', ') },
        resource: userRef(u),
        suggestions: [
          { messageId: 'deactivate' as const, data: { user: u.name, key: stale.id }, fix: [{ op: 'UpdateAccessKey', input: { UserName: u.name, AccessKeyId: stale.id, Status: 'Inactive' } }] },
        ],
      });
    }
    return out;
  },
});
