import { describe, expect, it } from 'vitest';
import { ownDocuments, principalPolicies, rolePolicies, userPolicies } from '../../../src/checks/universe/principal-policies.js';
import type { Account, Organization } from '../../../src/model/types.js';
import { ACCOUNT_ID, account, doc, group, managed, role, user } from '../universe-fixtures.js';

const inl = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const att = managed('Att', doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }));
const gInl = doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
const gAtt = managed('GAtt', doc({ Effect: 'Allow', Action: 'sns:*', Resource: '*' }));
const bnd = managed('Bnd', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
const scpRoot = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const scpOu = doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
const missing = `arn:aws:iam::${ACCOUNT_ID}:policy/Missing`;

function org(managementAccountId: string): Organization {
  return {
    id: 'o-1', managementAccountId,
    levels: [
      { id: 'r-1', name: 'Root', kind: 'root', scps: ['p-root', 'p-gone'], rcps: [] },
      { id: 'ou-1', name: 'OU', kind: 'ou', scps: ['p-ou'], rcps: [] },
    ],
    policies: { 'p-root': { id: 'p-root', name: 'R', kind: 'scp', document: scpRoot }, 'p-ou': { id: 'p-ou', name: 'O', kind: 'scp', document: scpOu } },
  };
}

function acct(orgOf: Organization | null): Account {
  const a = account({
    users: [user('u', { inlinePolicies: { i: inl }, attachedPolicies: [att.arn, missing], groups: ['g', 'nogroup'], boundary: bnd.arn, tags: { team: 'red' } })],
    groups: [group('g', { inlinePolicies: { gi: gInl }, attachedPolicies: [gAtt.arn] })],
    roles: [role('r', { inlinePolicies: { i: inl }, boundary: bnd.arn, tags: { env: 'prod' } }), role('slr', { serviceLinked: true, attachedPolicies: [att.arn] }), role('nob', { boundary: missing })],
    policies: [att, gAtt, bnd],
  });
  return { ...a, organization: orgOf };
}

describe('userPolicies: own, group, boundary and SCP documents', () => {
  it('collects everything with sources and the principal-fixed keys', () => {
    const a = acct(org('999988887777'));
    const u = a.users['u']!;
    expect(userPolicies(a, u)).toEqual({
      key: { kind: 'user', name: 'u' },
      arn: u.arn,
      principal: { kind: 'user', arn: u.arn, accountId: ACCOUNT_ID },
      fixed: {
        'aws:username': 'u', 'aws:userid': u.id, 'aws:PrincipalArn': u.arn, 'aws:PrincipalAccount': ACCOUNT_ID, 'aws:PrincipalType': 'User', 'aws:PrincipalTag/team': 'red',
      },
      set: { identity: [inl, att.versions[0]!.document, gInl, gAtt.versions[0]!.document], boundary: bnd.versions[0]!.document, scp: [[scpRoot], [scpOu]] },
      sources: [
        { kind: 'inline', name: 'i' }, { kind: 'attached', arn: att.arn },
        { kind: 'group-inline', group: 'g', name: 'gi' }, { kind: 'group-attached', group: 'g', arn: gAtt.arn },
      ],
      documents: [inl, att.versions[0]!.document, gInl, gAtt.versions[0]!.document, bnd.versions[0]!.document, scpRoot, scpOu],
    });
    expect(ownDocuments(a, u)).toEqual([inl, att.versions[0]!.document]);
  });

  it('leaves out SCPs in the management account and without an organization', () => {
    for (const a of [acct(org(ACCOUNT_ID)), acct(null)]) {
      const p = userPolicies(a, a.users['u']!);
      expect(Object.keys(p.set)).toEqual(['identity', 'boundary']);
      expect(p.documents).toHaveLength(5);
    }
  });
});

describe('rolePolicies: a session of the role', () => {
  it('uses the session principal and fixed keys, with boundary and SCPs', () => {
    const a = acct(org('999988887777'));
    const r = a.roles['r']!;
    expect(rolePolicies(a, r, 'sess')).toEqual({
      key: { kind: 'role', name: 'r' },
      arn: r.arn,
      principal: { kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/r/sess`, accountId: ACCOUNT_ID, roleArn: r.arn },
      fixed: { 'aws:userid': `${r.id}:sess`, 'aws:PrincipalArn': r.arn, 'aws:PrincipalAccount': ACCOUNT_ID, 'aws:PrincipalType': 'AssumedRole', 'aws:PrincipalTag/env': 'prod' },
      set: { identity: [inl], boundary: bnd.versions[0]!.document, scp: [[scpRoot], [scpOu]] },
      sources: [{ kind: 'inline', name: 'i' }],
      documents: [inl, bnd.versions[0]!.document, scpRoot, scpOu],
    });
    expect(rolePolicies(a, r).principal.arn).toBe(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/r/iamsim`);
  });

  it('exempts a service-linked role from SCPs and marks its principal; an unknown boundary is left out', () => {
    const a = acct(org('999988887777'));
    const s = rolePolicies(a, a.roles['slr']!);
    expect(s.set).toEqual({ identity: [att.versions[0]!.document] });
    expect(s.principal).toEqual({ kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/slr/iamsim`, accountId: ACCOUNT_ID, roleArn: a.roles['slr']!.arn, serviceLinkedRole: true });
    expect(s.documents).toEqual([att.versions[0]!.document]);
    const n = rolePolicies(acct(null), acct(null).roles['nob']!);
    expect(n.set).toEqual({ identity: [] });
    expect(n.documents).toEqual([]);
  });
});

describe('principalPolicies: by key', () => {
  it('finds users and roles, and nothing for missing or inherited names', () => {
    const a = acct(null);
    expect(principalPolicies(a, { kind: 'user', name: 'u' })?.arn).toBe(a.users['u']!.arn);
    expect(principalPolicies(a, { kind: 'role', name: 'r' })?.arn).toBe(a.roles['r']!.arn);
    expect(principalPolicies(a, { kind: 'user', name: 'r' })).toBeUndefined();
    expect(principalPolicies(a, { kind: 'role', name: 'u' })).toBeUndefined();
    expect(principalPolicies(a, { kind: 'user', name: 'toString' })).toBeUndefined();
    expect(principalPolicies(a, { kind: 'role', name: 'constructor' })).toBeUndefined();
  });
});
