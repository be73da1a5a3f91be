import { describe, expect, it } from 'vitest';
import { actionProblems } from '../../../src/evaluator/validate/action.js';

// Source: sheet §6.1 (IAM's texts as moto copies them); §2.1 action names are `service:name`.
describe('actionProblems', () => {
  it('accepts "*", a service wildcard, and a vendor of letters, digits, dots and dashes', () => {
    for (const a of ['*', '*:*', '*:GetObject', 's3:*', 's3:GetObject', 'a.b-C9:Get*']) expect(actionProblems(a, '/A')).toEqual([]);
  });

  it('reports an action without a vendor, with the action in the hint', () => {
    expect(actionProblems('GetObject', '/Statement/0/Action')).toEqual([
      {
        code: 'action-no-vendor',
        severity: 'error',
        message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
        path: '/Statement/0/Action',
        hint: 'Write "GetObject" as "service:GetObject", e.g. "s3:GetObject".',
      },
    ]);
  });

  it('reports a second colon', () => {
    expect(actionProblems('s3:Get:Object', '/x')).toEqual([
      { code: 'action-colons', severity: 'error', message: 'Actions/Condition can contain only one colon.', path: '/x', hint: 'Action "s3:Get:Object" has more than one ":".' },
    ]);
  });

  it('reports a vendor with a character outside [A-Za-z0-9.-], wherever it is', () => {
    for (const vendor of ['s 3', '3 s', 's3*', 's_3', '']) {
      expect(actionProblems(`${vendor}:GetObject`, '/x'), vendor).toEqual([
        { code: 'action-vendor-invalid', severity: 'error', message: `Vendor ${vendor} is not valid`, path: '/x', hint: 'The service prefix may contain only letters, digits, "-" and ".", or be "*".' },
      ]);
    }
  });

  it('warns about an empty or blank action name, which matches nothing', () => {
    for (const a of ['s3:', 's3:  ', '*:']) {
      expect(actionProblems(a, '/x'), a).toEqual([
        { code: 'action-empty-name', severity: 'warning', message: `Action "${a}" has an empty name and matches no action.`, path: '/x', hint: 'Write the action name after the colon, e.g. "s3:GetObject" or "s3:*".' },
      ]);
    }
  });
});
