import { describe, expect, it } from 'vitest';
import { base, bigPolicy, build, EC2_TRUST, fails, op, S3_READ, succeeds } from '../helpers.js';

const RO = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const withRole = () => build([op('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST })]);

describe('CreateRole', () => {
  it('creates a role with defaults', () => {
    const r = withRole().roles['app']!;
    expect(r).toMatchObject({ arn: 'arn:aws:iam::123456789012:role/app', maxSessionDuration: 3600, boundary: null, trustPolicy: EC2_TRUST, tags: {} });
    expect(r.id).toMatch(/^AROA/);
    expect(r.serviceLinked).toBeUndefined();
  });
  it('takes description, session duration, boundary and tags', () => {
    const a = succeeds(base(), op('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: EC2_TRUST, Description: 'd', MaxSessionDuration: 7200, PermissionsBoundary: RO, Tags: { a: 'b' } }));
    expect(a.roles['r']).toMatchObject({ description: 'd', maxSessionDuration: 7200, boundary: RO, tags: { a: 'b' } });
  });
  it('EntityAlreadyExists; InvalidInput for the reserved path or a bad duration', () => {
    fails(withRole(), op('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: EC2_TRUST }), 'EntityAlreadyExists');
    fails(withRole(), op('CreateRole', { RoleName: 'APP', AssumeRolePolicyDocument: EC2_TRUST }), 'EntityAlreadyExists');
    fails(base(), op('CreateRole', { RoleName: 'r', Path: '/aws-service-role/x/', AssumeRolePolicyDocument: EC2_TRUST }), 'InvalidInput');
    expect(fails(base(), op('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 60 }), 'InvalidInput').path).toBe('/MaxSessionDuration');
  });
  it('MalformedPolicyDocument for a trust policy without Principal', () => {
    fails(base(), op('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: S3_READ }), 'MalformedPolicyDocument');
  });
  it('LimitExceeded for a trust policy over 2,048 characters', () => {
    const big = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::1234567890${String(i).padStart(2, '0')}:root`) }, Action: 'sts:AssumeRole' }] };
    fails(base(), op('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: big }), 'LimitExceeded');
  });
});

describe('CreateServiceLinkedRole', () => {
  it('creates a service-linked role under /aws-service-role/', () => {
    const a = succeeds(base(), op('CreateServiceLinkedRole', { AWSServiceName: 'elasticbeanstalk.amazonaws.com' }));
    const r = a.roles['AWSServiceRoleForElasticbeanstalk']!;
    expect(r.serviceLinked).toBe(true);
    expect(r.path).toBe('/aws-service-role/elasticbeanstalk.amazonaws.com/');
    fails(a, op('CreateServiceLinkedRole', { AWSServiceName: 'elasticbeanstalk.amazonaws.com' }), 'EntityAlreadyExists');
  });
  it('InvalidInput for a non-service principal', () => {
    fails(base(), op('CreateServiceLinkedRole', { AWSServiceName: 'example.com' }), 'InvalidInput');
  });
});

describe('DeleteRole', () => {
  it('deletes a bare role', () => {
    expect(succeeds(withRole(), op('DeleteRole', { RoleName: 'app' })).roles).toEqual({});
  });
  it('DeleteConflict with policies or an instance profile', () => {
    fails(build([op('AttachRolePolicy', { RoleName: 'app', PolicyArn: RO })], withRole()), op('DeleteRole', { RoleName: 'app' }), 'DeleteConflict');
    fails(build([op('PutRolePolicy', { RoleName: 'app', PolicyName: 'p', PolicyDocument: S3_READ })], withRole()), op('DeleteRole', { RoleName: 'app' }), 'DeleteConflict');
    const a = build([op('CreateInstanceProfile', { InstanceProfileName: 'ip' }), op('AddRoleToInstanceProfile', { InstanceProfileName: 'ip', RoleName: 'app' })], withRole());
    expect(fails(a, op('DeleteRole', { RoleName: 'app' }), 'DeleteConflict').message).toMatch(/ip/);
  });
  it('NoSuchEntity for an unknown role', () => {
    fails(base(), op('DeleteRole', { RoleName: 'x' }), 'NoSuchEntity');
  });
});

describe('UpdateAssumeRolePolicy', () => {
  it('replaces the trust policy', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] };
    expect(succeeds(withRole(), op('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: doc })).roles['app']!.trustPolicy).toEqual(doc);
  });
  it('MalformedPolicyDocument; NoSuchEntity', () => {
    fails(withRole(), op('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: bigPolicy(1) }), 'MalformedPolicyDocument');
    fails(base(), op('UpdateAssumeRolePolicy', { RoleName: 'app', PolicyDocument: EC2_TRUST }), 'NoSuchEntity');
  });
});

describe('TagRole / UntagRole', () => {
  it('tags and untags', () => {
    const a = succeeds(withRole(), op('TagRole', { RoleName: 'app', Tags: { env: 'prod', team: 'x' } }));
    expect(a.roles['app']!.tags).toEqual({ env: 'prod', team: 'x' });
    expect(succeeds(a, op('UntagRole', { RoleName: 'app', TagKeys: ['env'] })).roles['app']!.tags).toEqual({ team: 'x' });
  });
  it('NoSuchEntity for an unknown role', () => {
    fails(base(), op('TagRole', { RoleName: 'x', Tags: { a: 'b' } }), 'NoSuchEntity');
    fails(base(), op('UntagRole', { RoleName: 'x', TagKeys: ['a'] }), 'NoSuchEntity');
  });
});

describe('permissions boundaries', () => {
  const setup = () => build([op('CreateUser', { UserName: 'u' })], withRole());
  it('PutUserPermissionsBoundary / DeleteUserPermissionsBoundary', () => {
    const a = succeeds(setup(), op('PutUserPermissionsBoundary', { UserName: 'u', PermissionsBoundary: RO }));
    expect(a.users['u']!.boundary).toBe(RO);
    expect(succeeds(a, op('DeleteUserPermissionsBoundary', { UserName: 'u' })).users['u']!.boundary).toBeNull();
    fails(setup(), op('DeleteUserPermissionsBoundary', { UserName: 'u' }), 'NoSuchEntity');
    fails(setup(), op('PutUserPermissionsBoundary', { UserName: 'u', PermissionsBoundary: 'arn:aws:iam::123456789012:policy/none' }), 'NoSuchEntity');
    fails(setup(), op('PutUserPermissionsBoundary', { UserName: 'x', PermissionsBoundary: RO }), 'NoSuchEntity');
  });
  it('PutRolePermissionsBoundary / DeleteRolePermissionsBoundary', () => {
    const a = succeeds(setup(), op('PutRolePermissionsBoundary', { RoleName: 'app', PermissionsBoundary: RO }));
    expect(a.roles['app']!.boundary).toBe(RO);
    expect(succeeds(a, op('DeleteRolePermissionsBoundary', { RoleName: 'app' })).roles['app']!.boundary).toBeNull();
    fails(setup(), op('DeleteRolePermissionsBoundary', { RoleName: 'app' }), 'NoSuchEntity');
    const slr = build([op('CreateServiceLinkedRole', { AWSServiceName: 'autoscaling.amazonaws.com' })]);
    fails(slr, op('PutRolePermissionsBoundary', { RoleName: 'AWSServiceRoleForAutoscaling', PermissionsBoundary: RO }), 'UnmodifiableEntity');
  });
});

describe('instance profiles', () => {
  const setup = () => build([op('CreateInstanceProfile', { InstanceProfileName: 'web', Path: '/ec2/' })], withRole());
  it('CreateInstanceProfile; EntityAlreadyExists', () => {
    const p = setup().instanceProfiles['web']!;
    expect(p).toMatchObject({ arn: 'arn:aws:iam::123456789012:instance-profile/ec2/web', roles: [] });
    expect(p.id).toMatch(/^AIPA/);
    fails(setup(), op('CreateInstanceProfile', { InstanceProfileName: 'web' }), 'EntityAlreadyExists');
  });
  it('AddRoleToInstanceProfile; LimitExceeded for a second role; NoSuchEntity', () => {
    const a = succeeds(setup(), op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' }));
    expect(a.instanceProfiles['web']!.roles).toEqual(['app']);
    const b = build([op('CreateRole', { RoleName: 'other', AssumeRolePolicyDocument: EC2_TRUST })], a);
    fails(b, op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'other' }), 'LimitExceeded');
    fails(setup(), op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'nope' }), 'NoSuchEntity');
    fails(setup(), op('AddRoleToInstanceProfile', { InstanceProfileName: 'nope', RoleName: 'app' }), 'NoSuchEntity');
  });
  it('RemoveRoleFromInstanceProfile; NoSuchEntity when absent', () => {
    const a = build([op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' })], setup());
    expect(succeeds(a, op('RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' })).instanceProfiles['web']!.roles).toEqual([]);
    fails(setup(), op('RemoveRoleFromInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' }), 'NoSuchEntity');
  });
  it('DeleteInstanceProfile; DeleteConflict with a role or an instance', () => {
    expect(succeeds(setup(), op('DeleteInstanceProfile', { InstanceProfileName: 'web' })).instanceProfiles).toEqual({});
    fails(build([op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' })], setup()), op('DeleteInstanceProfile', { InstanceProfileName: 'web' }), 'DeleteConflict');
    fails(build([op('RunInstances', { IamInstanceProfile: 'web' })], setup()), op('DeleteInstanceProfile', { InstanceProfileName: 'web' }), 'DeleteConflict');
    fails(base(), op('DeleteInstanceProfile', { InstanceProfileName: 'web' }), 'NoSuchEntity');
  });
});
