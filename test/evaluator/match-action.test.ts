import { describe, expect, it } from 'vitest';
import { matchAction } from '../../src/evaluator/match/action.js';

// Source: sheet §2.1 [D-2023 reference_policies_elements_action.html], [I-sim edgeCases/whitespaceActions.json].
const cases: ReadonlyArray<readonly [string, string, boolean, string]> = [
  ['iam:ListAccessKeys', 'IAM:listaccesskeys', true, '§2.1 prefix and name case-insensitive'],
  ['IAM:LISTACCESSKEYS', 'iam:ListAccessKeys', true, '§2.1 pattern case-insensitive'],
  ['*', 's3:GetObject', true, '§2.1 bare * is every action'],
  ['s3:*', 's3:GetObject', true, '§2.1 wildcard name'],
  ['s3:*', 'ec2:RunInstances', false, 'other service'],
  ['iam:*AccessKey*', 'iam:CreateAccessKey', true, '§2.1 wildcards inside the name'],
  ['iam:*AccessKey*', 'iam:ListUsers', false, '§2.1 wildcards inside the name'],
  ['s3:Get?bject', 's3:GetObject', true, '§2.1 ? matches one character'],
  ['s3:Get?bject', 's3:GetObbject', false, '§2.1 ? is exactly one'],
  ['s3*', 's3:GetObject', false, '§2.1 wildcards never cross the colon'],
  ['s*:GetObject', 's3:GetObject', true, 'service glob stays in the service'],
  ['*:GetObject', 's3:GetObject', true, 'any service, literal name'],
  ['s3:*', 's3x:GetObject', false, 'service must match whole'],
  ['s3:', 's3:GetObject', false, '§2.1 empty name never matches'],
  ['s3: ', 's3:GetObject', false, '§2.1 whitespace name never matches'],
  ['', 's3:GetObject', false, 'empty action never matches'],
  [' ', 's3:GetObject', false, 'whitespace action never matches'],
  ['s3:Get:Object', 's3:Get:Object', false, '§6.1 a second colon is malformed'],
  ['s3:GetObject', 's3:GetObjectAcl', false, 'literal is whole-string'],
  ['s3:*', 's3:', false, 'request with an empty name matches only *'],
  ['*', 's3:', true, 'bare * matches everything'],
];

describe('matchAction', () => {
  it.each(cases)('%j vs %j → %s (%s)', (p, a, expected) => {
    expect(matchAction(p, a)).toBe(expected);
  });
});
