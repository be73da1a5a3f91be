/**
 * UpdateAccountPasswordPolicy: replaces the whole password policy. As in AWS, every field left out reverts to its
 * default (IAM API reference: MinimumPasswordLength 6, the Require* flags false, AllowUsersToChangePassword false,
 * no expiry, no reuse prevention, HardExpiry false).
 */
import type { PasswordPolicy } from '../types.js';
import { defineOperation } from './common/define-operation.js';
import { bool, int, obj } from './common/schema.js';

/** The policy a call sets, defaults filled in. */
export function passwordPolicyFrom(input: {
  readonly MinimumPasswordLength?: number;
  readonly RequireSymbols?: boolean;
  readonly RequireNumbers?: boolean;
  readonly RequireUppercaseCharacters?: boolean;
  readonly RequireLowercaseCharacters?: boolean;
  readonly AllowUsersToChangePassword?: boolean;
  readonly MaxPasswordAge?: number;
  readonly PasswordReusePrevention?: number;
  readonly HardExpiry?: boolean;
}): PasswordPolicy {
  return {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: input.MaxPasswordAge !== undefined && input.MaxPasswordAge > 0,
    ...(input.MaxPasswordAge !== undefined && input.MaxPasswordAge > 0 ? { MaxPasswordAge: input.MaxPasswordAge } : {}),
    ...(input.PasswordReusePrevention !== undefined ? { PasswordReusePrevention: input.PasswordReusePrevention } : {}),
    HardExpiry: input.HardExpiry ?? false,
  };
}

/** UpdateAccountPasswordPolicy. Existing passwords are not re-checked, as in AWS. */
export const updateAccountPasswordPolicy = defineOperation({
  name: 'UpdateAccountPasswordPolicy',
  description: 'Sets the account password policy; omitted fields revert to their AWS defaults.',
  api: 'iam',
  input: obj(
    {},
    {
      MinimumPasswordLength: int({ minimum: 6, maximum: 128 }),
      RequireSymbols: bool(),
      RequireNumbers: bool(),
      RequireUppercaseCharacters: bool(),
      RequireLowercaseCharacters: bool(),
      AllowUsersToChangePassword: bool(),
      MaxPasswordAge: int({ minimum: 1, maximum: 1095, description: 'days; omit for passwords that never expire' }),
      PasswordReusePrevention: int({ minimum: 1, maximum: 24 }),
      HardExpiry: bool(),
    },
  ),
  validate: () => null,
  recipe: (input) => (draft) => {
    draft.passwordPolicy = passwordPolicyFrom(input);
  },
});
