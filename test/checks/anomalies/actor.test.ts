import { describe, expect, it } from 'vitest';
import { actorOf, isDenied, isSignIn, signInSucceeded } from '../../../src/checks/anomalies/actor.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { ACCOUNT, call, ROOT_ARN, signIn, userArn } from './events.js';

const withIdentity = (userIdentity: CloudTrailEvent['userIdentity']): CloudTrailEvent => call('2026-03-01T10:00:00Z', 'GetUser', 'alice', { userIdentity });

describe('actorOf', () => {
  it('names an IAM user by its user name and keeps the access key it used', () => {
    const e = withIdentity({ type: 'IAMUser', principalId: 'AIDA1', arn: userArn('alice'), accountId: ACCOUNT, userName: 'alice', accessKeyId: 'AKIA1' });
    expect(actorOf(e)).toEqual({ kind: 'user', arn: userArn('alice'), name: 'alice', accessKeyId: 'AKIA1' });
  });

  it('takes an IAM user name from the last path segment of the ARN when the log has no userName', () => {
    const e = withIdentity({ type: 'IAMUser', principalId: 'AIDA1', arn: `arn:aws:iam::${ACCOUNT}:user/ops/team/bob`, accountId: ACCOUNT });
    expect(actorOf(e)).toEqual({ kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/ops/team/bob`, name: 'bob' });
  });

  it('records no access key when the log has none or an empty one', () => {
    expect(actorOf(withIdentity({ type: 'IAMUser', principalId: 'P', arn: userArn('a'), accountId: ACCOUNT, userName: 'a', accessKeyId: '' }))).toEqual({ kind: 'user', arn: userArn('a'), name: 'a' });
    expect('accessKeyId' in actorOf(withIdentity({ type: 'IAMUser', principalId: 'P', arn: userArn('a'), accountId: ACCOUNT, userName: 'a' }))).toBe(false);
  });

  it('makes root the actor of root calls', () => {
    expect(actorOf(withIdentity({ type: 'Root', principalId: ACCOUNT, arn: ROOT_ARN, accountId: ACCOUNT, accessKeyId: 'AKIAROOT' }))).toEqual({ kind: 'root', arn: ROOT_ARN, name: 'root', accessKeyId: 'AKIAROOT' });
  });

  it('counts a role session as its role, so all sessions share one baseline', () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/deploy`;
    const e = withIdentity({
      type: 'AssumedRole', principalId: 'AROA1:s1', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/s1`, accountId: ACCOUNT, accessKeyId: 'ASIA1',
      sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2026-03-01T09:00:00Z' }, sessionIssuer: { type: 'Role', principalId: 'AROA1', arn: roleArn, accountId: ACCOUNT, userName: 'deploy' } },
    });
    expect(actorOf(e)).toEqual({ kind: 'role', arn: roleArn, name: 'deploy', accessKeyId: 'ASIA1' });
  });

  it('falls back to the session ARN for an assumed role without a session issuer', () => {
    const arn = `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/s1`;
    expect(actorOf(withIdentity({ type: 'AssumedRole', principalId: 'AROA1:s1', arn, accountId: ACCOUNT }))).toEqual({ kind: 'other', arn, name: arn });
  });

  it('names federated users and AWS services by ARN, or by principal id when the ARN is empty', () => {
    const fed = `arn:aws:sts::${ACCOUNT}:federated-user/carol`;
    expect(actorOf(withIdentity({ type: 'FederatedUser', principalId: 'P1', arn: fed, accountId: ACCOUNT }))).toEqual({ kind: 'other', arn: fed, name: fed });
    expect(actorOf(withIdentity({ type: 'AWSService', principalId: 'ec2.amazonaws.com', arn: '', accountId: ACCOUNT }))).toEqual({ kind: 'other', arn: '', name: 'ec2.amazonaws.com' });
  });

  it('reports an identity type it does not know as other, named by the type', () => {
    const e = withIdentity({ type: 'SAMLUser' as never, principalId: 'P', arn: 'x', accountId: ACCOUNT });
    expect(actorOf(e)).toEqual({ kind: 'other', arn: 'SAMLUser', name: 'SAMLUser' });
  });
});

describe('isDenied', () => {
  const withCode = (errorCode?: string): CloudTrailEvent => call('2026-03-01T10:00:00Z', 'GetUser', 'alice', errorCode === undefined ? {} : { errorCode });
  it.each([
    ['AccessDenied', true],
    ['AccessDeniedException', true],
    ['Client.UnauthorizedOperation', true],
    ['UnauthorizedAccess', true],
    ['accessdenied', true],
    ['NoSuchEntity', false],
    ['ThrottlingException', false],
  ])('%s is a denial: %s', (code, want) => {
    expect(isDenied(withCode(code))).toBe(want);
  });
  it('a call without an error code is not a denial', () => {
    expect(isDenied(withCode())).toBe(false);
  });
});

describe('isSignIn and signInSucceeded', () => {
  it('a ConsoleLogin event is a sign-in, and so is any AwsConsoleSignIn event', () => {
    expect(isSignIn(signIn('2026-03-01T10:00:00Z', 'alice', '1.1.1.1'))).toBe(true);
    expect(isSignIn(call('2026-03-01T10:00:00Z', 'CheckMfa', 'alice', { eventType: 'AwsConsoleSignIn' }))).toBe(true);
    expect(isSignIn(call('2026-03-01T10:00:00Z', 'ConsoleLogin', 'alice', { eventType: 'AwsApiCall' }))).toBe(true);
    expect(isSignIn(call('2026-03-01T10:00:00Z', 'GetUser'))).toBe(false);
  });

  it('a sign-in succeeded when it has no error and its response says Success or says nothing', () => {
    const at = '2026-03-01T10:00:00Z';
    expect(signInSucceeded(signIn(at, 'alice', '1.1.1.1'))).toBe(true);
    expect(signInSucceeded(signIn(at, 'alice', '1.1.1.1', 'No', { responseElements: null }))).toBe(true);
    expect(signInSucceeded(signIn(at, 'alice', '1.1.1.1', 'No', { responseElements: {} }))).toBe(true);
    expect(signInSucceeded(signIn(at, 'alice', '1.1.1.1', 'No', { responseElements: { ConsoleLogin: 'Failure' } }))).toBe(false);
    expect(signInSucceeded(signIn(at, 'alice', '1.1.1.1', 'No', { errorCode: 'Failed authentication' }))).toBe(false);
  });
});
