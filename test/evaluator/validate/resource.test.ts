import { describe, expect, it } from 'vitest';
import { resourceProblems } from '../../../src/evaluator/validate/resource.js';

const codes = (r: string, shortIsError = true, variables = true) => resourceProblems(r, '/R', shortIsError, variables).map((p) => p.code);

// Source: sheet §2.2 (ARN format, short ARNs, variables after the fifth colon), §6.1 (IAM's texts via moto).
describe('resourceProblems', () => {
  it('accepts "*" and full ARNs in every partition', () => {
    for (const r of ['*', 'arn:aws:s3:::b/*', 'arn:aws-cn:s3:::b', 'arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q', 'arn:aws-iso:s3:::b', 'arn:aws-iso-b:s3:::b', 'arn:aws-iso-e:s3:::b', 'arn:aws-iso-f:s3:::b', 'arn:aws-eusc:s3:::b', 'arn:*:s3:::b']) {
      expect(codes(r), r).toEqual([]);
    }
  });

  it('rejects text that is not an ARN', () => {
    expect(resourceProblems('bucket/key', '/S/0/Resource', true, true)).toEqual([
      { code: 'resource-format', severity: 'error', message: 'Resource bucket/key must be in ARN format or "*".', path: '/S/0/Resource', hint: 'Write arn:partition:service:region:account:resource, e.g. arn:aws:s3:::bucket/*.' },
    ]);
    expect(codes('arn')).toEqual(['resource-format']);
    expect(codes('ARN:aws:s3:::b')).toEqual(['resource-format']);
    expect(codes('arnx:aws:s3:::b')).toEqual(['resource-format']);
  });

  it('rejects an unknown partition', () => {
    expect(resourceProblems('arn:aws-moon:s3:::b', '/R', true, true)).toEqual([
      { code: 'resource-partition', severity: 'error', message: 'Partition "aws-moon" is not valid for resource "arn:aws-moon:s3:::b".', path: '/R', hint: 'Use a partition such as aws, aws-cn or aws-us-gov (or *).' },
    ]);
    expect(codes('arn::s3:::b')).toEqual(['resource-partition']);
  });

  it('rejects a missing, empty or wildcard service, except the short "arn:aws:*"', () => {
    const vendor = { code: 'resource-vendor', severity: 'error', message: 'Resource vendor must be fully qualified and cannot contain regexes.', path: '/R', hint: 'Write the service of "arn:aws:s?:::b" in full, without * or ?.' };
    expect(resourceProblems('arn:aws:s?:::b', '/R', true, true)).toEqual([vendor]);
    for (const r of ['arn:aws', 'arn:aws:', 'arn:aws::::b', 'arn:aws:s*:::b', 'arn:aws:*:::b', 'arn:aws:*:x']) expect(codes(r), r).toEqual(['resource-vendor']);
    expect(codes('arn:aws:*')).toEqual([]);
  });

  it('rejects a short ARN that does not end in * in identity-side policies, and warns in resource policies', () => {
    const r = 'arn:aws:sqs:us-east-1';
    expect(resourceProblems(r, '/R', true, true)).toEqual([
      { code: 'resource-short', severity: 'error', message: `The policy failed legacy parsing. Resource ${r} has fewer than six ARN parts and does not end in *.`, path: '/R', hint: 'Write the full ARN, or end the pattern with * to cover the missing parts.' },
    ]);
    expect(resourceProblems(r, '/R', false, true)).toEqual([
      { code: 'resource-short-warning', severity: 'warning', message: `Resource ${r} has fewer than six ARN parts and does not end in *, so it matches nothing.`, path: '/R', hint: 'Write the full ARN, or end the pattern with *.' },
    ]);
    expect(codes('arn:aws:sqs:us-east-1:*')).toEqual([]);
    expect(codes('arn:aws:sqs:us-east-1:1234*')).toEqual([]);
    expect(codes('arn:aws:s3:::')).toEqual([]);
  });

  it('reports a short ARN alone, without checking variable positions', () => {
    expect(codes('arn:aws:sqs:${aws:RequestedRegion}')).toEqual(['resource-short']);
  });

  it('warns about a variable in the first five parts under 2012-10-17 only', () => {
    const r = 'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:q';
    expect(resourceProblems(r, '/R', true, true)).toEqual([
      {
        code: 'variable-position',
        severity: 'warning',
        message: `Policy variable outside the resource part of an ARN (after the fifth colon), where the documentation allows them: ${r}.`,
        path: '/R',
        hint: 'IAM accepts it (AWS managed policies use ${aws:PrincipalAccount} as the account), but consider a Condition on aws:PrincipalAccount or similar.',
      },
    ]);
    expect(codes(r, true, false)).toEqual([]);
    expect(codes('arn:aws:s3:::b/${aws:username}')).toEqual([]);
    expect(codes('arn:aws:s3:::b/$x')).toEqual([]);
  });

  it('reports malformed variables under 2012-10-17 only, and goes on with the other checks', () => {
    expect(resourceProblems('arn:aws:s3:::b/${aws:username', '/R', true, true).map((p) => [p.code, p.severity, p.path])).toEqual([['variable-malformed', 'error', '/R']]);
    expect(resourceProblems('arn:aws:s3:::b/${aws:username', '/R', true, true)[0]?.message).toMatch(/^Syntax errors in policy\. Unterminated/);
    expect(codes('arn:aws:s3:::b/${aws:username', true, false)).toEqual([]);
    expect(codes('b/${x')).toEqual(['variable-malformed', 'resource-format']);
    expect(codes('${aws:username')).toEqual(['variable-malformed', 'resource-format']);
    expect(codes('arn:moon:s3:::${x')).toEqual(['variable-malformed', 'resource-partition']);
    expect(codes('arn:aws:s*:::${x')).toEqual(['variable-malformed', 'resource-vendor']);
  });

  it('rejects a region in an IAM ARN, except "*"', () => {
    expect(resourceProblems('arn:aws:iam:us-east-1:123456789012:user/a', '/R', true, true)).toEqual([
      { code: 'resource-iam-region', severity: 'error', message: 'IAM resource arn:aws:iam:us-east-1:123456789012:user/a cannot contain region information.', path: '/R', hint: 'IAM is global: leave the region empty, e.g. arn:aws:iam::123456789012:role/name.' },
    ]);
    expect(codes('arn:aws:iam:*:123456789012:user/a')).toEqual([]);
  });

  it('warns about an IAM resource path that is not a known resource type, unless a wildcard or variable comes before the first /', () => {
    const message =
      'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.';
    expect(resourceProblems('arn:aws:iam::123456789012:users/a', '/R', true, true)).toEqual([
      { code: 'resource-iam-path', severity: 'warning', message, path: '/R', hint: 'Check the resource part of arn:aws:iam::123456789012:users/a.' },
    ]);
    for (const rest of ['user/a', 'federated-user/a', 'role/a', 'group/a', 'instance-profile/a', 'mfa/a', 'server-certificate/a', 'policy/a', 'sms-mfa/a', 'saml-provider/a', 'oidc-provider/a', 'report/a', 'access-report/a', 'root', 'u2f/a', 'assumed-role/a/b', '*', 'us*', 'rol?/a', '${aws:username}']) {
      expect(codes(`arn:aws:iam::123456789012:${rest}`), rest).toEqual([]);
    }
    for (const rest of ['', 'users/a', 'x/user/a', 'foo/*', 'User/a']) expect(codes(`arn:aws:iam::123456789012:${rest}`), rest).toEqual(['resource-iam-path']);
  });

  it('checks IAM paths and regions only for full IAM ARNs', () => {
    expect(codes('arn:aws:iam:us-east-1:*')).toEqual([]);
    expect(codes('arn:aws:sts:us-east-1:123456789012:foo/a')).toEqual([]);
  });
});
