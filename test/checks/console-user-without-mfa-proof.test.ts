/** Practice 9's proof through the model's request() and the evaluator: after the fix, no MFA means denied, MFA means allowed. */
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/console-user-without-mfa.js';
import { applyOperations } from '../../src/model/apply.js';
import { request } from '../../src/model/request.js';
import type { Account } from '../../src/model/types.js';
import { account, daysAgo, group, key, loginProfile, NOW } from './fixtures.js';
import { user } from './fixtures.js';

const READ = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const before = account({ groups: [group('staff', { attachedPolicies: [READ] })], users: [user('bob', { groups: ['staff'], loginProfile: loginProfile(), accessKeys: [key('AKIABOB000000000001', daysAgo(10))] })] });
const options = { includeKeyUsers: false, policyName: 'DenyAllWithoutMFA' };

function fixed(): Account {
  const reports = check.detect({ account: before, now: NOW, options });
  expect(reports).toHaveLength(1);
  const r = applyOperations(before, reports[0]!.fix!, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.account;
}

const get = (a: Account, via: 'console' | 'access-key', mfa = false, action = 's3:GetObject', resource = 'arn:aws:s3:::finance/q1.xlsx') =>
  request(a, { principal: via === 'console' ? { kind: 'user', user: 'bob', via, mfa } : { kind: 'user', user: 'bob', via }, action, resource, sourceIp: '203.0.113.9', at: NOW });

describe('console-user-without-mfa: the fix, proven by requests', () => {
  it('before the fix, a password alone and a key alone are enough', () => {
    expect(get(before, 'console').decision.effect).toBe('Allow');
    expect(get(before, 'access-key').decision.effect).toBe('Allow');
  });

  it('after the fix, console requests without MFA are explicitly denied, MFA self-service is not', () => {
    const a = fixed();
    const out = get(a, 'console');
    expect(out.decision.effect).toBe('ExplicitDeny');
    expect(out.decision.determining[0]?.sid).toBe('DenyAllExceptMfaSelfServiceUnlessSignedInWithMFA');
    expect(get(a, 'console', false, 'iam:ListMFADevices', 'arn:aws:iam::111122223333:user/bob').decision.effect).toBe('Allow');
  });

  it('after the fix, access-key requests (no MFA key in the context at all) are denied by BoolIfExists', () => {
    expect(get(fixed(), 'access-key').decision.effect).toBe('ExplicitDeny');
  });

  it('with an MFA device and an MFA sign-in, the same request is allowed', () => {
    const r = applyOperations(fixed(), [{ op: 'EnableMFADevice', input: { UserName: 'bob', SerialNumber: 'arn:aws:iam::111122223333:mfa/bob' } }], NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(get(r.value.account, 'console', true).decision.effect).toBe('Allow');
    expect(get(r.value.account, 'console', false).decision.effect).toBe('ExplicitDeny');
    expect(check.detect({ account: r.value.account, now: NOW, options })).toEqual([]);
  });
});
