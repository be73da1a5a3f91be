import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/inactive-user.js';
import { applyOperations } from '../../src/model/apply.js';
import { runCaseTable } from './case-table.js';
import { account, ADMIN_ARN, daysAgo, group, key, loginProfile, mfa, NOW, user } from './fixtures.js';

const idle = user('idle', {
  loginProfile: loginProfile(),
  accessKeys: [key('AKIAIDLE00000000001', daysAgo(400), 'Inactive')],
  mfa: [mfa('idle')],
  groups: ['devs'],
  attachedPolicies: [ADMIN_ARN],
  inlinePolicies: { notes: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } },
  tags: { team: 'data' },
});
const idleAccount = account({ users: [idle], groups: [group('devs')], passwordUse: { idle: daysAgo(120) } });

runCaseTable(check, {
  valid: [
    { name: 'signed in recently', account: account({ users: [user('alice', { loginProfile: loginProfile() })], passwordUse: { alice: daysAgo(3) } }), now: NOW },
    { name: 'key used recently, password long ago', account: account({ users: [user('bob', { loginProfile: loginProfile(), accessKeys: [key('AKIABOB000000000001')] })], passwordUse: { bob: daysAgo(300) }, keyUse: { AKIABOB000000000001: daysAgo(2) } }), now: NOW },
    { name: 'created last month', account: account({ users: [user('carol', { created: daysAgo(30) })] }), now: NOW },
  ],
  invalid: [
    {
      name: 'idle user with everything attached: the suggestion deletes it cleanly',
      account: idleAccount,
      now: NOW,
      reports: [{ messageId: 'inactive', resource: 'idle', data: { days: 120 }, fixed: false, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => a.users['idle'] === undefined && a.groups['devs'] !== undefined,
    },
    {
      name: 'never used',
      account: account({ users: [user('ghost')] }),
      now: NOW,
      reports: [{ messageId: 'neverActive', resource: 'ghost' }],
      applySuggestions: true,
      suggestionsClear: true,
    },
  ],
});

describe('inactive-user deletion', () => {
  it("keeps the deleted user's details recoverable from the inverse patch", () => {
    const [report] = check.detect({ account: idleAccount, now: NOW, options: { inactiveDays: 90 } });
    const r = applyOperations(idleAccount, report!.suggestions![0]!.fix, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.account.users['idle']).toBeUndefined();
    const restored = applyPatches(r.value.account, [...r.value.inversePatches]);
    expect(restored.users['idle']).toEqual(idle);
    expect(restored.groups).toEqual(idleAccount.groups);
  });
});
