/** prefer-aws-managed-policies: which relation is reported (equal, contained, stale, near), the thresholds that decide it, the swap operations per holder, and the exact messages. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/prefer-aws-managed-policies.js';
import { REAL_CATALOG } from '../../../src/checks/universe/real-catalog.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, doc, group, managed, user } from '../universe-fixtures.js';
import { findings } from './render.js';

const NOW = '2026-03-10T12:00:00Z';
const SQS_FULL = 'arn:aws:iam::aws:policy/AmazonSQSFullAccess';
const Q = 'arn:aws:iam::111122223333:policy/Q';
/** Every real SQS action, sorted: AmazonSQSFullAccess is `sqs:*` on `*`. */
const SQS = REAL_CATALOG.expand('sqs:*');
const inGroup = (d: PolicyDocument) => account({ groups: [group('g', { attachedPolicies: [Q] })], policies: [managed('Q', d)] });
const show = (a: ReturnType<typeof account>, o: Record<string, unknown> = {}) => findings(check, a, NOW, o).map((f) => ({ id: f.messageId, message: f.message, swap: f.suggestions?.map((s) => s.message) }));
const swapGroup = (aws: string) => [{ op: 'AttachGroupPolicy', input: { GroupName: 'g', PolicyArn: aws } }, { op: 'DetachGroupPolicy', input: { GroupName: 'g', PolicyArn: Q } }];

describe('prefer-aws-managed-policies relations', () => {
  it('sqs:* written by hand equals AmazonSQSFullAccess; the swap moves every holder over', () => {
    const f = findings(check, inGroup(doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })), NOW);
    expect(f.map((x) => x.message)).toEqual(['Q grants exactly what the AWS managed policy AmazonSQSFullAccess grants']);
    expect(f[0]?.resource).toEqual({ kind: 'policy', arn: Q, name: 'Q' });
    expect(f[0]?.suggestions).toEqual([{ messageId: 'swap', message: 'Use AmazonSQSFullAccess instead of Q: gains 0 action(s) (none), loses nothing', fix: swapGroup(SQS_FULL) }]);
  });
  it('a copy missing two actions is a stale copy with its coverage; a higher staleCoverage makes it plain containment', () => {
    const stale = inGroup(doc({ Effect: 'Allow', Action: SQS.slice(2), Resource: '*' }));
    expect(show(stale)).toEqual([{
      id: 'staleCopy',
      message: 'Q looks like a copy of the AWS managed policy AmazonSQSFullAccess (90% of its actions) that has fallen behind: it lacks 2 action(s): sqs:AddPermission, sqs:CancelMessageMoveTask',
      swap: ['Use AmazonSQSFullAccess instead of Q: gains 2 action(s) (sqs:AddPermission, sqs:CancelMessageMoveTask), loses nothing'],
    }]);
    expect(show(stale, { staleCoverage: 0.95 }).map((x) => x.message)).toEqual(['Q is contained in the AWS managed policy AmazonSQSFullAccess, which would add 2 action(s): sqs:AddPermission, sqs:CancelMessageMoveTask']);
    expect(show(stale, { staleCoverage: 0.9 }).map((x) => x.id)).toEqual(['staleCopy']);
  });
  it('lists five gained actions and counts the rest', () => {
    expect(show(inGroup(doc({ Effect: 'Allow', Action: SQS.slice(6), Resource: '*' }))).map((x) => x.message)).toEqual([
      'Q is contained in the AWS managed policy AmazonSQSFullAccess, which would add 6 action(s): sqs:AddPermission, sqs:CancelMessageMoveTask, sqs:ChangeMessageVisibility, sqs:CreateQueue, sqs:DeleteMessage and 1 more',
    ]);
  });
  it('containment gaining more than maxGainedActions is not reported; at the limit it is', () => {
    const send = inGroup(doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }));
    expect(show(send).map((x) => x.message)).toEqual(['Q is contained in the AWS managed policy AutoScalingNotificationAccessRole, which would add 2 action(s): sns:Publish, sqs:GetQueueUrl']);
    expect(show(send, { maxGainedActions: 2 }).map((x) => x.id)).toEqual(['containedInAws']);
    expect(show(send, { maxGainedActions: 1 })).toEqual([]);
  });
  it('one action more than the AWS policy: the swap names what it would lose', () => {
    expect(show(inGroup(doc({ Effect: 'Allow', Action: ['sqs:*', 'sns:Publish'], Resource: '*' })))).toEqual([{
      id: 'nearAws',
      message: 'Q is the AWS managed policy AmazonSQSFullAccess but for 1 action(s) it adds and 0 it lacks: swapping loses 1 action(s): sns:Publish and gains none',
      swap: ['Use AmazonSQSFullAccess instead of Q: gains 0 action(s) (none), loses 1 action(s): sns:Publish'],
    }]);
  });
  it('a policy granting only on account-qualified ARNs is matched to nothing rather than to an unrelated policy', () => {
    expect(show(inGroup(doc({ Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' })))).toEqual([]);
  });
});

describe('prefer-aws-managed-policies: what is judged', () => {
  const sqsAll = doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
  it('a policy with an AWS managed ARN (a retired one an import carried) is not a customer’s to swap', () => {
    const retired = { ...managed('Retired', sqsAll), arn: 'arn:aws:iam::aws:policy/RetiredSQS' };
    expect(show(account({ groups: [group('g', { attachedPolicies: [retired.arn] })], policies: [retired] }))).toEqual([]);
  });
  it('a policy whose default version is missing is skipped', () => {
    expect(show(account({ groups: [group('g', { attachedPolicies: [Q] })], policies: [managed('Q', sqsAll, { defaultVersion: 'v9' })] }))).toEqual([]);
  });
  it('several custom policies are reported in name order', () => {
    const b = managed('B', sqsAll);
    const a2 = managed('A', sqsAll);
    const acc = account({ users: [user('u', { attachedPolicies: [b.arn, a2.arn] })], policies: [b, a2] });
    expect(findings(check, acc, NOW).map((f) => f.resource.name)).toEqual(['A', 'B']);
  });
  it('an inline copy on a group: attach the AWS policy to the group, delete the inline one', () => {
    const f = findings(check, account({ groups: [group('ops', { inlinePolicies: { queues: sqsAll } })] }), NOW);
    expect(f.map((x) => x.message)).toEqual(['inline queues of group ops grants exactly what the AWS managed policy AmazonSQSFullAccess grants']);
    expect(f[0]?.resource).toEqual({ kind: 'group', arn: 'arn:aws:iam::111122223333:group/ops', name: 'ops' });
    expect(f[0]?.suggestions?.[0]?.fix).toEqual([{ op: 'AttachGroupPolicy', input: { GroupName: 'ops', PolicyArn: SQS_FULL } }, { op: 'DeleteGroupPolicy', input: { GroupName: 'ops', PolicyName: 'queues' } }]);
  });
  it('an inline copy on a user who already holds the AWS policy: only the delete', () => {
    const f = findings(check, account({ users: [user('ana', { attachedPolicies: [SQS_FULL], inlinePolicies: { queues: sqsAll } })] }), NOW);
    expect(f[0]?.suggestions?.[0]?.fix).toEqual([{ op: 'DeleteUserPolicy', input: { UserName: 'ana', PolicyName: 'queues' } }]);
  });
  it('a managed copy attached to a user already holding the AWS policy: only the detach there, attach and detach elsewhere', () => {
    const acc = account({ users: [user('ana', { attachedPolicies: [SQS_FULL, Q] })], groups: [group('g', { attachedPolicies: [Q] })], policies: [managed('Q', sqsAll)] });
    expect(findings(check, acc, NOW)[0]?.suggestions?.[0]?.fix).toEqual([
      { op: 'DetachUserPolicy', input: { UserName: 'ana', PolicyArn: Q } },
      ...swapGroup(SQS_FULL),
    ]);
  });
});
