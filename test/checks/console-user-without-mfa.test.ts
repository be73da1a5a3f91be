import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/console-user-without-mfa.js';
import { REQUIRE_MFA_POLICY } from '../../src/checks/lib/mfa-policy.js';
import { applyOperations } from '../../src/model/apply.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, group, key, loginProfile, mfa, NOW, user } from './fixtures.js';

const POLICY_ARN = 'arn:aws:iam::111122223333:policy/DenyAllWithoutMFA';
const consoleOnlyDeny = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
};

runCaseTable(check, {
  valid: [
    { name: 'console user with MFA', account: account({ users: [user('alice', { loginProfile: loginProfile(), mfa: [mfa('alice')] })] }), now: NOW },
    { name: 'key-only user, keys not included', account: account({ users: [user('ci', { accessKeys: [key('AKIACI0000000000001')] })] }), now: NOW },
    {
      name: 'console user whose group enforces MFA with BoolIfExists',
      account: account({ users: [user('bob', { loginProfile: loginProfile(), groups: ['staff'] })], groups: [group('staff', { inlinePolicies: { mfa: REQUIRE_MFA_POLICY } })] }),
      now: NOW,
    },
    {
      name: 'console user covered by a plain Bool deny (enough for console sessions)',
      account: account({ users: [user('carol', { loginProfile: loginProfile(), inlinePolicies: { mfa: consoleOnlyDeny } })] }),
      now: NOW,
    },
  ],
  invalid: [
    {
      name: 'two console users without MFA: the policy is created once and attached to both',
      account: account({ users: [user('alice', { loginProfile: loginProfile() }), user('bob', { loginProfile: loginProfile() })] }),
      now: NOW,
      reports: [
        { messageId: 'consoleNoMfa', resource: 'alice', fixed: true },
        { messageId: 'consoleNoMfa', resource: 'bob', fixed: true },
      ],
      after: (a) =>
        a.policies[POLICY_ARN] !== undefined &&
        a.users['alice']!.attachedPolicies.includes(POLICY_ARN) &&
        a.users['bob']!.attachedPolicies.includes(POLICY_ARN),
    },
    {
      name: 'key users too, when asked; a plain Bool deny does not cover keys',
      account: account({ users: [user('ci', { accessKeys: [key('AKIACI0000000000001', daysAgo(5))], inlinePolicies: { mfa: consoleOnlyDeny } })] }),
      now: NOW,
      options: { includeKeyUsers: true },
      reports: [{ messageId: 'keysNoMfa', resource: 'ci', data: { keys: 1 } }],
      after: { users: { ci: { attachedPolicies: [POLICY_ARN] } } },
    },
    {
      name: 'the policy already exists: only attach',
      account: account({
        users: [user('dan', { loginProfile: loginProfile() })],
        extra: {
          policies: {
            [POLICY_ARN]: { arn: POLICY_ARN, name: 'DenyAllWithoutMFA', path: '/', id: 'ANPA00000000000000001', created: daysAgo(10), versions: [{ id: 'v1', document: REQUIRE_MFA_POLICY, created: daysAgo(10) }], defaultVersion: 'v1' },
          },
        },
      }),
      now: NOW,
      reports: [{ messageId: 'consoleNoMfa', resource: 'dan' }],
      after: { users: { dan: { attachedPolicies: [POLICY_ARN] } } },
    },
  ],
});

describe('console-user-without-mfa fix', () => {
  it('creates the policy only in the first report', () => {
    const a = account({ users: [user('alice', { loginProfile: loginProfile() }), user('bob', { loginProfile: loginProfile() })] });
    const reports = check.detect({ account: a, now: NOW, options: { includeKeyUsers: false, policyName: 'DenyAllWithoutMFA' } });
    expect(reports.map((r) => r.fix?.map((c) => c.op))).toEqual([['CreatePolicy', 'AttachUserPolicy'], ['AttachUserPolicy']]);
    const r = applyOperations(a, reports.flatMap((x) => x.fix ?? []), NOW);
    expect(r.ok).toBe(true);
  });
});
