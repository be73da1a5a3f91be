/**
 * USER-PERMISSIONS-UNCHANGED: moving a user's direct policies to a group changes no decision. Checked with the real
 * evaluator over the whole request universe of every document involved (every action class, resource instance and
 * condition boundary), comparing the three effects, not just allow/deny.
 */
import { runs } from '../arbitraries/runs.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/user-direct-policies.js';
import { buildUniverse, compareGrants, decideRaw, REAL_CATALOG, userPolicies } from '../../src/checks/universe/index.js';
import { applyOperations } from '../../src/model/apply.js';
import type { PolicyDocument } from '../../src/evaluator/types.js';
import { account, doc, group, managed, user } from '../checks/universe-fixtures.js';

const NOW = '2026-03-10T12:00:00Z';
const pool: readonly PolicyDocument[] = [
  doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' }),
  doc({ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::home/${aws:username}/*' }),
  doc({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
  doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } } }),
  doc({ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: 'arn:aws:iam::111122223333:user/${aws:username}' }),
  doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }),
];
const customer = pool.map((d, i) => managed(`P${i}`, d));
const awsArns = ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/IAMUserChangePassword', 'arn:aws:iam::aws:policy/AWSDenyAll'];
const arns = [...customer.map((p) => p.arn), ...awsArns];

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { maxLength: 3 });
const scenario = fc.record({
  attached: subset(arns),
  inline: subset(pool.map((_, i) => i)),
  groupPolicies: fc.array(subset(arns), { minLength: 0, maxLength: 2 }),
  reuse: fc.boolean(),
});

describe('user-direct-policies fix', () => {
  it('USER-PERMISSIONS-UNCHANGED: identical decisions before and after, over the universe', () => {
    fc.assert(fc.property(scenario, (s) => {
      const inline = Object.fromEntries(s.inline.map((i) => [`inline${i}`, pool[i] as PolicyDocument]));
      const groups = s.groupPolicies.map((ps, i) => group(`g${i}`, { attachedPolicies: ps }));
      if (s.reuse) groups.push(group('same-set', { attachedPolicies: [...s.attached], inlinePolicies: inline }));
      const before = account({ users: [user('alice', { attachedPolicies: s.attached, inlinePolicies: inline, groups: s.groupPolicies.map((_, i) => `g${i}`) })], groups, policies: customer });
      const reports = check.detect({ account: before, now: NOW, options: {} });
      if (s.attached.length === 0 && s.inline.length === 0) { expect(reports).toEqual([]); return; }
      const fix = reports[0]?.fix;
      expect(fix).toBeDefined();
      const applied = applyOperations(before, fix ?? [], NOW);
      if (!applied.ok) throw new Error(JSON.stringify(applied.error));
      const after = applied.value.account;
      expect(check.detect({ account: after, now: NOW, options: {} })).toEqual([]);
      const pb = userPolicies(before, before.users['alice']!);
      const pa = userPolicies(after, after.users['alice']!);
      const u = buildUniverse([...pb.documents, ...pa.documents], REAL_CATALOG, { principal: pb.principal, fixed: pb.fixed });
      const diff = compareGrants(u, pb.set, pa.set, decideRaw, { strict: true });
      expect(diff.equal).toBe(true);
    }), { numRuns: runs(40, 15), seed: 5 });
  });

  it('the comparison is not vacuous: losing the group membership is a difference', () => {
    const before = account({ users: [user('alice', { attachedPolicies: [customer[0]!.arn] })], policies: customer });
    const fix = check.detect({ account: before, now: NOW, options: {} })[0]?.fix ?? [];
    const applied = applyOperations(before, fix.filter((c) => c.op !== 'AddUserToGroup'), NOW);
    if (!applied.ok) throw new Error('apply');
    const pb = userPolicies(before, before.users['alice']!);
    const pa = userPolicies(applied.value.account, applied.value.account.users['alice']!);
    const u = buildUniverse(pb.documents, REAL_CATALOG, { principal: pb.principal, fixed: pb.fixed });
    const diff = compareGrants(u, pb.set, pa.set, decideRaw);
    expect(diff.equal).toBe(false);
    expect(diff.onlyA.length).toBeGreaterThan(0);
  });
});
