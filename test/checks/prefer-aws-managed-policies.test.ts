import { describe, expect, it } from 'vitest';
import check, { bestAwsMatch } from '../../src/checks/rules/prefer-aws-managed-policies.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { expandActions } from '../../src/model/access-level.js';
import { account, doc, managed, role, user } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const S3RO = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
/** AmazonS3ReadOnlyAccess written out action by action: the same policy by meaning, not by text. */
const listedCopy = managed('S3Readers', doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'].flatMap((p) => expandActions(p)), Resource: '*' }));
/** A copy made before AWS added s3:Describe*. */
const staleCopy = doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' });

runCaseTable(check, {
  valid: [
    { name: 'a narrow custom policy with no close AWS managed match', now: NOW, account: account({ users: [user('up', { attachedPolicies: ['arn:aws:iam::111122223333:policy/Upload'] })], policies: [managed('Upload', doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::drop/*' }))] }) },
    { name: 'an unattached copy of an AWS managed policy grants nothing to anyone', now: NOW, account: account({ policies: [listedCopy] }) },
    { name: 'an inline policy mixing services no AWS policy combines', now: NOW, account: account({ users: [user('u', { inlinePolicies: { mix: doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'kms:Decrypt', 'sqs:SendMessage'], Resource: '*' }) } })] }) },
  ],
  invalid: [
    {
      name: 'a customer policy equal in meaning to AmazonS3ReadOnlyAccess is swapped for it wherever attached',
      now: NOW,
      account: account({ users: [user('ana', { attachedPolicies: [listedCopy.arn] })], roles: [role('etl', { attachedPolicies: [listedCopy.arn] })], policies: [listedCopy] }),
      reports: [{ messageId: 'equalsAws', resource: 'S3Readers', data: { aws: 'AmazonS3ReadOnlyAccess', gained: 0, lost: 'nothing' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { ana: { attachedPolicies: [S3RO] } }, roles: { etl: { attachedPolicies: [S3RO] } } },
    },
    {
      name: 'a copy with one extra action: the swap states the action it would lose',
      now: NOW,
      account: account({ roles: [role('etl', { inlinePolicies: { readPlusQueue: doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*', 'sqs:SendMessage'], Resource: '*' }) } })] }),
      reports: [{ messageId: 'nearAws', resource: 'etl', data: { aws: 'AmazonS3ReadOnlyAccess', lostCount: 1, lost: '1 action(s): sqs:SendMessage', gained: 0 }, suggestions: 1 }],
    },
    {
      name: 'a stale inline copy lacks what AWS added since',
      now: NOW,
      account: account({ users: [user('bo', { inlinePolicies: { s3read: staleCopy } })] }),
      reports: [{ messageId: 'staleCopy', resource: 'bo', data: { aws: 'AmazonS3ReadOnlyAccess', gained: 2, gainedExamples: 's3:DescribeJob, s3:DescribeMultiRegionAccessPointOperation' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { bo: { inlinePolicies: {}, attachedPolicies: [S3RO] } } },
    },
  ],
}, hooks);

describe('bestAwsMatch', () => {
  it('is exact: a resource-scoped grant is contained only with the resource widening reported', () => {
    const m = bestAwsMatch(doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' }), 40);
    expect(m?.widensResources).toBe(true);
    expect(m?.lost).toEqual([]);
  });
  it('refuses a candidate that is narrower anywhere (IAMUserChangePassword scopes to the caller)', () => {
    expect(bestAwsMatch(doc({ Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy'], Resource: '*' }), 40)).toBeUndefined();
    expect(bestAwsMatch(doc({ Effect: 'Allow', Action: ['iam:ChangePassword'], Resource: 'arn:aws:iam::*:user/${aws:username}' }, { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' }), 40)?.aws.name).toBe('IAMUserChangePassword');
  });
});
