import { describe, expect, it } from 'vitest';
import { mfaEnforcement, MFA_SELF_SERVICE_ACTIONS, REQUIRE_MFA_POLICY } from '../../../src/checks/lib/mfa-policy.js';
import { freshNames, perPersonCalls } from '../../../src/checks/lib/per-person.js';
import { documentsOf, grantsAny, isAdminDocs, isPrivilegedDocs, isPrivilegedUser, userDocuments } from '../../../src/checks/lib/privilege.js';
import { accountRef, loginProfileRef, passwordPolicyRef, rootKeyRef, rootRef, userKeyRef, userRef } from '../../../src/checks/lib/refs.js';
import { ROOT_TASKS, rootTaskOf, SIGN_IN_EVENTS } from '../../../src/checks/lib/root-tasks.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, ACCOUNT_ID, ADMIN_ARN, group, loginProfile, user } from '../fixtures.js';

const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const deny = (extra: object): PolicyDocument => doc({ Effect: 'Deny', NotAction: ['iam:ChangePassword'], Resource: '*', ...extra });

describe('mfaEnforcement', () => {
  it('the shipped policy denies everything but MFA self-service when MFA is absent, for keys too', () => {
    expect(mfaEnforcement(REQUIRE_MFA_POLICY)).toEqual({ ifExists: true });
    expect(REQUIRE_MFA_POLICY.Statement).toEqual([{
      Sid: 'DenyAllExceptMfaSelfServiceUnlessSignedInWithMFA', Effect: 'Deny', NotAction: MFA_SELF_SERVICE_ACTIONS, Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    }]);
    expect(MFA_SELF_SERVICE_ACTIONS).toEqual([
      'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices',
      'iam:ResyncMFADevice', 'iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'sts:GetSessionToken',
    ]);
  });

  it('a plain Bool covers console sessions only; BoolIfExists covers access keys too', () => {
    expect(mfaEnforcement(deny({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))).toEqual({ ifExists: false });
    expect(mfaEnforcement(deny({ Condition: { boolifexists: { 'AWS:MultiFactorAuthPresent': ['FALSE'] } } }))).toEqual({ ifExists: true });
    expect(mfaEnforcement(deny({ Condition: { BOOL: { 'aws:multifactorauthpresent': false } } }))).toEqual({ ifExists: false });
  });

  it('prefers BoolIfExists whichever statement or operator comes first', () => {
    const bool = { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } };
    const ifExists = { ...bool, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
    expect(mfaEnforcement(doc(ifExists, bool))).toEqual({ ifExists: true });
    expect(mfaEnforcement(doc(bool, ifExists))).toEqual({ ifExists: true });
    expect(mfaEnforcement(doc({ ...bool, Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' }, Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))).toEqual({ ifExists: true });
  });

  it('accepts Action * as well as NotAction, and a single statement object', () => {
    expect(mfaEnforcement({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: ['s3:*', '*'], Resource: ['arn:aws:s3:::x', '*'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } } } as unknown as PolicyDocument)).toEqual({ ifExists: false });
  });

  it.each([
    ['an Allow', { Effect: 'Allow', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['a deny on some resources', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: 'arn:aws:s3:::x', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['a deny without Resource', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['a deny of some actions', { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['a deny without Action or NotAction', { Effect: 'Deny', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['an unconditional deny', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' }],
    ['a null condition', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: null }],
    ['a condition on another operator', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { StringEquals: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['a null Bool block', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { Bool: null } }],
    ['a condition on another key', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
    ['a condition on MFA present', { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
  ])('does not count %s', (_name, statement) => {
    expect(mfaEnforcement(doc(statement))).toBeNull();
  });

  it('skips statements that are not objects, and a document without statements', () => {
    expect(mfaEnforcement({ Version: '2012-10-17', Statement: [null, 'x', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }] } as unknown as PolicyDocument)).toEqual({ ifExists: false });
    expect(mfaEnforcement({ Version: '2012-10-17' } as unknown as PolicyDocument)).toBeNull();
  });
});

describe('privilege', () => {
  it('grantsAny finds an unconditional Allow of one of the actions (any case) on *', () => {
    expect(grantsAny(doc({ Effect: 'Allow', Action: 'IAM:*', Resource: '*' }), ['iam:*'])).toBe(true);
    expect(grantsAny(doc({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::b', '*'] }), ['*'])).toBe(true);
    expect(grantsAny({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } as unknown as PolicyDocument, ['*'])).toBe(true);
  });

  it.each([
    ['no document', undefined],
    ['a Deny', doc({ Effect: 'Deny', Action: '*', Resource: '*' })],
    ['a conditional Allow', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })],
    ['a NotAction Allow', doc({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' })],
    ['an Allow on one resource', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' })],
    ['an Allow of other actions', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
    ['statements that are not objects', { Version: '2012-10-17', Statement: [null, 7] } as unknown as PolicyDocument],
  ])('grantsAny is false for %s', (_name, d) => {
    expect(grantsAny(d, ['*', 'iam:*'])).toBe(false);
  });

  it('isAdminDocs needs * (or *:*); isPrivilegedDocs also accepts iam:*', () => {
    const iam = doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
    const star = doc({ Effect: 'Allow', Action: '*:*', Resource: '*' });
    expect([isAdminDocs([iam]), isPrivilegedDocs([iam])]).toEqual([false, true]);
    expect([isAdminDocs([star]), isPrivilegedDocs([star])]).toEqual([true, true]);
    expect([isAdminDocs([]), isPrivilegedDocs([])]).toEqual([false, false]);
  });

  it('documentsOf lists inline documents, then attached ones that exist', () => {
    const inline = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const u = user('alice', { inlinePolicies: { p: inline }, attachedPolicies: [ADMIN_ARN, 'arn:aws:iam::111122223333:policy/gone'] });
    const docs = documentsOf(account({ users: [u] }), u);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toBe(inline);
    expect(isAdminDocs(docs.slice(1))).toBe(true);
  });

  it('userDocuments adds the documents of the groups the user is in, skipping groups that do not exist', () => {
    const g = group('admins', { attachedPolicies: [ADMIN_ARN] });
    const u = user('alice', { groups: ['admins', 'gone', 'toString'] });
    const a = account({ users: [u], groups: [g] });
    expect(userDocuments(a, u)).toHaveLength(1);
    expect(isPrivilegedUser(a, u)).toBe(true);
    expect(isPrivilegedUser(account({ users: [u] }), u)).toBe(false);
  });
});

describe('per-person calls', () => {
  it('freshNames skips names that exist, capped at 64 characters', () => {
    const a = account({ users: [user('ops-1'), user('ops-3')] });
    expect(freshNames(a, 'ops', 3)).toEqual(['ops-2', 'ops-4', 'ops-5']);
  });

  it('freshNames shortens a long base so that every name is distinct and at most 64 characters', () => {
    const long = `shared-${'x'.repeat(57)}`;
    expect(long).toHaveLength(64);
    const names = freshNames(account({ users: [user(long)] }), long, 12);
    expect(names[0]).toBe(`${long.slice(0, 62)}-1`);
    expect(names[11]).toBe(`${long.slice(0, 61)}-12`);
    expect(new Set(names).size).toBe(12);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(64);
    expect(freshNames(account(), 'y'.repeat(62), 1)).toEqual([`${'y'.repeat(62)}-1`]);
  });

  it('creates one user per person with the shared user\'s path, groups and managed policies, then deletes the console password', () => {
    const u = user('team', { path: '/ops/', groups: ['devs'], attachedPolicies: [ADMIN_ARN], loginProfile: loginProfile() });
    expect(perPersonCalls(account({ users: [u] }), u, 2, { kind: 'console' })).toEqual([
      { op: 'CreateUser', input: { UserName: 'team-1', Path: '/ops/' } },
      { op: 'AddUserToGroup', input: { GroupName: 'devs', UserName: 'team-1' } },
      { op: 'AttachUserPolicy', input: { UserName: 'team-1', PolicyArn: ADMIN_ARN } },
      { op: 'CreateUser', input: { UserName: 'team-2', Path: '/ops/' } },
      { op: 'AddUserToGroup', input: { GroupName: 'devs', UserName: 'team-2' } },
      { op: 'AttachUserPolicy', input: { UserName: 'team-2', PolicyArn: ADMIN_ARN } },
      { op: 'DeleteLoginProfile', input: { UserName: 'team' } },
    ]);
  });

  it('creates at least one user, leaves a user without a password alone, and deactivates a shared key', () => {
    const u = user('svc');
    expect(perPersonCalls(account({ users: [u] }), u, 0, { kind: 'console' })).toEqual([{ op: 'CreateUser', input: { UserName: 'svc-1', Path: '/' } }]);
    expect(perPersonCalls(account({ users: [u] }), u, 1, { kind: 'access-key', keyId: 'AKIA1' })).toEqual([
      { op: 'CreateUser', input: { UserName: 'svc-1', Path: '/' } },
      { op: 'UpdateAccessKey', input: { UserName: 'svc', AccessKeyId: 'AKIA1', Status: 'Inactive' } },
    ]);
  });
});

describe('resource references', () => {
  it('names each resource by a stable ARN', () => {
    const a = account();
    const u = user('alice');
    expect(accountRef(a)).toEqual({ kind: 'account', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, name: ACCOUNT_ID });
    expect(accountRef({ ...a, alias: 'prod' })).toEqual({ kind: 'account', arn: `arn:aws:iam::${ACCOUNT_ID}:root`, name: 'prod' });
    expect(rootRef(a)).toEqual({ kind: 'root', arn: a.root.arn, name: 'root' });
    expect(userRef(u)).toEqual({ kind: 'user', arn: u.arn, name: 'alice' });
    expect(loginProfileRef(u)).toEqual({ kind: 'login-profile', arn: `${u.arn}/login-profile`, name: 'alice' });
    expect(userKeyRef(u, 'AKIA1')).toEqual({ kind: 'access-key', arn: `${u.arn}/access-key/AKIA1`, name: 'AKIA1' });
    expect(rootKeyRef(a, 'AKIAR')).toEqual({ kind: 'access-key', arn: `${a.root.arn}/access-key/AKIAR`, name: 'AKIAR' });
    expect(passwordPolicyRef(a)).toEqual({ kind: 'password-policy', arn: `arn:aws:iam::${ACCOUNT_ID}:password-policy`, name: 'password policy' });
  });
});

describe('root-only tasks', () => {
  it.each([
    ['signin.amazonaws.com', 'PasswordUpdated', 'Change account settings: root password, email address, account name'],
    ['signin.amazonaws.com', 'EmailUpdated', 'Change account settings: root password, email address, account name'],
    ['account.amazonaws.com', 'CloseAccount', 'Change account settings: account name, close the account'],
    ['account.amazonaws.com', 'PutAccountName', 'Change account settings: account name, close the account'],
    ['iam.amazonaws.com', 'CreateAccessKey', "Manage the root user's own access keys"],
    ['iam.amazonaws.com', 'GetAccessKeyLastUsed', "Manage the root user's own access keys"],
    ['iam.amazonaws.com', 'EnableMFADevice', "Manage the root user's own MFA devices and signing certificates"],
    ['iam.amazonaws.com', 'UploadSigningCertificate', "Manage the root user's own MFA devices and signing certificates"],
    ['billingconsole.amazonaws.com', 'AnythingAtAll', 'Activate IAM access to the Billing and Cost Management console'],
    ['tax.amazonaws.com', 'GetTaxInvoice', 'View certain tax invoices'],
    ['supportplans.amazonaws.com', 'UpdateSupportPlan', 'Change or cancel the AWS Support plan'],
    ['ec2.amazonaws.com', 'RegisterSellerAccount', 'Register as a seller in the Reserved Instance Marketplace'],
    ['s3.amazonaws.com', 'PutBucketVersioning', 'Configure an Amazon S3 bucket to enable MFA delete; edit or delete a bucket policy that denies all principals'],
    ['s3.amazonaws.com', 'DeleteBucketPolicy', 'Configure an Amazon S3 bucket to enable MFA delete; edit or delete a bucket policy that denies all principals'],
    ['sqs.amazonaws.com', 'SetQueueAttributes', 'Edit or delete an Amazon SQS queue policy that denies all principals'],
    ['govcloud.amazonaws.com', 'CreateGovCloudAccount', 'Sign up for AWS GovCloud (US)'],
  ])('%s %s is the root task "%s"', (source, name, task) => {
    expect(rootTaskOf(source, name)?.task).toBe(task);
  });

  it.each([
    ['iam.amazonaws.com', 'CreateUser'],
    ['ec2.amazonaws.com', 'RunInstances'],
    ['s3.amazonaws.com', 'GetObject'],
    ['signin.amazonaws.com', 'ConsoleLogin'],
    ['cloudtrail.amazonaws.com', 'PasswordUpdated'],
  ])('%s %s needs no root', (source, name) => {
    expect(rootTaskOf(source, name)).toBeUndefined();
  });

  it('lists every documented task once, and the sign-in events that precede them', () => {
    expect(ROOT_TASKS).toHaveLength(11);
    expect(new Set(ROOT_TASKS.map((t) => t.task)).size).toBe(11);
    expect(SIGN_IN_EVENTS).toEqual(['ConsoleLogin', 'CheckMfa', 'SwitchRole', 'ExitRole']);
  });
});
