/** Practice 2: the root user has only virtual MFA devices where a hardware device is required. */
import { defineCheck } from '../define-check.js';
import { rootRef } from '../lib/refs.js';

/** Flags root MFA that is only virtual when `requireHardware` (CIS 1.6, Security Hub IAM.6). Replacing a device is manual. */
export default defineCheck({
  meta: {
    id: 'root-virtual-mfa-only',
    practice: 2,
    title: 'The root user has a hardware MFA device',
    severity: 'medium',
    rationale: 'A virtual MFA lives on a phone that may be lost, backed up to the cloud, or shared. A hardware device kept in a safe protects root better.',
    references: ['CIS AWS Foundations Benchmark v3.0.0 1.6', 'AWS Security Hub IAM.6', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html'],
    remediation: 'manual',
    messages: { virtualOnly: 'The root user of account {{account}} has only virtual MFA ({{devices}}); a hardware device is required' },
    options: {
      type: 'object',
      properties: { requireHardware: { type: 'boolean', description: 'require a hardware MFA device for root' } },
      additionalProperties: false,
    },
    defaults: { requireHardware: true },
    needs: ['credential-report'],
  },
  detect({ account, options }) {
    const mfa = account.root.mfa;
    if (!options.requireHardware || mfa.length === 0 || mfa.some((m) => m.kind === 'hardware')) return [];
    return [{ messageId: 'virtualOnly', data: { account: account.id, devices: mfa.map((m) => m.serial).join(', ') }, resource: rootRef(account) }];
  },
});
