/** user-direct-policies: the group a user's direct policies move to (an existing equal group, preferring one the user is in, else a new one with a free name), the group quota, and the message. */
import { describe, expect, it } from 'vitest';
import check, { matchingGroup, moveToGroupFix, newGroupName, policySetKey } from '../../../src/checks/rules/user-direct-policies.js';
import { account, ADMIN_ARN, group, NOW, user } from '../fixtures.js';
import { findings, messages } from './render.js';

const RO = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const pol = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('policySetKey', () => {
  it('ignores attachment order, duplicates and key order inside documents', () => {
    const a = policySetKey({ attachedPolicies: [RO, ADMIN_ARN, RO], inlinePolicies: { p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } });
    const b = policySetKey({ attachedPolicies: [ADMIN_ARN, RO], inlinePolicies: { p: { Statement: [{ Resource: '*', Action: 's3:GetObject', Effect: 'Allow' }], Version: '2012-10-17' } } });
    expect(a).toBe(b);
  });
  it('tells apart different documents, names and attachments', () => {
    const base = { attachedPolicies: [RO], inlinePolicies: { p: pol } };
    expect(policySetKey(base)).not.toBe(policySetKey({ ...base, inlinePolicies: { q: pol } }));
    expect(policySetKey(base)).not.toBe(policySetKey({ ...base, attachedPolicies: [ADMIN_ARN] }));
    expect(policySetKey(base)).not.toBe(policySetKey({ ...base, inlinePolicies: { p: { ...pol, Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] } } }));
  });
});

describe('matchingGroup and newGroupName', () => {
  it('prefers an equal group the user is already in, then the first equal one by name', () => {
    const u = user('ana', { attachedPolicies: [RO], groups: ['zeta'] });
    const a = account({ users: [u], groups: [group('alpha', { attachedPolicies: [RO] }), group('beta', { attachedPolicies: [RO] }), group('zeta', { attachedPolicies: [RO] })] });
    expect(matchingGroup(a, u)?.name).toBe('zeta');
    const v = user('bo', { attachedPolicies: [RO] });
    expect(matchingGroup(account({ users: [v], groups: [group('beta', { attachedPolicies: [RO] }), group('alpha', { attachedPolicies: [RO] })] }), v)?.name).toBe('alpha');
  });
  it('names a new group after the user, numbering from 2 when taken', () => {
    const u = user('ana');
    expect(newGroupName(account({ users: [u] }), u)).toBe('ana-permissions');
    expect(newGroupName(account({ users: [u], groups: [group('ana-permissions'), group('ana-permissions-2')] }), u)).toBe('ana-permissions-3');
  });
  it('keeps a long name within the 128-character limit', () => {
    const u = user('u'.repeat(64));
    const base = `${'u'.repeat(64)}-permissions`;
    expect(newGroupName(account({ users: [u] }), u)).toBe(base);
    const long = user('x'.repeat(125));
    const taken = `${'x'.repeat(125)}-permissions`.slice(0, 128);
    expect(taken).toHaveLength(128);
    expect(newGroupName(account({ users: [long], groups: [group(taken)] }), long)).toBe(`${taken.slice(0, 120)}-2`);
  });
});

describe('moveToGroupFix', () => {
  it('into a new group: create it, copy the policies, add the user, then remove them from the user', () => {
    const u = user('ana', { attachedPolicies: [RO, RO], inlinePolicies: { p: pol } });
    expect(moveToGroupFix(account({ users: [u] }), u)).toEqual([
      { op: 'CreateGroup', input: { GroupName: 'ana-permissions' } },
      { op: 'AttachGroupPolicy', input: { GroupName: 'ana-permissions', PolicyArn: RO } },
      { op: 'PutGroupPolicy', input: { GroupName: 'ana-permissions', PolicyName: 'p', PolicyDocument: pol } },
      { op: 'AddUserToGroup', input: { GroupName: 'ana-permissions', UserName: 'ana' } },
      { op: 'DetachUserPolicy', input: { UserName: 'ana', PolicyArn: RO } },
      { op: 'DeleteUserPolicy', input: { UserName: 'ana', PolicyName: 'p' } },
    ]);
  });
  it('into an equal group the user is already in: only the removals', () => {
    const u = user('ana', { attachedPolicies: [RO], groups: ['readers'] });
    expect(moveToGroupFix(account({ users: [u], groups: [group('readers', { attachedPolicies: [RO] })] }), u)).toEqual([{ op: 'DetachUserPolicy', input: { UserName: 'ana', PolicyArn: RO } }]);
  });
  it('a user in ten groups cannot join another: no fix; in nine it can', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const u = user('ana', { attachedPolicies: [RO], groups: ten });
    expect(moveToGroupFix(account({ users: [u], groups: ten.map((g) => group(g)) }), u)).toBeNull();
    const v = user('bo', { attachedPolicies: [RO], groups: ten.slice(1) });
    expect(moveToGroupFix(account({ users: [v], groups: ten.map((g) => group(g)) }), v)?.map((c) => c.op)).toEqual(['CreateGroup', 'AttachGroupPolicy', 'AddUserToGroup', 'DetachUserPolicy']);
  });
});

describe('user-direct-policies messages', () => {
  it('lists attached policies by short name, then inline ones, users in name order', () => {
    const a = account({ users: [user('zed', { inlinePolicies: { p: pol } }), user('ana', { attachedPolicies: [RO, 'arn:aws:iam::111122223333:policy/team/Deploy', RO], inlinePolicies: { q: pol } }), user('none')] });
    expect(messages(check, a, NOW)).toEqual([
      'User ana holds 3 policies directly (ReadOnlyAccess, Deploy, inline q); grant them through a group',
      'User zed holds 1 policies directly (inline p); grant them through a group',
    ]);
  });
  it('a user who cannot join another group is reported without a fix', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const f = findings(check, account({ users: [user('ana', { attachedPolicies: [RO], groups: ten })], groups: ten.map((g) => group(g)) }), NOW);
    expect(f.map((x) => x.messageId)).toEqual(['directPolicies']);
    expect(f[0]?.fix).toBeUndefined();
  });
});
