/** CreateLoginProfile: gives a user a console password (its properties are recorded, never the password). */
import { alreadyExists, iamError, invalidInput, noSuchEntity } from '../errors.js';
import { userByName } from '../lookup.js';
import { defineOperation } from './common/define-operation.js';
import { userName } from './common/fields.js';
import { passwordPropertiesField, passwordViolation, propertiesOf } from './common/password.js';
import { bool, obj, str } from './common/schema.js';

/** CreateLoginProfile. The password must satisfy the account password policy (PasswordPolicyViolation otherwise). */
export const createLoginProfile = defineOperation({
  name: 'CreateLoginProfile',
  description: 'Creates a console password for a user.',
  api: 'iam',
  input: obj(
    { UserName: userName },
    { Password: str({ minLength: 1, maxLength: 128 }), PasswordProperties: passwordPropertiesField, PasswordResetRequired: bool() },
  ),
  validate(account, input) {
    const u = userByName(account, input.UserName);
    if (u === undefined) return noSuchEntity('user', input.UserName, '/UserName');
    if (u.loginProfile !== null) return alreadyExists('Login Profile for user', input.UserName, '/UserName');
    if (input.Password !== undefined && input.PasswordProperties !== undefined) {
      return invalidInput('Give either Password or PasswordProperties, not both.', '/PasswordProperties');
    }
    const violation = passwordViolation(account.passwordPolicy, propertiesOf(input));
    if (violation !== null) return iamError('PasswordPolicyViolation', `Password does not conform to the account password policy: ${violation}.`, { path: '/Password' });
    return null;
  },
  recipe: (input, now) => (draft) => {
    draft.users[input.UserName]!.loginProfile = {
      created: now,
      passwordLastChanged: now,
      passwordResetRequired: input.PasswordResetRequired ?? false,
      password: propertiesOf(input),
    };
  },
});
