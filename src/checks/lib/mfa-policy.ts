/**
 * The "deny everything but MFA self-management unless signed in with MFA" policy, after the AWS documented example
 * (IAM User Guide, "AWS: Allows MFA-authenticated IAM users to manage their own MFA device"), reduced to its Deny
 * statement so that attaching it never grants anything. BoolIfExists makes it deny long-term access keys too:
 * their requests carry no aws:MultiFactorAuthPresent key at all.
 */
import type { PolicyDocument } from '../../evaluator/types.js';

/** Actions a user without MFA may still call: enough to register an MFA device and change a password. */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:GetMFADevice',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'iam:ChangePassword',
  'iam:GetAccountPasswordPolicy',
  'sts:GetSessionToken',
];

/** The policy document. */
export const REQUIRE_MFA_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyAllExceptMfaSelfServiceUnlessSignedInWithMFA',
      Effect: 'Deny',
      NotAction: [...MFA_SELF_SERVICE_ACTIONS],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};

/** A JSON value as a list (a missing value is a list of one `undefined`, which every caller skips). */
const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * Whether a document denies (nearly) everything when MFA is absent: a Deny on `*` with NotAction or Action `*`,
 * conditioned on aws:MultiFactorAuthPresent false. `ifExists` is true when the condition uses BoolIfExists (which also
 * covers access keys); a plain Bool only covers console sessions.
 */
export function mfaEnforcement(doc: PolicyDocument): { readonly ifExists: boolean } | null {
  let found: { ifExists: boolean } | null = null;
  for (const s of asArray(doc['Statement'])) {
    if (s === null || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    if (st['Effect'] !== 'Deny' || !asArray(st['Resource']).includes('*')) continue;
    const broad = st['NotAction'] !== undefined || asArray(st['Action']).includes('*');
    if (!broad) continue;
    const cond = st['Condition'];
    if (cond === null || typeof cond !== 'object') continue;
    for (const [op, block] of Object.entries(cond as Record<string, unknown>)) {
      const lop = op.toLowerCase();
      if (lop !== 'bool' && lop !== 'boolifexists') continue;
      if (block === null || typeof block !== 'object') continue;
      for (const [k, v] of Object.entries(block as Record<string, unknown>)) {
        if (k.toLowerCase() !== 'aws:multifactorauthpresent') continue;
        if (!asArray(v).map((x) => String(x).toLowerCase()).includes('false')) continue;
        const ifExists = lop === 'boolifexists';
        if (found === null || ifExists) found = { ifExists };
      }
    }
  }
  return found;
}
