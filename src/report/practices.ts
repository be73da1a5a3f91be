/** Short names of the 13 IAM best practices the checks serve (as the shipped scenarios name them), for report headings. */
export const PRACTICE_NAMES: Readonly<Record<number, string>> = {
  1: 'Lock away the root user: no everyday use',
  2: 'Root user: no access keys, MFA on',
  3: 'One identity per person: no shared credentials',
  4: 'Prefer AWS managed policies where they fit',
  5: 'Grant permissions through groups',
  6: 'Least privilege',
  7: 'Review access regularly (access levels)',
  8: 'A strong password policy',
  9: 'MFA for console users',
  10: 'Roles for applications on EC2',
  11: 'Remove unused credentials',
  12: 'Conditions for sensitive access',
  13: 'Monitor activity (CloudTrail)',
};

/** `Practice 7: Review access regularly (access levels)`. */
export const practiceTitle = (n: number): string => `Practice ${n}: ${PRACTICE_NAMES[n] ?? 'other'}`;
