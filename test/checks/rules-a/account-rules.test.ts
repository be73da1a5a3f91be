/** cloudtrail-configuration, no-iam-administrator and admin-policy-grants: exact reports and fixes; and the options every rule of this group accepts. */
import { describe, expect, it } from 'vitest';
import { checkById } from '../../../src/checks/registry.js';
import { optionProblems } from '../../../src/checks/resolve-options.js';
import adminPolicyGrants from '../../../src/checks/rules/admin-policy-grants.js';
import cloudtrailConfiguration from '../../../src/checks/rules/cloudtrail-configuration.js';
import noIamAdministrator from '../../../src/checks/rules/no-iam-administrator.js';
import type { Check } from '../../../src/checks/types.js';
import type { Account, Trail } from '../../../src/model/types.js';
import { account, ACCOUNT_ID, ADMIN_ARN, group, NOW, user } from '../fixtures.js';
import { doc, managed, role } from '../universe-fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const detect = (check: Check<string, any>, a: Account, options: Record<string, unknown> = {}) => check.detect({ account: a, now: NOW, options: { ...check.meta.defaults, ...options } });
const trail = (name: string, extra: Partial<Trail> = {}): Trail => ({ name, homeRegion: 'eu-west-1', isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: true, s3BucketName: 'logs', ...extra });
const withTrails = (...ts: Trail[]): Account => ({ ...account(), trails: Object.fromEntries(ts.map((t) => [t.name, t])) });

describe('cloudtrail-configuration', () => {
  it('creates a multi-region trail with validation and starts it when there is none', () => {
    const [r, ...rest] = detect(cloudtrailConfiguration, account());
    expect(rest).toEqual([]);
    expect(r).toEqual({
      messageId: 'noTrail', data: { account: ACCOUNT_ID }, resource: { kind: 'account', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, name: ACCOUNT_ID },
      fix: [
        { op: 'CreateTrail', input: { Name: 'management-events', S3BucketName: `aws-cloudtrail-logs-${ACCOUNT_ID}`, IsMultiRegionTrail: true, EnableLogFileValidation: true } },
        { op: 'StartLogging', input: { Name: 'management-events' } },
      ],
    });
  });

  it('names the trail and bucket from the options, and the account by its alias', () => {
    const r = detect(cloudtrailConfiguration, { ...account(), alias: 'prod' }, { trailName: 'audit', bucketName: 'logs-{{account}}-audit' })[0];
    expect(r?.resource.name).toBe('prod');
    expect(r?.fix).toEqual([
      { op: 'CreateTrail', input: { Name: 'audit', S3BucketName: `logs-${ACCOUNT_ID}-audit`, IsMultiRegionTrail: true, EnableLogFileValidation: true } },
      { op: 'StartLogging', input: { Name: 'audit' } },
    ]);
  });

  it('reports each thing wrong with each trail, trails in name order, with its fix', () => {
    const reports = detect(cloudtrailConfiguration, withTrails(trail('b', { isLogging: false, logFileValidationEnabled: false }), trail('a', { isMultiRegionTrail: false, homeRegion: 'us-west-2' }), trail('c')));
    expect(reports).toEqual([
      { messageId: 'notMultiRegion', data: { trail: 'a', region: 'us-west-2' }, resource: { kind: 'trail', arn: `arn:aws:cloudtrail:us-west-2:${ACCOUNT_ID}:trail/a`, name: 'a' }, fix: [{ op: 'UpdateTrail', input: { Name: 'a', IsMultiRegionTrail: true } }] },
      { messageId: 'notLogging', data: { trail: 'b' }, resource: { kind: 'trail', arn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT_ID}:trail/b`, name: 'b' }, fix: [{ op: 'StartLogging', input: { Name: 'b' } }] },
      { messageId: 'noLogFileValidation', data: { trail: 'b' }, resource: { kind: 'trail', arn: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT_ID}:trail/b`, name: 'b' }, fix: [{ op: 'UpdateTrail', input: { Name: 'b', EnableLogFileValidation: true } }] },
    ]);
    expect(detect(cloudtrailConfiguration, withTrails(trail('c')))).toEqual([]);
  });
});

describe('no-iam-administrator', () => {
  it('suggests an Administrators group with AdministratorAccess and an admin user in it', () => {
    expect(detect(noIamAdministrator, account())).toEqual([{
      messageId: 'noAdmin', data: { account: ACCOUNT_ID }, resource: { kind: 'account', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, name: ACCOUNT_ID },
      suggestions: [{
        messageId: 'createAdmin', data: { group: 'Administrators', user: 'iam-admin' },
        fix: [
          { op: 'CreateGroup', input: { GroupName: 'Administrators' } },
          { op: 'AttachGroupPolicy', input: { GroupName: 'Administrators', PolicyArn: ADMIN_ARN } },
          { op: 'CreateUser', input: { UserName: 'iam-admin' } },
          { op: 'AddUserToGroup', input: { GroupName: 'Administrators', UserName: 'iam-admin' } },
        ],
      }],
    }]);
    expect(detect(noIamAdministrator, account(), { adminGroupName: 'Ops', adminUserName: 'ops-admin' })[0]?.suggestions?.[0]?.data).toEqual({ group: 'Ops', user: 'ops-admin' });
  });

  it('is satisfied by an administrator user (directly or through a group) or role, not by a service-linked role', () => {
    expect(detect(noIamAdministrator, account({ users: [user('a', { groups: ['admins'] })], groups: [group('admins', { attachedPolicies: [ADMIN_ARN] })] }))).toEqual([]);
    expect(detect(noIamAdministrator, { ...account(), roles: { ops: role('ops', { attachedPolicies: [ADMIN_ARN] }) } })).toEqual([]);
    expect(detect(noIamAdministrator, { ...account(), roles: { svc: role('svc', { attachedPolicies: [ADMIN_ARN], serviceLinked: true }) } })).toHaveLength(1);
    expect(detect(noIamAdministrator, account({ users: [user('iam', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) } })] }))).toHaveLength(1);
  });
});

describe('admin-policy-grants', () => {
  it('reports each holder of a customer policy granting everything, and an unattached one on the policy', () => {
    const star = managed('Everything', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const a = { ...account({ users: [user('alice', { attachedPolicies: [star.arn], inlinePolicies: { all: doc({ Effect: 'Allow', NotAction: 'iamsim:Nothing', Resource: '*' }) } })] }), policies: { [star.arn]: star, x: { ...star, arn: 'x', name: 'Spare' } } };
    const reports = detect(adminPolicyGrants, a);
    expect(reports.map((r) => [r.messageId, r.data, r.resource.kind])).toEqual([
      ['fullAdmin', { holderKind: 'user', holder: 'alice', policy: 'inline all' }, 'user'],
      ['fullAdmin', { holderKind: 'user', holder: 'alice', policy: 'Everything' }, 'user'],
      ['unattachedAdmin', { holderKind: 'policy', holder: 'Spare', policy: 'Spare' }, 'policy'],
    ]);
  });

  it('does not flag a policy that leaves out IAM', () => {
    expect(detect(adminPolicyGrants, account({ users: [user('dev', { inlinePolicies: { p: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) } })] }))).toEqual([]);
  });
});

describe('options of the rules access-key-rotation … overlapping-console-sessions', () => {
  const problems = (id: string, options: Record<string, unknown>) => {
    const c = checkById(id)!;
    return optionProblems(c, { ...(c.meta.defaults ?? {}), ...options });
  };

  it.each([
    ['access-key-rotation', { maxKeyAgeDays: 0 }, ['access-key-rotation: option /maxKeyAgeDays must be >= 1']],
    ['access-key-rotation', { maxKeyAgeDays: 1.5 }, ['access-key-rotation: option /maxKeyAgeDays must be integer']],
    ['activity-anomalies', { windowDays: 0, minHistory: -1, unusualHourDistance: 13, deniedBurst: 1, burstMinutes: 0 }, [
      'activity-anomalies: option /windowDays must be >= 1', 'activity-anomalies: option /minHistory must be >= 0', 'activity-anomalies: option /unusualHourDistance must be <= 12',
      'activity-anomalies: option /deniedBurst must be >= 2', 'activity-anomalies: option /burstMinutes must be >= 1',
    ]],
    ['activity-anomalies', { windowDays: 1.5, minHistory: 'x', unusualHourDistance: 0, deniedBurst: 2.5, burstMinutes: 'x' }, [
      'activity-anomalies: option /windowDays must be integer', 'activity-anomalies: option /minHistory must be integer', 'activity-anomalies: option /unusualHourDistance must be >= 1',
      'activity-anomalies: option /deniedBurst must be integer', 'activity-anomalies: option /burstMinutes must be integer',
    ]],
    ['admin-policy-grants', { activityDays: 0 }, ['admin-policy-grants: option /activityDays must be >= 1']],
    ['admin-policy-grants', { activityDays: 'x' }, ['admin-policy-grants: option /activityDays must be integer']],
    ['cloudtrail-configuration', { trailName: 1, bucketName: true }, ['cloudtrail-configuration: option /trailName must be string', 'cloudtrail-configuration: option /bucketName must be string']],
    ['console-user-without-mfa', { includeKeyUsers: 'yes', policyName: 'no spaces' }, ['console-user-without-mfa: option /includeKeyUsers must be boolean', 'console-user-without-mfa: option /policyName must match pattern "^[\\w+=,.@-]+$"']],
    ['console-user-without-mfa', { policyName: 3 }, ['console-user-without-mfa: option /policyName must be string']],
    ['ec2-app-credentials', { activityDays: 0 }, ['ec2-app-credentials: option /activityDays must be >= 1']],
    ['ec2-app-credentials', { activityDays: 0.5 }, ['ec2-app-credentials: option /activityDays must be integer', 'ec2-app-credentials: option /activityDays must be >= 1']],
    ['generic-user-name', { names: 'admin', containing: [1], includeWithoutPassword: 1 }, ['generic-user-name: option /names must be array', 'generic-user-name: option /containing/0 must be string', 'generic-user-name: option /includeWithoutPassword must be boolean']],
    ['generic-user-name', { names: [2], containing: 'x' }, ['generic-user-name: option /names/0 must be string', 'generic-user-name: option /containing must be array']],
    ['inactive-user', { inactiveDays: 0 }, ['inactive-user: option /inactiveDays must be >= 1']],
    ['inactive-user', { inactiveDays: 'x' }, ['inactive-user: option /inactiveDays must be integer']],
    ['no-iam-administrator', { adminGroupName: 'a b', adminUserName: 'c/d' }, ['no-iam-administrator: option /adminGroupName must match pattern "^[\\w+=,.@-]+$"', 'no-iam-administrator: option /adminUserName must match pattern "^[\\w+=,.@-]+$"']],
    ['no-iam-administrator', { adminGroupName: 1, adminUserName: 2 }, ['no-iam-administrator: option /adminGroupName must be string', 'no-iam-administrator: option /adminUserName must be string']],
    ['overlapping-console-sessions', { windowDays: 0, sessionHours: 0.2, minOverlaps: 0 }, ['overlapping-console-sessions: option /windowDays must be >= 1', 'overlapping-console-sessions: option /sessionHours must be >= 0.25', 'overlapping-console-sessions: option /minOverlaps must be >= 1']],
    ['overlapping-console-sessions', { windowDays: 1.5, sessionHours: 37, minOverlaps: 'x' }, ['overlapping-console-sessions: option /windowDays must be integer', 'overlapping-console-sessions: option /sessionHours must be <= 36', 'overlapping-console-sessions: option /minOverlaps must be integer']],
    ['overlapping-console-sessions', { sessionHours: 'x' }, ['overlapping-console-sessions: option /sessionHours must be number']],
  ])('%s rejects %j', (id, options, want) => {
    expect(problems(id, options)).toEqual(want);
  });

  it.each([
    'access-key-rotation', 'activity-anomalies', 'admin-policy-grants', 'cloudtrail-configuration', 'console-user-without-mfa', 'ec2-app-credentials',
    'generic-user-name', 'inactive-user', 'multiple-active-access-keys', 'no-iam-administrator', 'overlapping-console-sessions',
  ])('%s rejects an unknown option and accepts its defaults', (id) => {
    expect(problems(id, {})).toEqual([]);
    expect(problems(id, { bogus: 1 })).toEqual([`${id}: option / must NOT have additional properties`]);
  });
});
