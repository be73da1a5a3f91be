/** Password properties from a password (the password itself is never stored) and the account password policy test. */
import type { PasswordPolicy, PasswordProperties } from '../../types.js';
import { bool, int, obj } from './schema.js';

/** A few of the most common passwords (lowercased), enough for the simulation's "common password" flag. */
const COMMON = new Set([
  'password', 'password1', 'password123', 'password123!', 'passw0rd', '123456', '12345678', '123456789', 'qwerty', 'qwerty123',
  'letmein', 'welcome', 'welcome1', 'welcome123', 'admin', 'admin123', 'iloveyou', 'monkey', 'dragon', 'sunshine',
  'abc123', 'football', 'baseball', 'trustno1', 'changeme', 'summer2024!', 'winter2024!', 'p@ssw0rd', 'p@ssword1',
]);

/** Common English words that decorated passwords are built on. */
const WORDS = ['password', 'welcome', 'summer', 'winter', 'spring', 'autumn', 'dragon', 'monkey', 'sunshine', 'football', 'secret', 'company', 'master', 'hello', 'princess', 'flower', 'shadow'];

/** The properties iamsim records for a password. */
export function passwordProperties(password: string): PasswordProperties {
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '').replace(/0/g, 'o');
  return {
    length: [...password].length,
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    numbers: /[0-9]/.test(password),
    symbols: /[^A-Za-z0-9]/.test(password),
    common: COMMON.has(lower),
    dictionary: WORDS.some((w) => letters.startsWith(w) || letters.endsWith(w)),
  };
}

/** Password properties as an operation input: any field omitted takes a strong default. */
export const passwordPropertiesField = obj(
  {},
  { length: int({ minimum: 1, maximum: 128 }), upper: bool(), lower: bool(), numbers: bool(), symbols: bool(), common: bool(), dictionary: bool() },
  'password properties, when the scenario does not want to write a password',
);

/** Fills omitted properties with those of a strong 20-character password. */
export function completeProperties(p: Partial<PasswordProperties>): PasswordProperties {
  return { length: 20, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false, ...p };
}

/** The first rule of the password policy a password breaks, or null. */
export function passwordViolation(policy: PasswordPolicy | null, p: PasswordProperties): string | null {
  if (policy === null) return p.length < 6 ? 'Password should have at least 6 characters' : null;
  if (p.length < policy.MinimumPasswordLength) return `Password should have at least ${policy.MinimumPasswordLength} characters`;
  if (policy.RequireSymbols && !p.symbols) return 'Password should have at least one symbol';
  if (policy.RequireNumbers && !p.numbers) return 'Password should have at least one number';
  if (policy.RequireUppercaseCharacters && !p.upper) return 'Password should have at least one uppercase letter';
  if (policy.RequireLowercaseCharacters && !p.lower) return 'Password should have at least one lowercase letter';
  return null;
}

/** The properties of the password in a Create/UpdateLoginProfile input: from `Password`, else from `PasswordProperties`. */
export const propertiesOf = (input: { readonly Password?: string; readonly PasswordProperties?: Partial<PasswordProperties> }): PasswordProperties =>
  input.Password !== undefined ? passwordProperties(input.Password) : completeProperties(input.PasswordProperties ?? {});
