import { describe, expect, it } from 'vitest';
import { base, build, EC2_TRUST, fails, op, succeeds, T0 } from '../helpers.js';

const KEY = 'AKIAAPPKEY0000000001';
const setup = () =>
  build([
    op('CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST }),
    op('CreateInstanceProfile', { InstanceProfileName: 'web' }),
    op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web' }),
    op('CreateUser', { UserName: 'svc' }),
    op('CreateAccessKey', { UserName: 'svc', AccessKeyId: KEY }),
  ]);

describe('RunInstances', () => {
  it('launches an instance with a profile and applications on either credential', () => {
    const a = succeeds(setup(), op('RunInstances', { InstanceId: 'i-0123456789abcdef0', IamInstanceProfile: 'web', Applications: [{ Name: 'api' }, { Name: 'batch', AccessKeyId: KEY }], Tags: { Name: 'web-1' } }));
    expect(a.instances['i-0123456789abcdef0']).toEqual({
      id: 'i-0123456789abcdef0',
      region: 'us-east-1',
      launched: T0,
      instanceProfile: 'web',
      applications: [
        { name: 'api', credential: { kind: 'instance-role' } },
        { name: 'batch', credential: { kind: 'access-key', user: 'svc', accessKeyId: KEY } },
      ],
      tags: { Name: 'web-1' },
    });
  });
  it('generates an instance id', () => {
    const a = succeeds(base(), op('RunInstances', { Region: 'eu-west-1' }));
    const [i] = Object.values(a.instances);
    expect(i!.id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(i!.region).toBe('eu-west-1');
  });
  it('NoSuchEntity for an unknown profile or key; EntityAlreadyExists; InvalidInput for a duplicate app', () => {
    fails(setup(), op('RunInstances', { IamInstanceProfile: 'nope' }), 'NoSuchEntity');
    expect(fails(setup(), op('RunInstances', { Applications: [{ Name: 'a', AccessKeyId: 'AKIANOPE000000000001' }] }), 'NoSuchEntity').path).toBe('/Applications/0/AccessKeyId');
    const a = build([op('RunInstances', { InstanceId: 'i-00000001' })], setup());
    fails(a, op('RunInstances', { InstanceId: 'i-00000001' }), 'EntityAlreadyExists');
    fails(setup(), op('RunInstances', { Applications: [{ Name: 'a' }, { Name: 'a' }] }), 'InvalidInput');
  });
});

describe('TerminateInstance', () => {
  it('removes the instance; NoSuchEntity when unknown', () => {
    const a = build([op('RunInstances', { InstanceId: 'i-00000001' })], setup());
    expect(succeeds(a, op('TerminateInstance', { InstanceId: 'i-00000001' })).instances).toEqual({});
    fails(setup(), op('TerminateInstance', { InstanceId: 'i-00000001' }), 'NoSuchEntity');
  });
});

describe('AssociateIamInstanceProfile', () => {
  it('associates a profile; refuses a second unless Replace', () => {
    const a = build([op('RunInstances', { InstanceId: 'i-00000001' })], setup());
    const b = succeeds(a, op('AssociateIamInstanceProfile', { InstanceId: 'i-00000001', IamInstanceProfile: 'web' }));
    expect(b.instances['i-00000001']!.instanceProfile).toBe('web');
    const c = build([op('CreateInstanceProfile', { InstanceProfileName: 'other' })], b);
    fails(c, op('AssociateIamInstanceProfile', { InstanceId: 'i-00000001', IamInstanceProfile: 'other' }), 'InvalidInput');
    expect(succeeds(c, op('AssociateIamInstanceProfile', { InstanceId: 'i-00000001', IamInstanceProfile: 'other', Replace: true })).instances['i-00000001']!.instanceProfile).toBe('other');
  });
  it('NoSuchEntity for an unknown instance or profile', () => {
    fails(setup(), op('AssociateIamInstanceProfile', { InstanceId: 'i-00000001', IamInstanceProfile: 'web' }), 'NoSuchEntity');
    fails(build([op('RunInstances', { InstanceId: 'i-00000001' })], setup()), op('AssociateIamInstanceProfile', { InstanceId: 'i-00000001', IamInstanceProfile: 'x' }), 'NoSuchEntity');
  });
});

describe('SetApplicationCredential', () => {
  const running = () => build([op('RunInstances', { InstanceId: 'i-00000001', IamInstanceProfile: 'web', Applications: [{ Name: 'batch', AccessKeyId: KEY }] })], setup());
  it('switches an app from a user key to the instance role and back', () => {
    const a = succeeds(running(), op('SetApplicationCredential', { InstanceId: 'i-00000001', ApplicationName: 'batch' }));
    expect(a.instances['i-00000001']!.applications).toEqual([{ name: 'batch', credential: { kind: 'instance-role' } }]);
    const b = succeeds(a, op('SetApplicationCredential', { InstanceId: 'i-00000001', ApplicationName: 'batch', AccessKeyId: KEY }));
    expect(b.instances['i-00000001']!.applications[0]!.credential).toEqual({ kind: 'access-key', user: 'svc', accessKeyId: KEY });
  });
  it('adds an unknown application', () => {
    expect(succeeds(running(), op('SetApplicationCredential', { InstanceId: 'i-00000001', ApplicationName: 'cron' })).instances['i-00000001']!.applications).toHaveLength(2);
  });
  it('NoSuchEntity for an unknown instance or key', () => {
    fails(setup(), op('SetApplicationCredential', { InstanceId: 'i-00000009', ApplicationName: 'batch' }), 'NoSuchEntity');
    fails(running(), op('SetApplicationCredential', { InstanceId: 'i-00000001', ApplicationName: 'batch', AccessKeyId: 'AKIANOPE000000000001' }), 'NoSuchEntity');
  });
});

describe('trails', () => {
  const withTrail = () => build([op('CreateTrail', { Name: 'main', S3BucketName: 'trail-logs' })]);
  it('CreateTrail starts not logging; EntityAlreadyExists', () => {
    expect(withTrail().trails['main']).toEqual({ name: 'main', homeRegion: 'us-east-1', isMultiRegionTrail: false, logFileValidationEnabled: false, isLogging: false, s3BucketName: 'trail-logs' });
    fails(withTrail(), op('CreateTrail', { Name: 'main', S3BucketName: 'x-logs' }), 'EntityAlreadyExists');
  });
  it('UpdateTrail changes only given fields', () => {
    const a = succeeds(withTrail(), op('UpdateTrail', { Name: 'main', IsMultiRegionTrail: true, EnableLogFileValidation: true }));
    expect(a.trails['main']).toMatchObject({ isMultiRegionTrail: true, logFileValidationEnabled: true, s3BucketName: 'trail-logs' });
    fails(base(), op('UpdateTrail', { Name: 'main', IsMultiRegionTrail: true }), 'NoSuchEntity');
  });
  it('StartLogging / StopLogging / DeleteTrail', () => {
    const a = succeeds(withTrail(), op('StartLogging', { Name: 'main' }));
    expect(a.trails['main']!.isLogging).toBe(true);
    expect(succeeds(a, op('StopLogging', { Name: 'main' })).trails['main']!.isLogging).toBe(false);
    expect(succeeds(a, op('DeleteTrail', { Name: 'main' })).trails).toEqual({});
    fails(base(), op('StartLogging', { Name: 'main' }), 'NoSuchEntity');
    fails(base(), op('StopLogging', { Name: 'main' }), 'NoSuchEntity');
    fails(base(), op('DeleteTrail', { Name: 'main' }), 'NoSuchEntity');
  });
});
