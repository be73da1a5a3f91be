import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request, type RequestOutcome } from '../../src/model/request.js';
import type { Call, CallPrincipal } from '../../src/model/request-context.js';
import { ROOT, type Account } from '../../src/model/types.js';
import { ACCOUNT_ID, deepFreeze, fixture, mkUser, NOW, orgFixture } from './request-fixture.js';

const OBJ = 'arn:aws:s3:::data-bucket/reports/q1.csv';
const ALICE_KEY: CallPrincipal = { kind: 'user', user: 'alice', via: 'access-key' };
const BOB_KEY: CallPrincipal = { kind: 'user', user: 'bob', via: 'access-key' };
const call = (principal: CallPrincipal, action: string, over: Partial<Call> = {}): Call =>
  ({ principal, action, resource: OBJ, sourceIp: '203.0.113.5', at: NOW, region: 'eu-west-1', ...over });

function withUser(a: Account, name: string, attached: string[]): Account {
  return deepFreeze({ ...a, users: { ...a.users, [name]: mkUser(name, { attachedPolicies: attached, accessKeys: [{ id: `AKIA${name.toUpperCase().padEnd(16, '0')}`, status: 'Active', created: NOW }] }) } });
}

describe('requests against AWS managed policies give the documented answers', () => {
  it('ReadOnlyAccess (through a group) allows s3:GetObject and denies s3:PutObject', () => {
    const a = fixture();
    expect(request(a, call(ALICE_KEY, 's3:GetObject')).outcome).toBe('allowed');
    const put = request(a, call(ALICE_KEY, 's3:PutObject'));
    expect(put.outcome).toBe('denied');
    expect(put.decision.effect).toBe('ImplicitDeny');
  });

  it('ReadOnlyAccess allows iam:ListUsers and ec2:DescribeInstances but not iam:CreateUser', () => {
    const a = fixture();
    expect(request(a, call(ALICE_KEY, 'iam:ListUsers', { resource: '*' })).outcome).toBe('allowed');
    expect(request(a, call(ALICE_KEY, 'ec2:DescribeInstances', { resource: '*' })).outcome).toBe('allowed');
    expect(request(a, call(ALICE_KEY, 'iam:CreateUser', { resource: `arn:aws:iam::${ACCOUNT_ID}:user/x` })).outcome).toBe('denied');
  });

  it('AdministratorAccess allows anything, and is denied by an SCP Deny in a member account', () => {
    expect(request(fixture(), call(BOB_KEY, 's3:PutObject')).outcome).toBe('allowed');
    const r = request(orgFixture(), call(BOB_KEY, 's3:PutObject'));
    expect(r.decision.effect).toBe('ExplicitDeny');
    expect(r.decision.decidedBy).toBe('scp');
    expect(r.event?.errorCode).toBe('AccessDenied');
    expect(r.event?.errorMessage).toContain('with an explicit deny in a service control policy');
    expect(request(orgFixture(), call(BOB_KEY, 's3:GetObject')).outcome).toBe('allowed');
  });

  it('SCPs do not bind the management account, nor service-linked roles', () => {
    expect(request(orgFixture({ management: true }), call(BOB_KEY, 's3:PutObject')).outcome).toBe('allowed');
    const org = orgFixture();
    const slr = { ...org.sessions['sess-admin']!, id: 'sess-slr', roleName: 'AWSServiceRoleForSupport', sessionName: 'support' };
    const a = deepFreeze({ ...org, sessions: { ...org.sessions, 'sess-slr': slr } });
    expect(request(a, call({ kind: 'session', sessionId: 'sess-slr' }, 's3:PutObject')).outcome).toBe('allowed');
    expect(request(a, call({ kind: 'session', sessionId: 'sess-admin' }, 's3:PutObject')).outcome).toBe('denied');
  });

  it('SCPs bind a member account root user; root is otherwise allowed', () => {
    const root: CallPrincipal = { kind: 'root', via: 'console' };
    expect(request(fixture(), call(root, 's3:PutObject')).outcome).toBe('allowed');
    expect(request(orgFixture(), call(root, 's3:PutObject')).outcome).toBe('denied');
  });

  it('PowerUserAccess allows s3:PutObject and denies iam:CreateUser; IAMFullAccess the reverse', () => {
    const a = withUser(withUser(fixture(), 'pu', ['arn:aws:iam::aws:policy/PowerUserAccess']), 'iamadm', ['arn:aws:iam::aws:policy/IAMFullAccess']);
    const pu: CallPrincipal = { kind: 'user', user: 'pu', via: 'access-key' };
    const ia: CallPrincipal = { kind: 'user', user: 'iamadm', via: 'access-key' };
    const iamRes = { resource: `arn:aws:iam::${ACCOUNT_ID}:user/x` };
    expect(request(a, call(pu, 's3:PutObject')).outcome).toBe('allowed');
    expect(request(a, call(pu, 'iam:CreateUser', iamRes)).outcome).toBe('denied');
    expect(request(a, call(ia, 'iam:CreateUser', iamRes)).outcome).toBe('allowed');
    expect(request(a, call(ia, 's3:PutObject')).outcome).toBe('denied');
  });

  it('AWSDenyAll denies even next to AdministratorAccess (explicit deny)', () => {
    const a = withUser(fixture(), 'locked', ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/AWSDenyAll']);
    const r = request(a, call({ kind: 'user', user: 'locked', via: 'access-key' }, 's3:GetObject'));
    expect(r.decision.effect).toBe('ExplicitDeny');
    expect(r.decision.decidedBy).toBe('identity');
  });

  it('a permissions boundary limits an inline grant', () => {
    const carol: CallPrincipal = { kind: 'user', user: 'carol', via: 'console' };
    expect(request(fixture(), call(carol, 's3:PutObject')).outcome).toBe('allowed');
    const r = request(fixture(), call(carol, 'ec2:RunInstances', { resource: '*' }));
    expect(r.decision.decidedBy).toBe('boundary');
    expect(r.event?.errorMessage).toContain('because no permissions boundary allows the ec2:RunInstances action');
  });

  it('a bucket policy Deny on a condition is honoured (aws:SecureTransport)', () => {
    const base = fixture();
    const a = deepFreeze({
      ...base,
      resources: {
        ...base.resources,
        'arn:aws:s3:::data-bucket': {
          ...base.resources['arn:aws:s3:::data-bucket']!,
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data-bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] },
        },
      },
    });
    expect(request(a, call(BOB_KEY, 's3:GetObject')).outcome).toBe('allowed');
    const r = request(a, call(BOB_KEY, 's3:GetObject', { secureTransport: false }));
    expect(r.decision.effect).toBe('ExplicitDeny');
    expect(r.decision.decidedBy).toBe('resource');
  });
});

describe('actions that need no permission', () => {
  it('sts:GetCallerIdentity is allowed even under AWSDenyAll, and still logged', () => {
    const a = withUser(fixture(), 'locked', ['arn:aws:iam::aws:policy/AWSDenyAll']);
    const r = request(a, call({ kind: 'user', user: 'locked', via: 'access-key' }, 'sts:GetCallerIdentity', { resource: '*' }));
    expect(r.outcome).toBe('allowed');
    expect(r.decision.determining[0]?.policyId).toBe('aws:no-permission-required');
    expect(r.event?.eventName).toBe('GetCallerIdentity');
    expect(request(a, call({ kind: 'user', user: 'locked', via: 'access-key' }, 'sts:GetSessionToken', { resource: '*' })).outcome).toBe('denied');
  });
});

describe('rejected credentials', () => {
  it('an inactive key is rejected before evaluation: InvalidClientTokenId logged, no usage recorded', () => {
    const a = fixture();
    const r = request(a, call({ kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAALICE00000000002' }, 's3:GetObject'));
    expect(r.outcome).toBe('rejected');
    expect(r.rejection?.code).toBe('inactive-access-key');
    expect(r.request).toBeNull();
    expect(r.decision.determining).toEqual([]);
    expect(r.event?.errorCode).toBe('InvalidClientTokenId');
    expect(r.event?.userIdentity.accessKeyId).toBe('AKIAALICE00000000002');
    expect(r.account.activity.size).toBe(1);
    expect(r.account.usage).toBe(a.usage);
  });

  it('an unknown key is rejected and not logged (AWS cannot tell which account)', () => {
    const a = fixture();
    const r = request(a, call({ kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAUNKNOWN000000000' }, 's3:GetObject'));
    expect(r.outcome).toBe('rejected');
    expect(r.event).toBeNull();
    expect(r.account).toBe(a);
  });

  it('an expired session is rejected with ExpiredToken', () => {
    const r = request(fixture(), call({ kind: 'session', sessionId: 'sess-admin' }, 's3:GetObject', { at: '2025-06-02T00:00:00Z' }));
    expect(r.outcome).toBe('rejected');
    expect(r.event?.errorCode).toBe('ExpiredToken');
    expect(r.event?.userIdentity.type).toBe('AssumedRole');
  });

  it('a console request by a user without a login profile is refused', () => {
    const r = request(fixture(), call({ kind: 'user', user: 'bob', via: 'console' }, 's3:GetObject'));
    expect(r.outcome).toBe('rejected');
    expect(r.rejection?.code).toBe('no-login-profile');
  });
});

describe('side effects', () => {
  it('logs a CloudTrail event with AWS field names', () => {
    const r = request(fixture(), call(ALICE_KEY, 's3:GetObject'));
    const e = r.event!;
    expect(e).toMatchObject({
      eventVersion: '1.09',
      eventTime: NOW,
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      eventType: 'AwsApiCall',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '203.0.113.5',
      recipientAccountId: ACCOUNT_ID,
      resources: [{ ARN: OBJ }],
      iamsimResource: OBJ,
      userIdentity: { type: 'IAMUser', principalId: 'AIDAALICEXXXXXXXXXXX', arn: `arn:aws:iam::${ACCOUNT_ID}:user/alice`, accountId: ACCOUNT_ID, userName: 'alice', accessKeyId: 'AKIAALICE00000000001' },
    });
    expect(e.errorCode).toBeUndefined();
    expect(e.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4000-8000-[0-9a-f]{12}$/);
    expect(r.account.activity.last()).toBe(e);
    expect(r.account.seq).toBe(1);
  });

  it('a denied request logs AccessDenied (EC2: Client.UnauthorizedOperation) with the AWS message', () => {
    const r = request(fixture(), call(ALICE_KEY, 's3:PutObject'));
    expect(r.event?.errorCode).toBe('AccessDenied');
    expect(r.event?.errorMessage).toBe(`User: arn:aws:iam::${ACCOUNT_ID}:user/alice is not authorized to perform: s3:PutObject on resource: ${OBJ} because no identity-based policy allows the s3:PutObject action`);
    const ec2 = request(fixture(), call(ALICE_KEY, 'ec2:RunInstances', { resource: '*' }));
    expect(ec2.event?.errorCode).toBe('Client.UnauthorizedOperation');
    expect(ec2.event?.resources).toBeUndefined();
  });

  it('IAM events are logged in us-east-1 whatever region was named', () => {
    expect(request(fixture(), call(ALICE_KEY, 'iam:ListUsers', { resource: '*' })).event?.awsRegion).toBe('us-east-1');
  });

  it('records access key last used (date, service, region), even for a denied call', () => {
    const r = request(fixture(), call(ALICE_KEY, 's3:PutObject'));
    expect(r.account.usage.accessKeys.get('AKIAALICE00000000001')).toEqual({ date: NOW, service: 's3', region: 'eu-west-1' });
  });

  it('a console request records password last used at the sign-in time, never moving it back', () => {
    const p: CallPrincipal = { kind: 'user', user: 'alice', via: 'console', mfa: true, signedInAt: '2025-06-01T10:00:00Z' };
    const r1 = request(fixture(), call(p, 's3:GetObject'));
    expect(r1.account.usage.passwords.get('alice')).toBe('2025-06-01T10:00:00Z');
    expect(r1.account.usage.accessKeys.size).toBe(0);
    expect(r1.event?.userIdentity.sessionContext?.attributes).toEqual({ mfaAuthenticated: 'true', creationDate: '2025-06-01T10:00:00Z' });
    const r2 = request(r1.account, call({ ...p, signedInAt: '2025-05-01T10:00:00Z' } as CallPrincipal, 's3:GetObject'));
    expect(r2.account.usage.passwords.get('alice')).toBe('2025-06-01T10:00:00Z');
    const root = request(fixture(), call({ kind: 'root', via: 'console' }, 's3:GetObject'));
    expect(root.account.usage.passwords.get(ROOT)).toBe(NOW);
  });

  it('a role session records role last used and Access Advisor for the role; the event names the session issuer', () => {
    const r = request(fixture(), call({ kind: 'session', sessionId: 'sess-admin' }, 'lambda:InvokeFunction', { resource: `arn:aws:lambda:eu-west-1:${ACCOUNT_ID}:function:f` }));
    expect(r.account.usage.roles.get('admin-role')).toEqual({ date: NOW, region: 'eu-west-1' });
    const rec = r.account.usage.services.get(`arn:aws:iam::${ACCOUNT_ID}:role/admin-role`)?.get('lambda');
    expect(rec).toEqual({
      ServiceNamespace: 'lambda', LastAuthenticated: NOW, LastAuthenticatedEntity: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role`,
      LastAuthenticatedRegion: 'eu-west-1', TotalAuthenticatedEntities: 1, TrackedActionsLastAccessed: { InvokeFunction: NOW },
    });
    expect(r.event?.userIdentity).toMatchObject({
      type: 'AssumedRole', principalId: 'AROAADMINROLEXXXXXXX:alice-admin', accessKeyId: 'ASIAADMINSESSION0001',
      sessionContext: { attributes: { mfaAuthenticated: 'true' }, sessionIssuer: { type: 'Role', userName: 'admin-role', arn: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role` } },
    });
  });

  it('Access Advisor: user and each group; groups count distinct members; tracked actions only for s3/iam/ec2/lambda', () => {
    let a = fixture();
    const userArn = `arn:aws:iam::${ACCOUNT_ID}:user/alice`;
    const groupArn = `arn:aws:iam::${ACCOUNT_ID}:group/readers`;
    a = request(a, call(ALICE_KEY, 's3:GetObject', { at: '2025-06-01T12:00:00Z' })).account;
    a = request(a, call(ALICE_KEY, 's3:ListBucket', { resource: 'arn:aws:s3:::data-bucket', at: '2025-06-01T12:05:00Z' })).account;
    a = request(a, call(ALICE_KEY, 'sqs:ListQueues', { resource: '*', at: '2025-06-01T12:06:00Z' })).account;
    const u = a.usage.services.get(userArn)!;
    expect(u.get('s3')?.LastAuthenticated).toBe('2025-06-01T12:05:00Z');
    expect(u.get('s3')?.TrackedActionsLastAccessed).toEqual({ GetObject: '2025-06-01T12:00:00Z', ListBucket: '2025-06-01T12:05:00Z' });
    expect(u.get('sqs')?.TrackedActionsLastAccessed).toBeUndefined();
    const g = a.usage.services.get(groupArn)!.get('s3')!;
    expect(g.LastAuthenticatedEntity).toBe(userArn);
    expect(g.TotalAuthenticatedEntities).toBe(1);
  });

  it('Access Advisor uses the group ARN with its path, and tracked action times never move backwards', () => {
    const base = fixture();
    const a = deepFreeze({ ...base, groups: { readers: { ...base.groups.readers!, path: '/ops/', arn: `arn:aws:iam::${ACCOUNT_ID}:group/ops/readers` } } });
    const r1 = request(a, call(ALICE_KEY, 's3:GetObject', { at: '2025-06-01T12:00:00Z' }));
    const r2 = request(r1.account, call(ALICE_KEY, 's3:GetObject', { at: '2025-06-01T11:00:00Z' }));
    expect(r2.account.usage.services.get(`arn:aws:iam::${ACCOUNT_ID}:group/ops/readers`)?.get('s3')?.LastAuthenticated).toBe('2025-06-01T12:00:00Z');
    const user = r2.account.usage.services.get(`arn:aws:iam::${ACCOUNT_ID}:user/alice`)!.get('s3')!;
    expect(user.LastAuthenticated).toBe('2025-06-01T12:00:00Z');
    expect(user.TrackedActionsLastAccessed).toEqual({ GetObject: '2025-06-01T12:00:00Z' });
  });

  it('the instance role: synthesised session, role last used, AssumedRole identity named after the instance', () => {
    const r = request(fixture(), call({ kind: 'instance', instanceId: 'i-0abc', application: 'web' }, 's3:GetObject'));
    expect(r.outcome).toBe('allowed');
    expect(r.event?.userIdentity.arn).toBe(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/app-role/i-0abc`);
    expect(r.account.usage.roles.get('app-role')?.date).toBe(NOW);
    expect(Object.keys(r.account.sessions)).toEqual(['sess-admin']);
  });

  it('an application on an instance with a user key acts as that user', () => {
    const r = request(fixture(), call({ kind: 'instance', instanceId: 'i-0abc', application: 'legacy' }, 's3:PutObject'));
    expect(r.outcome).toBe('allowed');
    expect(r.event?.userIdentity.userName).toBe('bob');
    expect(r.account.usage.accessKeys.get('AKIABOB0000000000001')?.service).toBe('s3');
  });
});

describe('cached policy sets follow account changes', () => {
  it('a group losing its policy, a new customer policy version, or a new SCP is seen by the next request', () => {
    const a = fixture();
    expect(request(a, call(ALICE_KEY, 's3:GetObject')).outcome).toBe('allowed');
    const noGroupPolicy = deepFreeze({ ...a, groups: { readers: { ...a.groups.readers!, attachedPolicies: [] } } });
    expect(request(noGroupPolicy, call(ALICE_KEY, 's3:GetObject')).outcome).toBe('denied');
    expect(request(a, call(ALICE_KEY, 's3:GetObject')).outcome).toBe('allowed');

    const carol: CallPrincipal = { kind: 'user', user: 'carol', via: 'console' };
    expect(request(a, call(carol, 's3:GetObject')).outcome).toBe('allowed');
    const arn = `arn:aws:iam::${ACCOUNT_ID}:policy/s3-only`;
    const p = a.policies[arn]!;
    const narrowed = deepFreeze({ ...a, policies: { [arn]: { ...p, versions: [...p.versions, { id: 'v2', created: NOW, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] } }], defaultVersion: 'v2' } } });
    expect(request(narrowed, call(carol, 's3:GetObject')).decision.decidedBy).toBe('boundary');

    expect(request(a, call(BOB_KEY, 's3:PutObject')).outcome).toBe('allowed');
    expect(request(orgFixture(), call(BOB_KEY, 's3:PutObject')).outcome).toBe('denied');
    expect(request(orgFixture({ scpDeny: ['ec2:*'] }), call(BOB_KEY, 's3:PutObject')).outcome).toBe('allowed');
  });
});

describe('structural sharing', () => {
  const principals: CallPrincipal[] = [
    ALICE_KEY, BOB_KEY,
    { kind: 'user', user: 'alice', via: 'console', mfa: true },
    { kind: 'user', user: 'carol', via: 'console' },
    { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAALICE00000000002' },
    { kind: 'root', via: 'console' },
    { kind: 'session', sessionId: 'sess-admin' },
    { kind: 'instance', instanceId: 'i-0abc' },
    { kind: 'instance', instanceId: 'i-0abc', application: 'legacy' },
  ];
  const actions = ['s3:GetObject', 's3:PutObject', 'iam:ListUsers', 'ec2:RunInstances', 'lambda:InvokeFunction', 'sts:GetCallerIdentity'];
  const CONFIG = ['organization', 'root', 'users', 'groups', 'roles', 'policies', 'instanceProfiles', 'instances', 'resources', 'passwordPolicy', 'trails', 'sessions', 'people'] as const;

  it('PURE-SHARED: any sequence of requests leaves every configuration record === the input account\'s, and the input untouched', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ p: fc.nat(principals.length - 1), a: fc.nat(actions.length - 1), minute: fc.nat(50) }), { minLength: 1, maxLength: 12 }),
      (steps) => {
        const start = orgFixture();
        const snapshot = JSON.stringify({ ...start, usage: null, activity: start.activity.toJS() });
        let acc = start;
        let outcomes: RequestOutcome[] = [];
        for (const s of steps) {
          const r = request(acc, call(principals[s.p]!, actions[s.a]!, { at: `2025-06-01T12:${String(s.minute).padStart(2, '0')}:00Z` }));
          outcomes = [...outcomes, r];
          acc = r.account;
        }
        for (const k of CONFIG) expect(acc[k], k).toBe(start[k]);
        for (const u of Object.keys(start.users)) expect(acc.users[u]).toBe(start.users[u]);
        expect(JSON.stringify({ ...start, usage: null, activity: start.activity.toJS() })).toBe(snapshot);
        expect(start.activity.size).toBe(0);
        expect(acc.activity.size).toBe(outcomes.filter((o) => o.event !== null).length);
        expect(acc.seq).toBe(acc.activity.size);
      },
    ), { numRuns: 60 });
  });
});
