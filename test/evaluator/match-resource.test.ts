import { describe, expect, it } from 'vitest';
import { matchResource } from '../../src/evaluator/match/resource.js';
import { buildRequestContext } from '../../src/evaluator/context.js';

// Source: sheet §2.2 [D Resource element page], [D-2023 reference_policies_variables.html].
const cases: ReadonlyArray<readonly [string, string, boolean, string]> = [
  ['*', 'arn:aws:s3:::bucket/key', true, '§2.2 * matches every resource'],
  ['*', '*', true, '§2.2 * covers actions without resource-level permissions'],
  ['arn:aws:s3:::*', '*', false, '§2.2 only * covers a * request'],
  ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true, '§2.2 * spans /'],
  ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::other/a', false, 'different bucket'],
  ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET//test/object.jpg', true, '§2.2 documented example'],
  ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/test/object.jpg', false, '§2.2 documented example: two / needed'],
  ['arn:aws:iam::123456789012:user/Bob', 'arn:aws:iam::123456789012:user/bob', false, '§2.2 resource part is case-sensitive'],
  ['arn:aws:logs:us-east-1:123456789012:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:x:log-stream:y', true, '§2.2 * in the resource part crosses :'],
  ['arn:aws:ec2:*:123456789012:instance/*', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', true, '§2.2 * in region segment'],
  ['arn:aws:ec2:*:123456789012:instance/*', 'arn:aws:ec2:us-east-1:999999999999:instance/i-1', false, '§2.2 account compared separately'],
  ['arn:aws:someservice:*:111122223333:finance/*', 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt', false, '§3.3 ARN segments: * in region does not eat colons'],
  ['arn:aws:ec2:us-*-1:*:*', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', true, 'wildcard inside a segment'],
  ['arn:aws:ec2:us-?ast-1:*:*', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', true, '? inside a segment'],
  ['arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:123456789012:queue1', true, '§2.2 short ARN with trailing * (step 4)'],
  ['arn:aws:sqs:*', 'arn:aws:sns:us-east-1:123456789012:topic', false, '§2.2 short ARN keeps its service'],
  ['arn:aws:iam::123456789012:*', 'arn:aws:iam::123456789012:role/x', true, '§2.2 short ARN: missing resource part is *'],
  ['arn:aws:iam::123456789012:*', 'arn:aws:iam::999999999999:role/x', false, '§2.2 short ARN still checks the account'],
  ['arn:aws:sqs:us-east-1', 'arn:aws:sqs:us-east-1:123456789012:queue1', false, '§2.2 short ARN without trailing * matches nothing'],
  ['arn:aws:s3:*:*', 'arn:aws:s3:::bucket/key', true, '§8.4 arn:aws:s3:*:* against an S3 object ARN'],
  ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', false, 'bucket is not its objects'],
  ['arn:aws:s3:::bucket/*', 'not-an-arn', false, 'a non-ARN request matches only *'],
];

describe('matchResource', () => {
  it.each(cases)('%s vs %s → %s (%s)', (p, r, expected) => {
    expect(matchResource(p, r)).toBe(expected);
  });

  const ctx = buildRequestContext({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue', 'aws:TagKeys': ['a', 'b'], 'aws:PrincipalAccount': '111122223333' });
  const variableCases: ReadonlyArray<readonly [string, string, boolean, string]> = [
    ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', true, '§3.5 variable in the resource part'],
    ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/bob/x', false, '§3.5 variable resolves to the caller'],
    ['arn:aws:s3:::home/${AWS:UserName}/*', 'arn:aws:s3:::home/alice/x', true, '§3.5 variable key case-insensitive'],
    ['arn:aws:s3:::t/${aws:PrincipalTag/team}', 'arn:aws:s3:::t/blue', true, '§3.5 principal tag variable'],
    ['arn:aws:s3:::t/${aws:PrincipalTag/missing}', 'arn:aws:s3:::t/', false, '§3.5 no value: matches nothing'],
    ['arn:aws:s3:::t/${aws:PrincipalTag/missing}*', 'arn:aws:s3:::t/anything', false, '§3.5 no value: matches nothing, even with *'],
    ['arn:aws:s3:::t/${aws:PrincipalTag/missing, \'def\'}', 'arn:aws:s3:::t/def', true, '§3.5 default value'],
    ['arn:aws:s3:::t/${*}', 'arn:aws:s3:::t/*', true, '§3.5 ${*} is a literal *'],
    ['arn:aws:s3:::t/${*}', 'arn:aws:s3:::t/x', false, '§3.5 ${*} is not a wildcard'],
    ['arn:aws:s3:::t/${aws:TagKeys}', 'arn:aws:s3:::t/a', false, '§3.5 only single-valued keys can be variables'],
    ['arn:*:kms:*:${aws:PrincipalAccount}:key/*', 'arn:aws:kms:us-east-1:111122223333:key/k1', true, 'variable in the account segment (AWS managed AmazonTimestreamInfluxDBServiceRolePolicy)'],
    ['arn:*:kms:*:${aws:PrincipalAccount}:key/*', 'arn:aws:kms:us-east-1:999999999999:key/k1', false, 'variable in the account segment resolves per request'],
    ['arn:aws:kms:*:${aws:NoSuchKey}:key/*', 'arn:aws:kms:us-east-1:111122223333:key/k1', false, '§3.5 no value: matches nothing'],
    ['arn:aws:kms:*:${aws:PrincipalAccount}:key/*', '*', false, '§2.2 only * covers a * request'],
  ];
  it.each(variableCases)('%s vs %s → %s (%s)', (p, r, expected) => {
    expect(matchResource(p, r, ctx)).toBe(expected);
  });

  it('accepts a plain context record too', () => {
    expect(matchResource('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', { 'AWS:UserName': 'alice' })).toBe(true);
  });

  it('treats variables as literal text without a context (Version 2008-10-17 semantics)', () => {
    expect(matchResource('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/${aws:username}')).toBe(true);
  });
});
