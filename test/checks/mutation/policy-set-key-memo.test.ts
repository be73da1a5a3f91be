import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../src/bounded-memo.js';
import { documentId, objectId, policySetKey } from '../../../src/checks/universe/policy-set-key.js';
import { userPolicies, rolePolicies } from '../../../src/checks/universe/principal-policies.js';
import type { Account } from '../../../src/model/types.js';
import { account, doc, managed, role, user } from '../universe-fixtures.js';

const plain = () => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const byName = () => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' });
const byTag = () => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } });
const byUser = () => doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:UserId': 'x' } } });

const keyOf = (a: Account, name: string) => policySetKey(userPolicies(a, a.users[name]!));

describe('policySetKey', () => {
  it('is the same for principals holding equal documents, whatever their names and tags, when no document mentions them', () => {
    const a = account({ users: [user('a1', { inlinePolicies: { p: plain() }, tags: { team: 'red' } }), user('a2', { inlinePolicies: { q: plain() }, tags: { team: 'blue' } })] });
    expect(keyOf(a, 'a1')).toBe(keyOf(a, 'a2'));
    expect(documentId(plain())).toBe(documentId(plain()));
    expect(documentId(plain())).not.toBe(documentId(byTag()));
  });
  it('differs by content, principal kind, boundary and SCPs', () => {
    const bnd = managed('B', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const a = account({ users: [user('b1', { inlinePolicies: { p: plain() } }), user('b2', { inlinePolicies: { p: byTag() } }), user('b3', { inlinePolicies: { p: plain() }, boundary: bnd.arn })], roles: [role('b4', { inlinePolicies: { p: plain() } })], policies: [bnd] });
    const keys = [keyOf(a, 'b1'), keyOf(a, 'b2'), keyOf(a, 'b3'), policySetKey(rolePolicies(a, a.roles['b4']!))];
    expect(new Set(keys).size).toBe(4);
    const withOrg = (scp: object): Account => ({ ...a, organization: { id: 'o', managementAccountId: '999988887777', levels: [{ id: 'r', name: 'R', kind: 'root', scps: ['p'], rcps: [] }], policies: { p: { id: 'p', name: 'P', kind: 'scp', document: scp as never } } } });
    const s1 = keyOf(withOrg(doc({ Effect: 'Allow', Action: '*', Resource: '*' })), 'b1');
    const s2 = keyOf(withOrg(doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' })), 'b1');
    expect(new Set([keys[0], s1, s2]).size).toBe(3);
  });
  it('includes the ARN when a document uses a policy variable', () => {
    const a = account({ users: [user('c1', { inlinePolicies: { p: byName() } }), user('c2', { inlinePolicies: { p: byName() } })] });
    expect(keyOf(a, 'c1')).not.toBe(keyOf(a, 'c2'));
    expect(keyOf(a, 'c1')).toContain('arn:aws:iam::111122223333:user/c1');
  });
  it('includes only the principal attributes a condition mentions', () => {
    const a = account({ users: [
      user('d1', { inlinePolicies: { p: byTag() }, tags: { team: 'red', other: '1' } }),
      user('d2', { inlinePolicies: { p: byTag() }, tags: { team: 'red', other: '2' } }),
      user('d3', { inlinePolicies: { p: byTag() }, tags: { team: 'blue' } }),
      user('d4', { inlinePolicies: { p: byUser() } }),
      user('d5', { inlinePolicies: { p: byUser() } }),
    ] });
    expect(keyOf(a, 'd1')).toBe(keyOf(a, 'd2'));
    expect(keyOf(a, 'd1')).not.toBe(keyOf(a, 'd3'));
    expect(keyOf(a, 'd1').endsWith('|[["aws:PrincipalTag/team","red"]]')).toBe(true);
    expect(keyOf(a, 'd4')).not.toBe(keyOf(a, 'd5'));
    expect(keyOf(a, 'd4')).not.toContain('arn:aws:iam::111122223333:user/d4');
    const d4 = a.users['d4']!;
    expect(keyOf(a, 'd4').endsWith(`|[["aws:userid","${d4.id}"]]`)).toBe(true);
  });
  it('sorts the mentioned attributes by key', () => {
    const both = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/b': '1', 'aws:PrincipalTag/a': '2' } } });
    const a = account({ users: [user('e1', { inlinePolicies: { p: both }, tags: { b: '1', a: '2' } })] });
    expect(keyOf(a, 'e1').endsWith('|[["aws:PrincipalTag/a","2"],["aws:PrincipalTag/b","1"]]')).toBe(true);
  });
  it('is empty in the name and attribute parts when no document mentions the principal', () => {
    const a = account({ users: [user('f1', { inlinePolicies: { p: plain() } })] });
    expect(keyOf(a, 'f1').endsWith('|||[]')).toBe(true);
    expect(keyOf(a, 'f1').startsWith('user|')).toBe(true);
  });
});

describe('objectId and boundedMemo', () => {
  it('numbers objects by identity', () => {
    const x = {};
    const y = {};
    expect(objectId(x)).toBe(objectId(x));
    expect(objectId(x)).not.toBe(objectId(y));
  });
  it('remembers values and starts again when full', () => {
    const m = boundedMemo<number>(2);
    let n = 0;
    const make = () => ++n;
    expect([m.get('a', make), m.get('a', make), m.get('b', make), m.get('a', make)]).toEqual([1, 1, 2, 1]);
    expect(m.get('c', make)).toBe(3);
    expect([m.get('c', make), m.get('a', make), m.get('b', make)]).toEqual([3, 4, 5]);
    const d = boundedMemo<number>();
    for (let i = 0; i < 5000; i++) d.get(String(i), () => i);
    expect(d.get('0', () => -1)).toBe(0);
    d.get('new', () => 1);
    expect(d.get('0', () => -1)).toBe(-1);
  });
});
