import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/permissions-management-holders.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { accessLevelText, decideRaw, REAL_CATALOG, summarizePrincipal } from '../../src/checks/universe/index.js';
import { serviceActions } from '../../src/model/access-level.js';
import { account, doc, group, role, user } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-06-01T00:00:00Z';
const iamAdmin = doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
const bucketPolicy = doc({ Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::data' });
const reader = doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' });

runCaseTable(check, {
  valid: [
    { name: 'two holders under a maximum of three', now: NOW, account: account({ users: [user('a', { inlinePolicies: { p: iamAdmin } }), user('b', { inlinePolicies: { p: bucketPolicy } }), user('c', { inlinePolicies: { p: reader } })] }) },
  ],
  invalid: [
    {
      name: 'four holders, one through a group and one a role; readers are not counted',
      now: NOW,
      account: account({
        users: [user('a', { inlinePolicies: { p: iamAdmin } }), user('b', { groups: ['admins'] }), user('c', { inlinePolicies: { p: reader } })],
        groups: [group('admins', { attachedPolicies: ['arn:aws:iam::aws:policy/IAMFullAccess'] })],
        roles: [role('deployer', { inlinePolicies: { p: bucketPolicy } }), role('admin', { attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] })],
      }),
      reports: [
        { messageId: 'tooManyHolders', resource: 'a', data: { holders: 4, max: 3 } },
        { messageId: 'tooManyHolders', resource: 'b' },
        { messageId: 'tooManyHolders', resource: 'admin' },
        { messageId: 'tooManyHolders', resource: 'deployer', data: { count: 1, examples: 's3:PutBucketPolicy' } },
      ],
    },
  ],
}, hooks);

describe('access-level summary (the IAM console policy-summary form)', () => {
  it('summarises by service and level, Full or Limited, with resources and conditions', () => {
    const a = account({ users: [user('alice', { inlinePolicies: {
      read: reader,
      pm: bucketPolicy,
      ec2: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }),
    } })] });
    const s = summarizePrincipal(a, { kind: 'user', name: 'alice' }, decideRaw, REAL_CATALOG);
    const s3 = s?.services.find((x) => x.service === 's3');
    const ec2 = s?.services.find((x) => x.service === 'ec2');
    expect(s3?.name).toBe('Amazon S3');
    const lists = serviceActions('s3').filter((x) => x.level === 'List').length;
    expect(s3?.levels.List).toEqual({ allowed: lists, total: lists });
    expect(accessLevelText(s3!.levels)).toBe('Full: List  Limited: Read, Permissions management');
    expect(s3?.allResources).toBe(false);
    expect(s3?.resources).toContain('arn:aws:s3:::data');
    expect(s3?.permissionsManagement).toEqual(['s3:PutBucketPolicy']);
    expect(accessLevelText(ec2!.levels)).toBe('Full access');
    expect(ec2?.allResources).toBe(true);
    expect(ec2?.conditions).toEqual(['aws:requestedregion']);
    expect(s?.permissionsManagementCount).toBe(1 + serviceActions('ec2').filter((x) => x.level === 'Permissions management').length);
  });
});
