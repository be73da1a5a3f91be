/**
 * prefer-aws-managed-policies: which AWS managed policy is matched (candidate order, the pre-filters, the limits, the
 * fixed probe context, cost ties), what is reported for it, and the order of reports and swap operations.
 * The module is imported afresh so that its candidate list is computed inside these tests.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsMatch, PreferAwsOptions } from '../../../src/checks/rules/prefer-aws-managed-policies.js';
import { REAL_CATALOG } from '../../../src/checks/universe/real-catalog.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, doc, group, managed, role, user } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

type Mod = typeof import('../../../src/checks/rules/prefer-aws-managed-policies.js');
let mod: Mod;
beforeAll(async () => {
  vi.resetModules();
  mod = await import('../../../src/checks/rules/prefer-aws-managed-policies.js');
});

const NOW = '2026-03-10T12:00:00Z';
const ACCT_QUEUE = 'arn:aws:sqs:us-east-1:111122223333:q';
const LOGS4 = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'];
const SQS = REAL_CATALOG.expand('sqs:*');
const allow = (Action: string | string[], Resource = '*'): object => ({ Effect: 'Allow', Action, Resource });
/** The match in short: the AWS policy's name and what it gains, loses and widens. */
const brief = (m: AwsMatch | undefined) => (m === undefined ? undefined : { aws: m.aws.name, gained: m.gained, lost: m.lost, widens: m.widensResources });
const best = (d: PolicyDocument, maxCandidates: number, maxUniverse = 99_999, maxGained = Infinity, maxLost = 0) => brief(mod.bestAwsMatch(d, maxCandidates, maxUniverse, maxGained, maxLost));
const show = (a: ReturnType<typeof account>, o: Record<string, unknown> = {}) => findings(mod.default, a, NOW, o).map((f) => ({ id: f.messageId, resource: f.resource.name, message: f.message }));

describe('bestAwsMatch: the candidates and their order', () => {
  it('leaves out service-role policies and tries candidates fewest services first, then by name', () => {
    // AmazonLexChannelsAccess (a service-role policy) is exactly lex:ListBots and would sort before AmazonLexReadOnly.
    expect(best(doc(allow('lex:ListBots')), 1)?.aws).toBe('AmazonLexReadOnly');
    // The first candidate naming SQS: one service, and AmazonSQSFullAccess sorts before AmazonSQSReadOnlyAccess.
    expect(best(doc(allow('sqs:SendMessage')), 1)?.aws).toBe('AmazonSQSFullAccess');
    // AWSAppSyncPushToCloudWatchLogs and AWSLambdaBasicExecutionRole are the same policy: the first by name is tried first.
    expect(best(doc(allow(['logs:CreateLogGroup', 'logs:CreateLogStream'])), 1)).toEqual({ aws: 'AWSAppSyncPushToCloudWatchLogs', gained: ['logs:PutLogEvents'], lost: [], widens: false });
  });
  it('a tie in cost keeps the candidate tried first', () => {
    expect(best(doc(allow(['logs:CreateLogGroup', 'logs:CreateLogStream'])), 40)).toEqual({ aws: 'AWSAppSyncPushToCloudWatchLogs', gained: ['logs:PutLogEvents'], lost: [], widens: false });
  });
  it('maxCandidates counts candidates tried: the exact match is the ninth', () => {
    expect(best(doc(allow(LOGS4)), 8, 99_999, Infinity, 2)).toEqual({ aws: 'AWSAppSyncPushToCloudWatchLogs', gained: [], lost: ['logs:DescribeLogStreams'], widens: false });
    expect(best(doc(allow(LOGS4)), 9, 99_999, Infinity, 2)).toEqual({ aws: 'AWSTransferLoggingAccess', gained: [], lost: [], widens: false });
  });
  it('maxUniverse skips a candidate whose universe is larger, not one of exactly that size', () => {
    expect(best(doc(allow(LOGS4)), 40, 4, Infinity, 2)?.aws).toBe('AWSTransferLoggingAccess');
    expect(best(doc(allow(LOGS4)), 40, 3, Infinity, 2)).toBeUndefined();
  });
});

describe('bestAwsMatch: the pre-filters', () => {
  it('skips a Deny-free candidate naming more actions than the gain limit allows', () => {
    // AutoScalingNotificationAccessRole names 3 actions, 2 more than sqs:SendMessage: within a limit of 2, not of 1.
    expect(best(doc(allow('sqs:SendMessage')), 40, 99_999, 2)).toEqual({ aws: 'AutoScalingNotificationAccessRole', gained: ['sns:Publish', 'sqs:GetQueueUrl'], lost: [], widens: false });
    expect(best(doc(allow('sqs:SendMessage')), 40, 99_999, 0)).toBeUndefined();
  });
  it('a Deny statement does not count towards the actions a document allows', () => {
    expect(best(doc(allow('sqs:SendMessage'), { Effect: 'Deny', Action: 'ec2:*', Resource: '*' }), 40, 99_999, 0)).toBeUndefined();
  });
  it('NotAction allows every action: the gain limit is a quarter of all of them', () => {
    const m = mod.bestAwsMatch(doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }), 40, 99_999, 0, 0);
    expect(m?.aws.name).toBe('PowerUserAccess');
    expect(m?.lost).toEqual([]);
    expect(m?.gained.slice(0, 4)).toEqual(['account:GetAccountInformation', 'account:GetGovCloudAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions']);
  });
  it('the services a candidate may miss are bounded by a quarter of the actions the document names, not only by maxLost', () => {
    // Three named actions: no service may be missing, so AWSAppSyncPushToCloudWatchLogs (no SQS) is not tried even with maxLost 2.
    expect(best(doc(allow(['logs:CreateLogGroup', 'logs:CreateLogStream']), allow('sqs:SendMessage', ACCT_QUEUE)), 40, 99_992, Infinity, 2)).toEqual({
      aws: 'AWSLambdaSQSQueueExecutionRole', gained: ['logs:PutLogEvents', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], lost: [], widens: false,
    });
  });
  it('a document naming every service is compared with the all-services candidates', () => {
    expect(best(doc(allow('*')), 40)).toEqual({ aws: 'AdministratorAccess', gained: [], lost: [], widens: false });
  });
  it('with no loss allowed, a candidate missing a service the document names is not tried, even when that grant is invisible here', () => {
    // AWSAppSyncPushToCloudWatchLogs has exactly the visible logs grants but names no SQS.
    expect(best(doc(allow(LOGS4.slice(0, 3)), allow('sqs:SendMessage', ACCT_QUEUE)), 40)).toEqual({
      aws: 'AWSLambdaSQSQueueExecutionRole', gained: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], lost: [], widens: false,
    });
  });
});

describe('bestAwsMatch: comparison and cost', () => {
  it('the probe principal is named iamsim-probe: a grant on that user equals IAMUserChangePassword', () => {
    expect(best(doc(allow('iam:ChangePassword', 'arn:aws:iam::*:user/iamsim-probe'), allow('iam:GetAccountPasswordPolicy')), 40)).toEqual({ aws: 'IAMUserChangePassword', gained: [], lost: [], widens: true });
  });
  it('containment gaining two actions beats a near match losing one', () => {
    expect(best(doc(allow([...LOGS4, 'logs:GetLogEvents'])), 40, 99_999, Infinity, 2)).toEqual({
      aws: 'AmazonAPIGatewayPushToCloudWatchLogs', gained: ['logs:DescribeLogGroups', 'logs:FilterLogEvents'], lost: [], widens: false,
    });
  });
  it('a candidate gaining one action on the same resources beats one gaining one action and widening resources', () => {
    expect(best(doc(allow(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], 'arn:aws:logs:*:*:*')), 40)).toEqual({
      aws: 'AWSOpsWorksCloudWatchLogs', gained: ['logs:CreateLogGroup'], lost: [], widens: false,
    });
  });
  it('an exact match tried later beats an earlier one that only widens resources', () => {
    // CloudWatchLambdaInsightsExecutionRolePolicy written out; AWSAppSyncPushToCloudWatchLogs, tried first, allows the same actions on every resource.
    const insights = doc(allow('logs:CreateLogGroup'), allow(['logs:CreateLogStream', 'logs:PutLogEvents'], 'arn:aws:logs:*:*:log-group:/aws/lambda-insights:*'));
    expect(best(insights, 40, 99_993)).toEqual({ aws: 'CloudWatchLambdaInsightsExecutionRolePolicy', gained: [], lost: [], widens: false });
  });
  it('widening is reported when the AWS policy allows one of our actions on more resources', () => {
    expect(best(doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')), 40)).toEqual({ aws: 'AmazonEC2RoleforAWSCodeDeploy', gained: ['s3:GetObjectVersion', 's3:ListBucket'], lost: [], widens: true });
  });
  it('widening alone gains no actions: our own actions on other resources are not gains', () => {
    expect(best(doc(allow(LOGS4.slice(0, 3), 'arn:aws:logs:*:*:*')), 40)).toEqual({ aws: 'AWSAppSyncPushToCloudWatchLogs', gained: [], lost: [], widens: true });
  });
  it('a policy that keeps none of what the document allows here is no near match, however many invisible actions it names', () => {
    // Bug fixed: the quarter that may be lost was taken of the 21 named actions, so a policy allowing none of
    // iam:CreateUser was reported as "near" (coverage 0%).
    expect(best(doc(allow('iam:CreateUser'), allow('sqs:*', ACCT_QUEUE)), 40, 100_000, 20, 2)).toBeUndefined();
    expect(show(account({ users: [user('u', { inlinePolicies: { p: doc(allow('iam:CreateUser'), allow('sqs:*', ACCT_QUEUE)) } })] }))).toEqual([]);
  });
});

describe('prefer-aws-managed-policies: what is reported', () => {
  const Q = 'arn:aws:iam::111122223333:policy/Q';
  const inGroup = (d: PolicyDocument) => account({ groups: [group('g', { attachedPolicies: [Q] })], policies: [managed('Q', d)] });
  it('a near match reports the share of the AWS policy it keeps', () => {
    const r = mod.default.detect({ account: inGroup(doc(allow(['sqs:*', 'sns:Publish']))), now: NOW, options: { ...(mod.default.meta.defaults as PreferAwsOptions), maxUniverse: 99_998 } });
    expect(r.map((x) => [x.messageId, x.data])).toEqual([['nearAws', {
      policy: 'Q', aws: 'AmazonSQSFullAccess', gained: 0, gainedExamples: 'none', lost: '1 action(s): sns:Publish', lostCount: 1, scope: '', coverage: 100,
    }]]);
  });
  it('a near match gaining more than maxGainedActions is not reported', () => {
    const d = doc(allow([...SQS.slice(1), 'sns:Publish']));
    expect(show(inGroup(d), { maxUniverse: 99_997 }).map((x) => x.id)).toEqual(['nearAws']);
    expect(show(inGroup(d), { maxUniverse: 99_997, maxGainedActions: 0 })).toEqual([]);
  });
  it('a stale copy is reported whatever it gains; plain containment only within maxGainedActions', () => {
    const stale = doc(allow(SQS.slice(2)));
    expect(show(inGroup(stale), { maxUniverse: 99_996, maxGainedActions: 1 }).map((x) => x.id)).toEqual(['staleCopy']);
    expect(show(inGroup(stale), { maxUniverse: 99_996, maxGainedActions: 1, staleCoverage: 0.95 })).toEqual([]);
  });
  it('exactly five gained actions are all listed', () => {
    expect(show(inGroup(doc(allow(SQS.slice(5)))), { maxUniverse: 99_995 }).map((x) => x.message)).toEqual([
      'Q is contained in the AWS managed policy AmazonSQSFullAccess, which would add 5 action(s): sqs:AddPermission, sqs:CancelMessageMoveTask, sqs:ChangeMessageVisibility, sqs:CreateQueue, sqs:DeleteMessage',
    ]);
  });
  it('containment that only widens resources is containment, not a stale copy', () => {
    const a = account({ users: [user('u', { inlinePolicies: { logs: doc(allow(LOGS4.slice(0, 3), 'arn:aws:logs:*:*:*')) } })] });
    expect(show(a, { maxUniverse: 99_994 })).toEqual([{
      id: 'containedInAws', resource: 'u',
      message: 'inline logs of user u is contained in the AWS managed policy AWSAppSyncPushToCloudWatchLogs, which would add 0 action(s), and its actions on every resource: none',
    }]);
  });
});

describe('prefer-aws-managed-policies: order of reports and swap operations', () => {
  const sqsAll = doc(allow('sqs:*'));
  const SQS_FULL = 'arn:aws:iam::aws:policy/AmazonSQSFullAccess';
  it('custom policies are judged in name order', () => {
    const [b, c, a] = [managed('B', sqsAll), managed('C', sqsAll), managed('A', sqsAll)];
    const acc = account({ roles: [role('r', { attachedPolicies: [a.arn, b.arn, c.arn] })], policies: [b, c, a] });
    expect(show(acc).map((x) => x.resource)).toEqual(['A', 'B', 'C']);
  });
  it('inline policies are judged by holder name', () => {
    const acc = account({ users: ['b', 'c', 'a'].map((n) => user(n, { inlinePolicies: { q: sqsAll } })) });
    expect(show(acc).map((x) => x.resource)).toEqual(['a', 'b', 'c']);
  });
  it('the swap of a managed copy visits its holders by name, skips those without it, and attaches only where missing', () => {
    const q = managed('Q', sqsAll);
    const acc = account({
      users: [user('b', { attachedPolicies: [q.arn] }), user('x'), user('c', { attachedPolicies: [q.arn, SQS_FULL] }), user('a', { attachedPolicies: [q.arn] })],
      policies: [q],
    });
    const f = findings(mod.default, acc, NOW);
    expect(f[0]?.suggestions?.[0]?.fix).toEqual([
      { op: 'AttachUserPolicy', input: { UserName: 'a', PolicyArn: SQS_FULL } },
      { op: 'DetachUserPolicy', input: { UserName: 'a', PolicyArn: q.arn } },
      { op: 'AttachUserPolicy', input: { UserName: 'b', PolicyArn: SQS_FULL } },
      { op: 'DetachUserPolicy', input: { UserName: 'b', PolicyArn: q.arn } },
      { op: 'DetachUserPolicy', input: { UserName: 'c', PolicyArn: q.arn } },
    ]);
  });
  it('the swap of an inline copy on a role attaches to the role and deletes the inline policy', () => {
    const f = findings(mod.default, account({ roles: [role('etl', { inlinePolicies: { q: sqsAll } })] }), NOW);
    expect(f[0]?.suggestions?.[0]?.fix).toEqual([{ op: 'AttachRolePolicy', input: { RoleName: 'etl', PolicyArn: SQS_FULL } }, { op: 'DeleteRolePolicy', input: { RoleName: 'etl', PolicyName: 'q' } }]);
  });
});
