/** UpdateLoginProfile: changes a user's password and/or the reset-required flag. */
import { iamError, invalidInput, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { userName } from './common/fields.js';
import { passwordPropertiesField, passwordViolation, propertiesOf } from './common/password.js';
import { bool, obj, str } from './common/schema.js';

/** UpdateLoginProfile. A new password resets `passwordLastChanged`. */
export const updateLoginProfile = defineOperation({
  name: 'UpdateLoginProfile',
  description: "Changes a user's console password or its reset-required flag.",
  api: 'iam',
  input: obj(
    { UserName: userName },
    { Password: str({ minLength: 1, maxLength: 128 }), PasswordProperties: passwordPropertiesField, PasswordResetRequired: bool() },
  ),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.loginProfile === null) return noSuchEntity('login profile for user', input.UserName, '/UserName');
    if (input.Password !== undefined && input.PasswordProperties !== undefined) {
      return invalidInput('Give either Password or PasswordProperties, not both.', '/PasswordProperties');
    }
    if (input.Password !== undefined || input.PasswordProperties !== undefined) {
      const violation = passwordViolation(account.passwordPolicy, propertiesOf(input));
      if (violation !== null) return iamError('PasswordPolicyViolation', `Password does not conform to the account password policy: ${violation}.`, { path: '/Password' });
    }
    return null;
  },
  recipe: (input, now) => (draft) => {
    const lp = draft.users[input.UserName]!.loginProfile!;
    if (input.Password !== undefined || input.PasswordProperties !== undefined) {
      lp.password = propertiesOf(input);
      lp.passwordLastChanged = now;
    }
    if (input.PasswordResetRequired !== undefined) lp.passwordResetRequired = input.PasswordResetRequired;
  },
});
