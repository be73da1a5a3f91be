import { describe, expect, it } from 'vitest';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import type { PolicyDocument, RequestPrincipal } from '../../src/evaluator/types.js';
import { serviceActions } from '../../src/model/access-level.js';
import {
  REAL_CATALOG, actionsOf, buildUniverse, cidrBoundaries, compareGrants, grantsContained, keyCandidates, type Decide,
} from '../../src/checks/universe/index.js';
import { referenceEvaluate } from '../reference/index.js';
import { decideRaw } from '../../src/checks/universe/decide-raw.js';
import { awsManagedPolicy } from '../../src/model/aws-managed.js';

const principal: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::111122223333:user/priya', accountId: '111122223333' };
const fixed = { 'aws:username': 'priya', 'aws:PrincipalArn': principal.arn };
const decide: Decide<RawPolicySet> = (req, set) => referenceEvaluate(req, set);
const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const set = (...docs: PolicyDocument[]): RawPolicySet => ({ identity: docs });
const universeOf = (...docs: PolicyDocument[]) => buildUniverse(docs, REAL_CATALOG, { principal, fixed });

describe('request universe', () => {
  it('s3:Get* and the list of every S3 Get action are the same policy', () => {
    const gets = serviceActions('s3').map((a) => a.action).filter((a) => a.startsWith('s3:Get'));
    expect(gets.length).toBeGreaterThan(20);
    const a = doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    const b = doc({ Effect: 'Allow', Action: gets, Resource: '*' });
    const u = universeOf(a, b);
    expect(compareGrants(u, set(a), set(b), decide).equal).toBe(true);
  });

  it('dropping one action from the list is a difference, reported as that action', () => {
    const gets = serviceActions('s3').map((a) => a.action).filter((a) => a.startsWith('s3:Get'));
    const a = doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    const b = doc({ Effect: 'Allow', Action: gets.filter((x) => x !== 's3:GetObject'), Resource: '*' });
    const u = universeOf(a, b);
    const diff = compareGrants(u, set(a), set(b), decide);
    expect(diff.equal).toBe(false);
    expect(actionsOf(u, diff.onlyA)).toEqual(['s3:GetObject']);
    expect(diff.onlyB).toEqual([]);
    expect(grantsContained(u, set(b), set(a), decide)).toBe(true);
    expect(grantsContained(u, set(a), set(b), decide)).toBe(false);
  });

  it('the CIDR boundary values are the first and last address and their outside neighbours', () => {
    expect([...cidrBoundaries('10.0.0.0/24')].sort()).toEqual(['10.0.0.0', '10.0.0.255', '10.0.1.0', '9.255.255.255']);
    expect([...cidrBoundaries('203.0.113.7')].sort()).toEqual(['203.0.113.6', '203.0.113.7', '203.0.113.8']);
    expect(cidrBoundaries('2001:db8::/127')).toContain('2001:db8::2');
    expect(cidrBoundaries('not-an-ip')).toEqual([]);
  });

  it('date boundaries fall a second either side of each date', () => {
    const vals = keyCandidates('aws:CurrentTime', [{ operator: 'DateLessThan', key: 'aws:CurrentTime', values: ['2026-07-01T00:00:00Z'] }], {});
    expect(vals).toEqual(['2026-06-30T23:59:59Z', '2026-07-01T00:00:00Z', '2026-07-01T00:00:01Z']);
  });

  it('an IP allowlist narrows a grant, and the universe finds the outside address', () => {
    const open = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::drop/*' });
    const narrow = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::drop/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
    const u = universeOf(open, narrow);
    const diff = compareGrants(u, set(open), set(narrow), decide);
    expect(diff.onlyB).toEqual([]);
    const outside = diff.onlyA.map((r) => u.contexts[r.context]?.values['aws:sourceip']);
    expect(outside).toContain('203.0.112.255');
    expect(outside).toContain('203.0.114.0');
    expect(outside).toContain(undefined);
    expect(outside).not.toContain('203.0.113.0');
    expect(grantsContained(u, set(narrow), set(open), decide)).toBe(true);
  });

  it('a Deny statement is compared by meaning: Allow s3:* minus Deny s3:Delete* equals the complement listed out', () => {
    const nonDelete = serviceActions('s3').map((a) => a.action).filter((a) => !a.startsWith('s3:Delete'));
    const a = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' });
    const b = doc({ Effect: 'Allow', Action: nonDelete, Resource: '*' });
    const u = universeOf(a, b);
    expect(compareGrants(u, set(a), set(b), decide).equal).toBe(true);
  });

  it('NotAction grants every unmentioned action, and the unmatched class carries them', () => {
    const a = doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    const b = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const u = universeOf(a, b);
    const diff = compareGrants(u, set(a), set(b), decide);
    expect(diff.onlyA).toEqual([]);
    expect(actionsOf(u, diff.onlyB)).toEqual(serviceActions('iam').map((x) => x.action).sort());
  });

  it('AdministratorAccess is one action class over the whole action list', () => {
    const admin = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const u = universeOf(admin);
    expect(u.actionClasses).toHaveLength(1);
    expect(u.actionClasses[0]?.members.length).toBe(REAL_CATALOG.all().length);
    expect(u.exact).toBe(true);
    expect(u.size).toBe(u.resources.length);
  });

  it('resource patterns with policy variables are instantiated for the principal', () => {
    const a = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' });
    const u = universeOf(a);
    expect(u.resources).toContain('arn:aws:s3:::home/priya/iamsim');
  });

  it('keeps a covering sample and says so when the context product exceeds the limit', () => {
    const conds = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`aws:PrincipalTag/k${i}`, ['a', 'b', 'c']]));
    const a = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: conds } });
    const u = buildUniverse([a], REAL_CATALOG, { principal, maxContexts: 100 });
    expect(u.exact).toBe(false);
    expect(u.contexts.length).toBeLessThanOrEqual(100);
    for (let k = 0; k < 6; k++) {
      const seen = new Set(u.contexts.map((c) => c.values[`aws:principaltag/k${k}`]));
      for (const v of ['a', 'b', 'c', 'iamsim-other', undefined]) expect(seen.has(v)).toBe(true);
    }
  });

  it('judges AWS managed policies beyond the customer size quota with the real evaluator (ReadOnlyAccess is ~90,000 characters)', () => {
    const ro = awsManagedPolicy('ReadOnlyAccess')!.document;
    const s3ro = awsManagedPolicy('AmazonS3ReadOnlyAccess')!.document;
    const req = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: fixed };
    expect(decideRaw(req, { identity: [ro] })).toBe('Allow');
    const u = universeOf(ro, s3ro);
    // Not contained: ReadOnlyAccess has no s3:Describe*, which AmazonS3ReadOnlyAccess grants (catalog as shipped).
    const diff = compareGrants(u, { identity: [s3ro] }, { identity: [ro] }, decideRaw);
    expect(actionsOf(u, diff.onlyA)).toEqual(['s3:DescribeMultiRegionAccessPointOperation']);
    expect(actionsOf(u, diff.onlyB)).toContain('ec2:DescribeInstances');
  });
});
