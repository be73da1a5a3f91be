import { describe, expect, it } from 'vitest';
import { principalProblems } from '../../../src/evaluator/validate/principal.js';

const AWS_FORMS = 'An AWS principal is "*", a 12-digit account id, or an arn:aws:iam::ACCOUNT:root, user/…, role/…, or arn:aws:sts::ACCOUNT:assumed-role/…/… or federated-user/… ARN.';
const PARTIAL = 'You cannot use a wildcard to match part of a principal name or ARN; use a Condition with aws:PrincipalArn and ArnLike.';
const invalid = (path: string, type: string, value: string, detail: string) => ({ code: 'principal-invalid', severity: 'error', message: `Invalid principal in policy: "${type}":"${value}"`, path, hint: detail });

// Source: sheet §2.3; [D-2023 reference_policies_elements_principal.html].
describe('principalProblems', () => {
  it('accepts "*" and every AWS principal form', () => {
    expect(principalProblems('*', '/P', 'Principal')).toEqual([]);
    const aws = ['*', '123456789012', 'arn:aws:iam::123456789012:root', 'arn:aws-cn:iam::123456789012:user/a/b', 'arn:aws:iam::123456789012:role/R', 'arn:aws:sts::123456789012:assumed-role/R/s', 'arn:aws:sts::123456789012:federated-user/f'];
    expect(principalProblems({ AWS: aws, Service: 's3.amazonaws.com', Federated: ['cognito-identity.amazonaws.com'], CanonicalUser: 'abc' }, '/P', 'Principal')).toEqual([]);
  });

  it('rejects a string other than "*", naming the element', () => {
    expect(principalProblems('123456789012', '/S/0/NotPrincipal', 'NotPrincipal')).toEqual([
      invalid('/S/0/NotPrincipal', 'NotPrincipal', '123456789012', 'A string principal must be "*"; write {"AWS": "…"} for an ARN or account.'),
    ]);
  });

  it('rejects a value that is neither a string nor an object', () => {
    expect(principalProblems(['*'], '/P', 'Principal')).toEqual([{ code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. Principal must be a string, not an array.', path: '/P', hint: 'Quote the value.' }]);
    expect(principalProblems(null, '/P', 'Principal')[0]?.message).toBe('Syntax errors in policy. Principal must be a string, not null.');
    expect(principalProblems(7, '/P', 'Principal')[0]?.message).toBe('Syntax errors in policy. Principal must be a string, not a number.');
  });

  it('rejects an empty object', () => {
    expect(principalProblems({}, '/P', 'Principal')).toEqual([invalid('/P', 'Principal', '{}', 'Name at least one principal.')]);
  });

  it('rejects an unknown principal type (case-sensitive) and goes on with the others', () => {
    expect(principalProblems({ aws: '*', AWS: 'x' }, '/P', 'Principal')).toEqual([
      { code: 'principal-type-unknown', severity: 'error', message: 'Syntax errors in policy. Unknown principal type "aws".', path: '/P/aws', hint: 'Principal types are AWS, Service, Federated and CanonicalUser (case-sensitive).' },
      invalid('/P/AWS', 'AWS', 'x', AWS_FORMS),
    ]);
  });

  it('rejects an entry that is not a string or a non-empty list', () => {
    const hint = 'Write "Principal.Service": "…" or "Principal.Service": ["…", "…"].';
    const list = { code: 'not-a-string-list', severity: 'error', message: 'Syntax errors in policy. Principal.Service must be a string or an array of strings.', path: '/P/Service', hint };
    expect(principalProblems({ Service: [] }, '/P', 'Principal')).toEqual([list]);
    expect(principalProblems({ Service: 3 }, '/P', 'Principal')).toEqual([list]);
    expect(principalProblems({ Service: { a: 'b' } }, '/P', 'Principal')).toEqual([list]);
  });

  it('rejects a non-string list item at its index', () => {
    expect(principalProblems({ AWS: ['123456789012', 5] }, '/P', 'NotPrincipal')).toEqual([
      { code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. NotPrincipal.AWS must be a string, not a number.', path: '/P/AWS/1', hint: 'Quote the value.' },
    ]);
  });

  it('rejects partial wildcards in AWS principals, pointing at the item', () => {
    expect(principalProblems({ AWS: ['arn:aws:iam::123456789012:user/*', 'arn:aws:iam::123456789012:role/R?'] }, '/P', 'Principal')).toEqual([
      invalid('/P/AWS/0', 'AWS', 'arn:aws:iam::123456789012:user/*', PARTIAL),
      invalid('/P/AWS/1', 'AWS', 'arn:aws:iam::123456789012:role/R?', PARTIAL),
    ]);
    expect(principalProblems({ AWS: 'arn:aws:sts::123456789012:assumed-role/R/*' }, '/P', 'Principal')).toEqual([invalid('/P/AWS', 'AWS', 'arn:aws:sts::123456789012:assumed-role/R/*', PARTIAL)]);
  });

  it('rejects AWS values that are not one of the forms, anchored at both ends', () => {
    const bad = [
      '12345678901',
      '1234567890123',
      'x123456789012',
      'arn:aws:iam::12345678901:root',
      'arn:aws:iam::123456789012:rootx',
      'xarn:aws:iam::123456789012:root',
      'arn:AWS:iam::123456789012:root',
      'arn:aws:iam::123456789012:group/G',
      'arn:aws:iam::123456789012:user/',
      'arn:aws:iam:us-east-1:123456789012:role/R',
      'arn:aws:sts::123456789012:assumed-role/R',
      'arn:aws:sts::123456789012:assumed-role//s',
      'arn:aws:iam::123456789012:assumed-role/R/s',
      'arn:aws:sts::123456789012:federated-user/',
      'arn:aws:iam::123456789012:federated-user/f',
      'arn:aws:sts::123456789012:role/R',
    ];
    for (const v of bad) expect(principalProblems({ AWS: v }, '/P', 'Principal'), v).toEqual([invalid('/P/AWS', 'AWS', v, AWS_FORMS)]);
  });

  it('rejects empty and wildcard Service, Federated and CanonicalUser values', () => {
    expect(principalProblems({ Service: ['', ' '], Federated: 'accounts.*.com', CanonicalUser: 'ab?' }, '/P', 'Principal')).toEqual([
      invalid('/P/Service/0', 'Service', '', 'An empty Service principal names nobody.'),
      invalid('/P/Service/1', 'Service', ' ', 'An empty Service principal names nobody.'),
      invalid('/P/Federated', 'Federated', 'accounts.*.com', 'A Federated principal cannot contain wildcards.'),
      invalid('/P/CanonicalUser', 'CanonicalUser', 'ab?', 'A CanonicalUser principal cannot contain wildcards.'),
    ]);
  });

  it('accepts "*" as a Service principal only literally, not as a pattern', () => {
    expect(principalProblems({ Service: '*' }, '/P', 'Principal')).toEqual([invalid('/P/Service', 'Service', '*', 'A Service principal cannot contain wildcards.')]);
  });
});
