/** saveAccount/loadAccount over accounts that requests, sign-ins and role sessions have written to (other modules' output). */
import { describe, expect, it } from 'vitest';
import { assumeRole } from '../../src/model/assume-role.js';
import { request } from '../../src/model/request.js';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { signIn } from '../../src/model/sign-in.js';
import type { Account } from '../../src/model/types.js';
import { build, EC2_TRUST, op, S3_READ } from './helpers.js';

const TRUST_ACCOUNT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] };

describe('serialisation of accounts with activity', () => {
  it('round-trips events, last-used data, Access Advisor records and sessions', () => {
    let a: Account = build([
      op('CreateUser', { UserName: 'alice' }),
      op('CreateLoginProfile', { UserName: 'alice', Password: 'correct-horse-battery' }),
      op('CreateAccessKey', { UserName: 'alice', AccessKeyId: 'AKIAALICE00000000001' }),
      op('PutUserPolicy', { UserName: 'alice', PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'sts:AssumeRole'], Resource: '*' }] } }),
      op('CreateRole', { RoleName: 'reader', AssumeRolePolicyDocument: TRUST_ACCOUNT }),
      op('CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST }),
      op('PutRolePolicy', { RoleName: 'reader', PolicyName: 'r', PolicyDocument: S3_READ }),
    ]);
    const alice = { kind: 'user', user: 'alice', via: 'access-key', accessKeyId: 'AKIAALICE00000000001' } as const;
    a = request(a, { principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', sourceIp: '203.0.113.5', at: '2026-02-01T00:00:00Z' }).account;
    a = request(a, { principal: alice, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', sourceIp: '203.0.113.5', at: '2026-02-01T00:01:00Z' }).account;
    const s = signIn(a, { user: 'alice', sourceIp: '203.0.113.5', at: '2026-02-01T00:02:00Z', mfa: false });
    expect(s.ok).toBe(true);
    a = s.account;
    const ar = assumeRole(a, { principal: alice, roleName: 'reader', sessionName: 's1', at: '2026-02-01T00:03:00Z', sourceIp: '203.0.113.5' });
    expect(ar.session).not.toBeNull();
    a = ar.account;
    expect(Object.keys(a.sessions)).toHaveLength(1);
    expect(a.activity.size).toBeGreaterThanOrEqual(2);
    expect(a.usage.accessKeys.size).toBe(1);
    const text = saveAccount(a);
    const loaded = loadAccount(text);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error, null, 2));
    expect(saveAccount(loaded.value)).toBe(text);
    expect(loaded.value.activity.toJS()).toEqual(a.activity.toJS());
    expect(loaded.value.usage.services.toJS()).toEqual(a.usage.services.toJS());
    expect(loaded.value.sessions).toEqual(a.sessions);
  });
});
