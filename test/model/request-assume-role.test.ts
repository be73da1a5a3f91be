import { describe, expect, it } from 'vitest';
import { assumeRole, instanceSession, type AssumeRoleInput } from '../../src/model/assume-role.js';
import { request } from '../../src/model/request.js';
import { signIn } from '../../src/model/sign-in.js';
import { ACCOUNT_ID, deepFreeze, fixture, mkRole, NOW } from './request-fixture.js';

const base = (over: Partial<AssumeRoleInput> = {}): AssumeRoleInput => ({
  principal: { kind: 'user', user: 'bob', via: 'access-key' },
  roleName: 'admin-role',
  sessionName: 'bob-admin',
  at: NOW,
  sourceIp: '203.0.113.5',
  ...over,
});

describe('assumeRole', () => {
  it('the trust policy must allow: admin-role requires MFA, so a key without a token is denied', () => {
    const r = assumeRole(fixture(), base());
    expect(r.outcome).toBe('denied');
    expect(r.session).toBeNull();
    expect(r.decision.effect).toBe('ImplicitDeny');
    expect(r.event).toMatchObject({ eventName: 'AssumeRole', eventSource: 'sts.amazonaws.com', errorCode: 'AccessDenied' });
    expect(Object.keys(r.account.sessions)).toEqual(['sess-admin']);
  });

  it('a console user signed in with MFA gets a session carrying MFA; the session then acts with the role', () => {
    const a0 = fixture();
    const s = signIn(a0, { user: 'alice', sourceIp: '203.0.113.5', at: '2025-06-01T11:50:00Z', mfa: true });
    expect(s.ok).toBe(true);
    const r = assumeRole(s.account, base({ principal: s.console!, sessionName: 'alice-ops', durationSeconds: 1800, tags: undefined }));
    expect(r.outcome).toBe('allowed');
    const sess = r.session!;
    expect(sess).toMatchObject({ roleName: 'admin-role', sessionName: 'alice-ops', mfaAuthenticated: true, mfaAuthTime: '2025-06-01T11:50:00Z', issued: NOW, expires: '2025-06-01T12:30:00Z', assumedBy: 'alice' });
    expect(sess.accessKeyId).toMatch(/^ASIA/);
    expect(r.account.sessions[sess.id]).toBe(sess);
    expect(r.event?.responseElements).toMatchObject({ assumedRoleUser: { arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/admin-role/alice-ops` } });
    expect(r.event?.requestParameters).toMatchObject({ roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role`, roleSessionName: 'alice-ops', durationSeconds: 1800 });
    const use = request(r.account, { principal: { kind: 'session', sessionId: sess.id }, action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT_ID}:user/x`, sourceIp: '203.0.113.5', at: '2025-06-01T12:10:00Z' });
    expect(use.outcome).toBe('allowed');
    expect(use.request?.context['aws:MultiFactorAuthPresent']).toBe('true');
    expect(use.request?.context['aws:MultiFactorAuthAge']).toBe('1200');
    const late = request(r.account, { principal: { kind: 'session', sessionId: sess.id }, action: 'iam:ListUsers', resource: '*', sourceIp: '203.0.113.5', at: '2025-06-01T12:31:00Z' });
    expect(late.outcome).toBe('rejected');
  });

  it('a long-term key with an MFA token passes an MFA trust condition', () => {
    const a = fixture();
    const r = assumeRole(a, base({ principal: { kind: 'user', user: 'alice', via: 'access-key' }, mfa: true }));
    expect(r.outcome).toBe('allowed');
    expect(r.request?.context['aws:MultiFactorAuthPresent']).toBe('true');
    expect(r.session?.mfaAuthenticated).toBe(true);
  });

  it('an inline session policy limits the session', () => {
    const a = fixture();
    const r = assumeRole(a, base({
      principal: { kind: 'user', user: 'alice', via: 'access-key' }, mfa: true,
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
    }));
    const id = r.session!.id;
    const mk = (action: string) => request(r.account, { principal: { kind: 'session', sessionId: id }, action, resource: 'arn:aws:s3:::data-bucket/k', sourceIp: '203.0.113.5', at: NOW });
    expect(mk('s3:GetObject').outcome).toBe('allowed');
    const put = mk('s3:PutObject');
    expect(put.outcome).toBe('denied');
    expect(put.decision.decidedBy).toBe('session');
  });

  it('session tags need sts:TagSession, which the trust policy must also allow', () => {
    const a = fixture();
    const denied = assumeRole(a, base({ principal: { kind: 'user', user: 'alice', via: 'access-key' }, mfa: true, tags: { project: 'x' } }));
    expect(denied.outcome).toBe('denied');
    const role = mkRole('tagger', {
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:user/bob` }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] },
    });
    const b = deepFreeze({ ...a, roles: { ...a.roles, tagger: role } });
    const ok = assumeRole(b, base({ roleName: 'tagger', tags: { project: 'x' } }));
    expect(ok.outcome).toBe('allowed');
    expect(ok.request?.context['aws:RequestTag/project']).toBe('x');
    expect(ok.request?.context['aws:TagKeys']).toEqual(['project']);
    expect(ok.session?.tags).toEqual({ project: 'x' });
  });

  it('the caller also needs an identity Allow? No: a trust policy naming the user ARN allows on its own (same account)', () => {
    const a = fixture();
    const role = mkRole('direct', {
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:user/carol` }, Action: 'sts:AssumeRole' }] },
    });
    const b = deepFreeze({ ...a, roles: { ...a.roles, direct: role } });
    expect(assumeRole(b, base({ principal: { kind: 'user', user: 'carol', via: 'console' }, roleName: 'direct' })).outcome).toBe('allowed');
  });

  it('validation errors are logged and nothing is evaluated; role chaining is limited to one hour', () => {
    const a = fixture();
    const bad = assumeRole(a, base({ sessionName: 'x' }));
    expect(bad.outcome).toBe('rejected');
    expect(bad.event?.errorCode).toBe('ValidationError');
    const long = assumeRole(a, base({ durationSeconds: 7200 }));
    expect(long.validationError).toContain('MaxSessionDuration');
    const chained = assumeRole(a, base({ principal: { kind: 'session', sessionId: 'sess-admin' }, durationSeconds: 3601 }));
    expect(chained.validationError).toContain('role chaining');
  });

  it('root cannot assume roles; an unknown role is AccessDenied; an inactive key is rejected', () => {
    const a = fixture();
    expect(assumeRole(a, base({ principal: { kind: 'root', via: 'console' } })).event?.errorMessage).toBe('Roles may not be assumed by root accounts.');
    const none = assumeRole(a, base({ roleName: 'ghost' }));
    expect(none.outcome).toBe('denied');
    expect(none.event?.errorCode).toBe('AccessDenied');
    const inactive = assumeRole(a, base({ principal: { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAALICE00000000002' } }));
    expect(inactive.outcome).toBe('rejected');
    expect(inactive.event?.errorCode).toBe('InvalidClientTokenId');
  });
});

describe('instanceSession', () => {
  it('issues a stored 6-hour session when the role trusts ec2.amazonaws.com, and later instance requests use it', () => {
    const r = instanceSession(fixture(), 'i-0abc', NOW);
    expect(r.ok).toBe(true);
    expect(r.session).toMatchObject({ roleName: 'app-role', sessionName: 'i-0abc', assumedBy: 'ec2:i-0abc', expires: '2025-06-01T18:00:00Z' });
    expect(r.event).toMatchObject({ eventName: 'AssumeRole', userIdentity: { type: 'AWSService' } });
    const use = request(r.account, { principal: { kind: 'instance', instanceId: 'i-0abc' }, action: 's3:GetObject', resource: 'arn:aws:s3:::data-bucket/k', sourceIp: '10.0.0.5', at: '2025-06-01T13:00:00Z' });
    expect(use.outcome).toBe('allowed');
    expect(use.event?.userIdentity.accessKeyId).toBe(r.session!.accessKeyId);
    expect(use.request?.context['aws:TokenIssueTime']).toBe(NOW);
  });

  it('fails when the role does not trust EC2, or the instance has no role', () => {
    const a = fixture();
    const untrusting = deepFreeze({ ...a, roles: { ...a.roles, 'app-role': { ...a.roles['app-role']!, trustPolicy: a.roles['admin-role']!.trustPolicy } } });
    const r = instanceSession(untrusting, 'i-0abc', NOW);
    expect(r.ok).toBe(false);
    expect(r.failure).toBe('not-trusted');
    expect(r.event?.errorCode).toBe('AccessDenied');
    expect(instanceSession(a, 'i-nope', NOW).failure).toBe('unknown-instance');
  });
});

describe('signIn', () => {
  it('success with MFA: ConsoleLogin Success, MFAUsed Yes, password last used', () => {
    const r = signIn(fixture(), { user: 'alice', sourceIp: '198.51.100.7', at: NOW, mfa: true });
    expect(r.ok).toBe(true);
    expect(r.event).toMatchObject({
      eventName: 'ConsoleLogin', eventSource: 'signin.amazonaws.com', eventType: 'AwsConsoleSignIn', sourceIPAddress: '198.51.100.7',
      responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'Yes' },
      userIdentity: { type: 'IAMUser', userName: 'alice' },
    });
    expect(r.event.errorMessage).toBeUndefined();
    expect(r.account.usage.passwords.get('alice')).toBe(NOW);
    expect(r.console).toEqual({ kind: 'user', user: 'alice', via: 'console', mfa: true, signedInAt: NOW });
  });

  it('success without MFA for a user without a device: MFAUsed No', () => {
    const r = signIn(fixture(), { user: 'carol', sourceIp: '198.51.100.7', at: NOW, mfa: false });
    expect(r.ok).toBe(true);
    expect(r.event.additionalEventData?.MFAUsed).toBe('No');
  });

  it.each([
    ['no login profile', 'bob', 'no-login-profile'],
    ['unknown user', 'mallory', 'unknown-user'],
    ['MFA device assigned but no code', 'alice', 'mfa-required'],
  ] as const)('failure: %s', (_n, user, failure) => {
    const a = fixture();
    const r = signIn(a, { user, sourceIp: '198.51.100.7', at: NOW, mfa: false });
    expect(r.ok).toBe(false);
    expect(r.failure).toBe(failure);
    expect(r.event.responseElements).toEqual({ ConsoleLogin: 'Failure' });
    expect(r.event.errorMessage).toBe('Failed authentication');
    expect(r.account.usage).toBe(a.usage);
    expect(r.account.activity.size).toBe(1);
    expect(r.console).toBeNull();
    if (user === 'mallory') expect(r.event.userIdentity.userName).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
  });

  it('root sign-in records the root password use', () => {
    const r = signIn(fixture(), { root: true, sourceIp: '198.51.100.7', at: NOW, mfa: false });
    expect(r.ok).toBe(true);
    expect(r.event.userIdentity.type).toBe('Root');
    expect(r.account.usage.passwords.get('<root_account>')).toBe(NOW);
  });
});
