import { describe, expect, it } from 'vitest';
import { decideRaw, summarizePrincipal } from '../../../src/checks/universe/index.js';
import { account, doc, user } from '../universe-fixtures.js';

const ACTIONS = ['s3:GetObject', 's3:PutObject', 'ec2:DescribeInstances'];
const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const catalog = { expand: (p: string) => ACTIONS.filter((a) => re(p).test(a)), all: () => ACTIONS };

describe('ServiceSummary.resources: named only when not all resources', () => {
  it('is empty for a service whose allowed actions are allowed everywhere, even when a pattern names a resource', () => {
    const a = account({ users: [user('res1', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::named-bucket/*' },
      { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
    ) } })] });
    const s = summarizePrincipal(a, { kind: 'user', name: 'res1' }, decideRaw, catalog);
    expect(s?.services.map((x) => [x.service, x.allResources, x.resources])).toEqual([['ec2', true, []], ['s3', true, []]]);
  });

  it('lists the patterns for a service limited to some resources', () => {
    const a = account({ users: [user('res2', { inlinePolicies: { p: doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::named-bucket/*' },
      { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' },
    ) } })] });
    const s = summarizePrincipal(a, { kind: 'user', name: 'res2' }, decideRaw, catalog);
    expect(s?.services.map((x) => [x.service, x.allResources, x.resources])).toEqual([['ec2', true, []], ['s3', false, ['arn:aws:s3:::named-bucket/*']]]);
  });
});
