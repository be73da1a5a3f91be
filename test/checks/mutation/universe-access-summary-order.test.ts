import { describe, expect, it } from 'vitest';
import type { RawPolicySet } from '../../../src/evaluator/policy-set.js';
import { accessLevelText, decideRaw, summarizePrincipal, type Decide } from '../../../src/checks/universe/index.js';
import { account, doc, user } from '../universe-fixtures.js';

const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
/** A catalog over these actions, in this (unsorted) order. */
const catalogOf = (actions: readonly string[]) => ({ expand: (p: string) => actions.filter((a) => re(p).test(a)), all: () => actions });

describe('summarizePrincipal: rows, resources and Permissions management actions come out sorted', () => {
  it('orders services by prefix even when one action class holds them in another order', () => {
    // NotAction leaves s3 and ec2 in one unmatched class, in catalog order (s3 first).
    const catalog = catalogOf(['s3:GetObject', 'ec2:DescribeInstances', 'sts:GetCallerIdentity']);
    const a = account({ users: [user('ord1', { inlinePolicies: { p: doc({ Effect: 'Allow', NotAction: 'sts:GetCallerIdentity', Resource: '*' }) } })] });
    expect(summarizePrincipal(a, { kind: 'user', name: 'ord1' }, decideRaw, catalog)?.services.map((s) => s.service)).toEqual(['ec2', 's3']);
  });

  it('orders three services by prefix', () => {
    const catalog = catalogOf(['sqs:SendMessage', 'iam:ListUsers', 'ec2:DescribeInstances', 'sts:GetCallerIdentity']);
    const a = account({ users: [user('ord2', { inlinePolicies: { p: doc({ Effect: 'Allow', NotAction: 'sts:GetCallerIdentity', Resource: '*' }) } })] });
    expect(summarizePrincipal(a, { kind: 'user', name: 'ord2' }, decideRaw, catalog)?.services.map((s) => s.service)).toEqual(['ec2', 'iam', 'sqs']);
  });

  it('sorts the resource patterns of a service whose actions were granted on different resources', () => {
    const catalog = catalogOf(['s3:GetObject', 's3:PutObject']);
    const a = account({ users: [user('ord3', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::zulu-bucket/*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::alpha-bucket/*' },
    ) } })] });
    const s3 = summarizePrincipal(a, { kind: 'user', name: 'ord3' }, decideRaw, catalog)?.services[0];
    expect([s3?.service, s3?.allResources, s3?.resources]).toEqual(['s3', false, ['arn:aws:s3:::alpha-bucket/*', 'arn:aws:s3:::zulu-bucket/*']]);
  });

  it('sorts the Permissions management actions', () => {
    const catalog = catalogOf(['iam:PutUserPolicy', 'iam:AttachUserPolicy', 'sts:GetCallerIdentity']);
    const a = account({ users: [user('ord4', { inlinePolicies: { p: doc({ Effect: 'Allow', NotAction: 'sts:GetCallerIdentity', Resource: '*' }) } })] });
    const s = summarizePrincipal(a, { kind: 'user', name: 'ord4' }, decideRaw, catalog);
    expect(s?.services.map((x) => [x.service, x.permissionsManagement])).toEqual([['iam', ['iam:AttachUserPolicy', 'iam:PutUserPolicy']]]);
    expect(s?.permissionsManagementCount).toBe(2);
  });
});

describe('summarizePrincipal: level totals are the catalogued actions of the service', () => {
  it('gives each level the number of the service\'s actions at that level (GameLift)', () => {
    const catalog = catalogOf(['gamelift:ListFleets', 'gamelift:DescribeFleetAttributes']);
    const a = account({ users: [user('gl', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 'gamelift:ListFleets', Resource: '*' }) } })] });
    const g = summarizePrincipal(a, { kind: 'user', name: 'gl' }, decideRaw, catalog)?.services[0];
    expect(g?.service).toBe('gamelift');
    expect(g?.levels).toEqual({
      List: { allowed: 1, total: 12 }, Read: { allowed: 0, total: 43 }, Write: { allowed: 0, total: 63 },
      'Permissions management': { allowed: 0, total: 0 }, Tagging: { allowed: 0, total: 2 },
    });
    expect(accessLevelText(g!.levels)).toBe('Limited: List');
  });
});

describe('summarizePrincipal: a principal without identity policies', () => {
  it('has no rows even under a decider that allows everything (nothing of its own grants anything)', () => {
    const allowAll: Decide<RawPolicySet> = () => 'Allow';
    const catalog = catalogOf(['s3:GetObject', 'ec2:DescribeInstances']);
    const a = account({ users: [user('empty1')] });
    expect(summarizePrincipal(a, { kind: 'user', name: 'empty1' }, allowAll, catalog)).toEqual({
      kind: 'user', name: 'empty1', arn: 'arn:aws:iam::111122223333:user/empty1', services: [], permissionsManagementCount: 0,
    });
  });

  it('does have rows under that decider once it holds a policy', () => {
    const allowAll: Decide<RawPolicySet> = () => 'Allow';
    const catalog = catalogOf(['s3:GetObject', 'ec2:DescribeInstances']);
    const a = account({ users: [user('empty2', { inlinePolicies: { p: doc({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }) } })] });
    expect(summarizePrincipal(a, { kind: 'user', name: 'empty2' }, allowAll, catalog)?.services.map((s) => s.service)).toEqual(['ec2', 's3']);
  });
});
