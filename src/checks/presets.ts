/**
 * Presets: named option sets. `default` is our source document's thresholds (each check's meta.defaults);
 * `cis` selects the CIS AWS Foundations Benchmark v3.0.0 thresholds (1.12: credentials unused for 45 days;
 * 1.8/1.9: password length 14 and reuse prevention 24; 1.6: hardware MFA for root).
 */

/** A preset: options per check id, layered over each check's defaults. */
export interface Preset {
  readonly name: string;
  readonly description: string;
  readonly options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The shipped presets by name. Part 2 checks may add their own entries to `cis`. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  default: {
    name: 'default',
    description: 'Thresholds from the IAM best-practices source document (90 days unused, 90 days key age).',
    options: {},
  },
  cis: {
    name: 'cis',
    description: 'CIS AWS Foundations Benchmark v3.0.0: 45 days unused credentials, password length 14, reuse prevention 24, hardware MFA for root.',
    options: {
      'unused-console-password': { unusedDays: 45 },
      'unused-access-key': { unusedDays: 45 },
      'inactive-user': { inactiveDays: 45 },
      'password-policy-strength': { minLength: 14, reusePrevention: 24 },
      'root-virtual-mfa-only': { requireHardware: true },
    },
  },
};

/** The names of the shipped presets. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);
