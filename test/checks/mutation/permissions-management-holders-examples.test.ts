/** permissions-management-holders: the examples text (at most three, then "…") and the maximum itself being allowed. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/permissions-management-holders.js';
import { account, doc, user } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const NOW = '2026-06-01T00:00:00Z';
const grant = (...Action: string[]) => doc({ Effect: 'Allow', Action, Resource: '*' });

describe('permissions-management-holders', () => {
  it('lists up to three actions as examples, and marks more with …', () => {
    const a = account({ users: [
      user('one', { inlinePolicies: { p: grant('iam:AttachUserPolicy') } }),
      user('three', { inlinePolicies: { p: grant('iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:PutUserPolicy') } }),
      user('four', { inlinePolicies: { p: grant('iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:PutUserPolicy', 'iam:DeleteUserPolicy') } }),
      user('two', { inlinePolicies: { p: grant('iam:AttachUserPolicy', 'iam:DetachUserPolicy') } }),
    ] });
    expect(findings(check, a, NOW, { maxHolders: 1 }).map((f) => f.message)).toEqual([
      'user four may perform 4 Permissions management action(s) (iam:AttachUserPolicy, iam:DeleteUserPolicy, iam:DetachUserPolicy, …); 4 principals hold such access, more than the maximum of 1',
      'user one may perform 1 Permissions management action(s) (iam:AttachUserPolicy); 4 principals hold such access, more than the maximum of 1',
      'user three may perform 3 Permissions management action(s) (iam:AttachUserPolicy, iam:DetachUserPolicy, iam:PutUserPolicy); 4 principals hold such access, more than the maximum of 1',
      'user two may perform 2 Permissions management action(s) (iam:AttachUserPolicy, iam:DetachUserPolicy); 4 principals hold such access, more than the maximum of 1',
    ]);
  });
  it('as many holders as the maximum is allowed; one more is not', () => {
    const users = ['a', 'b'].map((n) => user(n, { inlinePolicies: { p: grant('iam:AttachUserPolicy') } }));
    expect(findings(check, account({ users }), NOW, { maxHolders: 2 })).toEqual([]);
    expect(findings(check, account({ users }), NOW, { maxHolders: 1 }).map((f) => f.message)).toEqual([
      'user a may perform 1 Permissions management action(s) (iam:AttachUserPolicy); 2 principals hold such access, more than the maximum of 1',
      'user b may perform 1 Permissions management action(s) (iam:AttachUserPolicy); 2 principals hold such access, more than the maximum of 1',
    ]);
  });
});
