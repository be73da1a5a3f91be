/** Practice 2: the root user has no MFA device. */
import { defineCheck } from '../define-check.js';
import { rootRef } from '../lib/refs.js';

/** Flags a root user that has credentials (a password or keys) and no MFA device (critical). Registering a device needs the device: manual. */
export default defineCheck({
  meta: {
    id: 'root-mfa-missing',
    practice: 2,
    title: 'The root user has MFA',
    severity: 'critical',
    rationale: 'Without MFA, the root password alone opens the whole account, and a password can be phished or reused.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.5', 'AWS Security Hub IAM.9', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html'],
    remediation: 'manual',
    messages: { noMfa: 'The root user of account {{account}} has no MFA device' },
    options: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    needs: ['credential-report'],
  },
  detect({ account }) {
    const r = account.root;
    // Without a password or keys (AWS Organizations' centralized root access), there is nothing to sign in with.
    if (r.mfa.length > 0 || (!r.hasPassword && r.accessKeys.length === 0)) return [];
    return [{ messageId: 'noMfa', data: { account: account.id }, resource: rootRef(account) }];
  },
});
