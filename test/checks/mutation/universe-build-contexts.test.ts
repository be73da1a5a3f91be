import { describe, expect, it } from 'vitest';
import type { RequestPrincipal } from '../../../src/evaluator/types.js';
import { OTHER_RESOURCE, buildUniverse } from '../../../src/checks/universe/index.js';
import { doc } from '../universe-fixtures.js';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 'ec2:DescribeInstances'];
const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const catalog = { expand: (p: string) => ACTIONS.filter((a) => re(p).test(a)), all: () => ACTIONS };
const principal: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::111122223333:user/priya', accountId: '111122223333' };
const teamPolicy = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::zz', 'arn:aws:s3:::aa'], Condition: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } } });

describe('buildUniverse: resources', () => {
  it('lists the instances of the mentioned patterns sorted, with * and the unmentioned resource', () => {
    const u = buildUniverse([teamPolicy], catalog, { principal });
    expect(u.resources).toEqual(['*', OTHER_RESOURCE, 'arn:aws:s3:::aa', 'arn:aws:s3:::zz']);
  });

  it('never makes an empty resource from a pattern of stars only', () => {
    const u = buildUniverse([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '**' })], catalog, { principal });
    expect(u.resources).toEqual(['*', OTHER_RESOURCE, 'iamsimiamsim']);
  });
});

describe('buildUniverse: sizes and extra actions', () => {
  it('counts size by classes and expandedSize by real actions, both times resources times contexts', () => {
    const u = buildUniverse([teamPolicy], catalog, { principal });
    // classes: [s3:GetObject] and the unmatched [s3:PutObject, ec2:DescribeInstances]; 4 resources; 4 contexts (red, blue, other, absent).
    expect([u.actionClasses.length, u.resources.length, u.contexts.length]).toEqual([2, 4, 4]);
    expect(u.size).toBe(2 * 4 * 4);
    expect(u.expandedSize).toBe(3 * 4 * 4);
  });

  it('gives each extra action that no pattern matches a class of its own', () => {
    const u = buildUniverse([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })], catalog, { principal, extraActions: ['made:Up'] });
    expect(u.actionClasses.map((c) => c.members)).toEqual([['made:Up'], ['s3:GetObject'], ['s3:PutObject', 'ec2:DescribeInstances']]);
    expect(u.expandedSize).toBe(4 * 2 * 1);
  });
});

describe('buildUniverse: condition keys', () => {
  it('varies the mentioned keys lowercased and sorted, the last key changing fastest', () => {
    const d = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/zeta': 'z', 'aws:PrincipalTag/Alpha': 'a' } } });
    const u = buildUniverse([d], catalog, { principal });
    expect(u.keys).toEqual(['aws:principaltag/alpha', 'aws:principaltag/zeta']);
    expect(u.contexts.slice(0, 4).map((c) => c.values)).toEqual([
      { 'aws:principaltag/alpha': 'a', 'aws:principaltag/zeta': 'z' },
      { 'aws:principaltag/alpha': 'a', 'aws:principaltag/zeta': 'iamsim-other' },
      { 'aws:principaltag/alpha': 'a' },
      { 'aws:principaltag/alpha': 'iamsim-other', 'aws:principaltag/zeta': 'z' },
    ]);
    expect(u.contexts).toHaveLength(9);
  });

  it('does not vary a key the principal fixes', () => {
    const d = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/zeta': 'z', 'aws:PrincipalTag/Alpha': 'a' } } });
    const u = buildUniverse([d], catalog, { principal, fixed: { 'aws:PrincipalTag/alpha': 'a' } });
    expect(u.keys).toEqual(['aws:principaltag/zeta']);
  });
});

describe('buildUniverse: the context limit', () => {
  it('keeps every context, and says exact, when the product is exactly the limit', () => {
    const u = buildUniverse([teamPolicy], catalog, { principal, maxContexts: 4 });
    expect(u.exact).toBe(true);
    expect(u.contexts.map((c) => c.values['aws:principaltag/team'])).toEqual(['red', 'blue', 'iamsim-other', undefined]);
  });

  it('keeps as many sample rows as the key with the most candidates, so each candidate of each key appears', () => {
    const conds: Record<string, string[]> = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`aws:PrincipalTag/k${i}`, ['a', 'b', 'c']]));
    conds['aws:PrincipalTag/wide'] = ['a', 'b', 'c', 'd', 'e', 'f'];
    const u = buildUniverse([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: conds } })], catalog, { principal, maxContexts: 100 });
    expect(u.exact).toBe(false);
    // k0..k3 have a, b, c, other, absent (5); wide has a..f, other, absent (8).
    expect(u.contexts).toHaveLength(8);
    const seen = (k: string) => new Set(u.contexts.map((c) => c.values[k]));
    expect(seen('aws:principaltag/wide')).toEqual(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'iamsim-other', undefined]));
    for (let k = 0; k < 4; k++) expect(seen(`aws:principaltag/k${k}`)).toEqual(new Set(['a', 'b', 'c', 'iamsim-other', undefined]));
  });

  it('keeps no more sample rows than the limit', () => {
    const u = buildUniverse([teamPolicy], catalog, { principal, maxContexts: 3 });
    expect(u.exact).toBe(false);
    expect(u.contexts.map((c) => c.values['aws:principaltag/team'])).toEqual(['red', 'blue', 'iamsim-other']);
  });
});
