/** Practice 9: users with a console password (and optionally users with access keys) and no MFA device. */
import { customerPolicyArn } from '../../model/lookup.js';
import type { Account, User } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { mfaEnforcement, REQUIRE_MFA_POLICY } from '../lib/mfa-policy.js';
import { userDocuments } from '../lib/privilege.js';
import { userRef } from '../lib/refs.js';
import { activeKeys } from '../lib/usage.js';
import type { OperationCall, Report } from '../types.js';

/** How strongly a user's own and group policies already enforce MFA: 'all' (BoolIfExists), 'console' (Bool), or 'none'. */
export function enforcedMfa(a: Account, u: User): 'all' | 'console' | 'none' {
  let level: 'all' | 'console' | 'none' = 'none';
  for (const d of userDocuments(a, u)) {
    const e = mfaEnforcement(d);
    if (e?.ifExists) return 'all';
    if (e !== null) level = 'console';
  }
  return level;
}

type M = 'consoleNoMfa' | 'keysNoMfa';

/**
 * Flags users without an MFA device who have a console password (and, with `includeKeyUsers`, active access keys),
 * unless a policy already denies them everything but MFA self-service without MFA. The automatic fix attaches
 * that policy (creating it once), so until the user registers a device, nothing but MFA setup is allowed.
 */
export default defineCheck({
  meta: {
    id: 'console-user-without-mfa',
    practice: 9,
    title: 'Users with console access have MFA',
    severity: 'high',
    rationale: 'A password alone is one phishing page away from an attacker. MFA makes a stolen password useless by itself.',
    references: [
      'CIS AWS Foundations Benchmark v3.0.0 1.10',
      'AWS Security Hub IAM.5',
      'AWS Security Hub IAM.19',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html',
    ],
    remediation: 'auto',
    messages: {
      consoleNoMfa: 'User {{user}} has a console password and no MFA device',
      keysNoMfa: 'User {{user}} has {{keys}} active access key(s) and no MFA device',
    },
    options: {
      type: 'object',
      properties: {
        includeKeyUsers: { type: 'boolean', description: 'also flag users without MFA who have active access keys' },
        policyName: { type: 'string', pattern: '^[\\w+=,.@-]+$', description: 'name of the customer managed policy the fix creates and attaches' },
      },
      additionalProperties: false,
    },
    defaults: { includeKeyUsers: false, policyName: 'DenyAllWithoutMFA' },
    needs: ['credential-report'],
  },
  detect({ account, options }) {
    const out: Report<M>[] = [];
    const arn = customerPolicyArn(account, options.policyName);
    let needsCreate = !Object.hasOwn(account.policies, arn);
    for (const u of Object.values(account.users) as User[]) {
      if (u.mfa.length > 0) continue;
      const keys = activeKeys(u).length;
      const console = u.loginProfile !== null;
      if (!console && !(options.includeKeyUsers && keys > 0)) continue;
      const enforced = enforcedMfa(account, u);
      if (enforced === 'all' || (enforced === 'console' && !(options.includeKeyUsers && keys > 0))) continue;
      const fix: OperationCall[] = [];
      if (needsCreate) {
        fix.push({
          op: 'CreatePolicy',
          input: { PolicyName: options.policyName, PolicyDocument: REQUIRE_MFA_POLICY, Description: 'Denies everything but MFA self-service unless the caller signed in with MFA' },
        });
        needsCreate = false;
      }
      if (!u.attachedPolicies.includes(arn)) fix.push({ op: 'AttachUserPolicy', input: { UserName: u.name, PolicyArn: arn } });
      out.push({
        messageId: console ? 'consoleNoMfa' : 'keysNoMfa',
        data: console ? { user: u.name } : { user: u.name, keys },
        resource: userRef(u),
        ...(fix.length > 0 ? { fix } : {}),
      });
    }
    return out;
  },
});
