import { describe, expect, it } from 'vitest';
import { policySize } from '../../../src/model/operations/common/policy-document.js';
import { base, bigPolicy, build, EC2_TRUST, fails, op, S3_READ, succeeds } from '../helpers.js';

const RO = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const setup = () =>
  build([
    op('CreateUser', { UserName: 'alice' }),
    op('CreateGroup', { GroupName: 'devs' }),
    op('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST }),
    op('CreateServiceLinkedRole', { AWSServiceName: 'autoscaling.amazonaws.com' }),
  ]);
const KINDS = [
  ['User', 'UserName', 'alice', 'users'],
  ['Group', 'GroupName', 'devs', 'groups'],
  ['Role', 'RoleName', 'app', 'roles'],
] as const;
const policies = (n: number) => Array.from({ length: n }, (_, i) => op('CreatePolicy', { PolicyName: `p${i}`, PolicyDocument: S3_READ }));
const pArn = (i: number) => `arn:aws:iam::123456789012:policy/p${i}`;

describe.each(KINDS)('Attach%sPolicy', (kind, field, name, coll) => {
  it('attaches an AWS managed policy once, even when called twice', () => {
    const a = build([op(`Attach${kind}Policy`, { [field]: name, PolicyArn: RO })], setup());
    expect(succeeds(a, op(`Attach${kind}Policy`, { [field]: name, PolicyArn: RO }))[coll][name]!.attachedPolicies).toEqual([RO]);
  });
  it('NoSuchEntity for an unknown policy or principal', () => {
    fails(setup(), op(`Attach${kind}Policy`, { [field]: name, PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicyXyz' }), 'NoSuchEntity');
    fails(setup(), op(`Attach${kind}Policy`, { [field]: 'ghost', PolicyArn: RO }), 'NoSuchEntity');
  });
  it('PolicyNotAttachable for a service-role policy', () => {
    fails(setup(), op(`Attach${kind}Policy`, { [field]: name, PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/APIGatewayServiceRolePolicy' }), 'PolicyNotAttachable');
  });
  it('LimitExceeded for an 11th policy', () => {
    const a = build([...policies(11), ...Array.from({ length: 10 }, (_, i) => op(`Attach${kind}Policy`, { [field]: name, PolicyArn: pArn(i) }))], setup());
    fails(a, op(`Attach${kind}Policy`, { [field]: name, PolicyArn: pArn(10) }), 'LimitExceeded');
  });
});

describe.each(KINDS)('Detach%sPolicy', (kind, field, name, coll) => {
  it('detaches', () => {
    const a = build([op(`Attach${kind}Policy`, { [field]: name, PolicyArn: RO })], setup());
    expect(succeeds(a, op(`Detach${kind}Policy`, { [field]: name, PolicyArn: RO }))[coll][name]!.attachedPolicies).toEqual([]);
  });
  it('NoSuchEntity when not attached', () => {
    fails(setup(), op(`Detach${kind}Policy`, { [field]: name, PolicyArn: RO }), 'NoSuchEntity');
  });
});

describe.each([...KINDS.map((k, i) => [...k, [2048, 5120, 10240][i]!] as const)])('Put%sPolicy', (kind, field, name, coll, quota) => {
  it('adds and replaces an inline policy', () => {
    const a = succeeds(setup(), op(`Put${kind}Policy`, { [field]: name, PolicyName: 'p', PolicyDocument: S3_READ }));
    expect(a[coll][name]!.inlinePolicies).toEqual({ p: S3_READ });
    const doc = { ...S3_READ, Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
    expect(succeeds(a, op(`Put${kind}Policy`, { [field]: name, PolicyName: 'p', PolicyDocument: doc }))[coll][name]!.inlinePolicies).toEqual({ p: doc });
  });
  it('MalformedPolicyDocument for a bad document', () => {
    fails(setup(), op(`Put${kind}Policy`, { [field]: name, PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] } }), 'MalformedPolicyDocument');
  });
  it(`LimitExceeded past the aggregate ${quota}-character quota`, () => {
    const sizeOver = (limit: number) => {
      let n = 1;
      while (policySize(bigPolicy(n)) <= limit) n++;
      return n;
    };
    const e = fails(setup(), op(`Put${kind}Policy`, { [field]: name, PolicyName: 'p', PolicyDocument: bigPolicy(sizeOver(quota)) }), 'LimitExceeded');
    expect(e.message).toContain(String(quota));
    // two policies, each just over half the quota: one fits, both do not
    const half = bigPolicy(sizeOver(quota / 2));
    expect(policySize(half)).toBeLessThan(quota);
    const a = build([op(`Put${kind}Policy`, { [field]: name, PolicyName: 'a', PolicyDocument: half })], setup());
    fails(a, op(`Put${kind}Policy`, { [field]: name, PolicyName: 'b', PolicyDocument: half }), 'LimitExceeded');
    succeeds(a, op(`Put${kind}Policy`, { [field]: name, PolicyName: 'a', PolicyDocument: half }));
  });
});

describe.each(KINDS)('Delete%sPolicy', (kind, field, name, coll) => {
  it('deletes an inline policy', () => {
    const a = build([op(`Put${kind}Policy`, { [field]: name, PolicyName: 'p', PolicyDocument: S3_READ })], setup());
    expect(succeeds(a, op(`Delete${kind}Policy`, { [field]: name, PolicyName: 'p' }))[coll][name]!.inlinePolicies).toEqual({});
  });
  it('NoSuchEntity for an unknown policy name', () => {
    fails(setup(), op(`Delete${kind}Policy`, { [field]: name, PolicyName: 'p' }), 'NoSuchEntity');
  });
});

describe('service-linked roles are not editable', () => {
  it('UnmodifiableEntity for policy changes on a service-linked role', () => {
    const a = setup();
    const slr = 'AWSServiceRoleForAutoscaling';
    expect(a.roles[slr]?.serviceLinked).toBe(true);
    fails(a, op('AttachRolePolicy', { RoleName: slr, PolicyArn: RO }), 'UnmodifiableEntity');
    fails(a, op('PutRolePolicy', { RoleName: slr, PolicyName: 'p', PolicyDocument: S3_READ }), 'UnmodifiableEntity');
    fails(a, op('DeleteRole', { RoleName: slr }), 'UnmodifiableEntity');
    fails(a, op('UpdateAssumeRolePolicy', { RoleName: slr, PolicyDocument: EC2_TRUST }), 'UnmodifiableEntity');
  });
  it('the base account has no such role', () => {
    expect(base().roles).toEqual({});
  });
});
