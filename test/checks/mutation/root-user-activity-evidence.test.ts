/** root-user-activity: evidence (the last five events), order of findings, and which calls the create-admin suggestion holds. */
import { describe, expect, it } from 'vitest';
import check, { adminGroupAndUser } from '../../../src/checks/rules/root-user-activity.js';
import { account, ADMIN_ARN, daysAgo, event, group, NOW, ROOT, user } from '../fixtures.js';
import { findings } from '../rules-b/render.js';

const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
const rootCalls = () => [event(ROOT, daysAgo(3), { name: 'RunInstances', source: 'ec2.amazonaws.com' })];
const fixOf = (a: Parameters<typeof findings>[1]) => findings(check, a, NOW).map((f) => f.suggestions?.map((s) => s.fix) ?? []);

describe('root-user-activity', () => {
  it('evidence is the last five events of a name, each with its id, time and "name from ip"', () => {
    const evs = [1, 2, 3, 4, 5, 6].map((i) => event(ROOT, daysAgo(20 - i), { name: 'ListBuckets', ip: `198.51.100.${i}` }));
    const [f] = findings(check, account({ events: evs }), NOW);
    expect(f?.data).toEqual({ event: 's3:ListBuckets', count: 6, window: 90, last: evs[5]!.eventTime });
    expect(f?.evidence).toEqual(evs.slice(1).map((e, i) => ({ eventID: e.eventID, eventTime: e.eventTime, text: `ListBuckets from 198.51.100.${i + 2}` })));
  });
  it('findings are sorted by service:event, whatever order the calls came in', () => {
    const evs = [
      event(ROOT, daysAgo(9), { name: 'RunInstances', source: 'sqs.amazonaws.com' }),
      event(ROOT, daysAgo(8), { name: 'RunInstances', source: 'ec2.amazonaws.com' }),
      event(ROOT, daysAgo(7), { name: 'ListBuckets' }),
      event(ROOT, daysAgo(6), { name: 'CreateUser', source: 'iam.amazonaws.com' }),
    ];
    expect(findings(check, account({ events: evs, groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })], users: [user('ana', { groups: ['admins'] })] }), NOW).map((f) => [f.data['event'], f.suggestions?.length ?? 0])).toEqual([
      ['ec2:RunInstances', 0], ['iam:CreateUser', 0], ['s3:ListBuckets', 0], ['sqs:RunInstances', 0],
    ]);
  });
  it('an Administrators group that already has AdministratorAccess only gets the user', () => {
    expect(fixOf(account({ events: rootCalls(), groups: [group('Administrators', { attachedPolicies: [ADMIN_ARN] })] }))).toEqual([[[
      { op: 'CreateUser', input: { UserName: 'iam-admin' } },
      { op: 'AddUserToGroup', input: { GroupName: 'Administrators', UserName: 'iam-admin' } },
    ]]]);
  });
  it('an existing user already in a group without AdministratorAccess only gets the policy attached', () => {
    expect(fixOf(account({ events: rootCalls(), groups: [group('Administrators')], users: [user('iam-admin', { groups: ['Administrators'] })] }))).toEqual([[[
      { op: 'AttachGroupPolicy', input: { GroupName: 'Administrators', PolicyArn: ADMIN_ARN } },
    ]]]);
  });
  it('an existing user outside the group is added to it, not created again', () => {
    expect(fixOf(account({ events: rootCalls(), users: [user('iam-admin')] }))).toEqual([[[
      { op: 'CreateGroup', input: { GroupName: 'Administrators' } },
      { op: 'AttachGroupPolicy', input: { GroupName: 'Administrators', PolicyArn: ADMIN_ARN } },
      { op: 'AddUserToGroup', input: { GroupName: 'Administrators', UserName: 'iam-admin' } },
    ]]]);
  });
  it('when the group and user are already in place but a Deny keeps the user from being an admin, nothing is left to suggest', () => {
    const a = account({ events: rootCalls(), groups: [group('Administrators', { attachedPolicies: [ADMIN_ARN] })], users: [user('iam-admin', { groups: ['Administrators'], inlinePolicies: { deny: denyAll } })] });
    expect(fixOf(a)).toEqual([[]]);
  });
  it('a user who does not exist is in no group, whatever the group is called', () => {
    expect(adminGroupAndUser(account(), 'Stryker was here', 'new-admin').map((c) => c.op)).toEqual(['CreateGroup', 'AttachGroupPolicy', 'CreateUser', 'AddUserToGroup']);
  });
});
