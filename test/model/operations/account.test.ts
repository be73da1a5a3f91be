import { describe, expect, it } from 'vitest';
import { base, build, fails, op, S3_READ, succeeds } from '../helpers.js';

const BUCKET = 'arn:aws:s3:::reports';
const BUCKET_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }] };

describe('UpdateAccountPasswordPolicy', () => {
  it('sets the given fields and defaults for the rest', () => {
    const a = succeeds(base(), op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 24 }));
    expect(a.passwordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    });
  });
  it('replaces the whole policy: omitted fields revert to defaults', () => {
    const a = build([op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90 })]);
    const b = succeeds(a, op('UpdateAccountPasswordPolicy', { RequireNumbers: true }));
    expect(b.passwordPolicy).toMatchObject({ MinimumPasswordLength: 6, RequireSymbols: false, RequireNumbers: true, ExpirePasswords: false });
    expect(b.passwordPolicy?.MaxPasswordAge).toBeUndefined();
  });
  it('InvalidInput out of range', () => {
    expect(fails(base(), op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 5 }), 'InvalidInput').path).toBe('/MinimumPasswordLength');
    fails(base(), op('UpdateAccountPasswordPolicy', { PasswordReusePrevention: 25 }), 'InvalidInput');
  });
});

describe('DeleteAccountPasswordPolicy', () => {
  it('deletes; NoSuchEntity when there is none', () => {
    const a = build([op('UpdateAccountPasswordPolicy', {})]);
    expect(succeeds(a, op('DeleteAccountPasswordPolicy', {})).passwordPolicy).toBeNull();
    fails(base(), op('DeleteAccountPasswordPolicy', {}), 'NoSuchEntity');
  });
});

describe('PutResourcePolicy / DeleteResourcePolicy', () => {
  it('creates the resource with its policy and replaces it', () => {
    const a = succeeds(base(), op('PutResourcePolicy', { ResourceArn: BUCKET, Policy: BUCKET_POLICY }));
    expect(a.resources[BUCKET]).toEqual({ arn: BUCKET, policy: BUCKET_POLICY, tags: {} });
    const b = succeeds(build([op('TagResource', { ResourceArn: BUCKET, Tags: { a: 'b' } })]), op('PutResourcePolicy', { ResourceArn: BUCKET, Policy: JSON.stringify(BUCKET_POLICY) }));
    expect(b.resources[BUCKET]).toEqual({ arn: BUCKET, policy: BUCKET_POLICY, tags: { a: 'b' } });
  });
  it('MalformedPolicyDocument for a resource policy without Principal', () => {
    fails(base(), op('PutResourcePolicy', { ResourceArn: BUCKET, Policy: S3_READ }), 'MalformedPolicyDocument');
  });
  it('DeleteResourcePolicy keeps tags; NoSuchEntity without a policy', () => {
    const a = build([op('PutResourcePolicy', { ResourceArn: BUCKET, Policy: BUCKET_POLICY }), op('TagResource', { ResourceArn: BUCKET, Tags: { a: 'b' } })]);
    expect(succeeds(a, op('DeleteResourcePolicy', { ResourceArn: BUCKET })).resources[BUCKET]).toEqual({ arn: BUCKET, policy: null, tags: { a: 'b' } });
    fails(base(), op('DeleteResourcePolicy', { ResourceArn: BUCKET }), 'NoSuchEntity');
  });
  it('InvalidInput for a non-ARN', () => {
    fails(base(), op('PutResourcePolicy', { ResourceArn: 'reports', Policy: BUCKET_POLICY }), 'InvalidInput');
  });
});

describe('TagResource / UntagResource', () => {
  it('tags any ARN and removes tags', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const a = succeeds(base(), op('TagResource', { ResourceArn: key, Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect(a.resources[key]).toEqual({ arn: key, policy: null, tags: { env: 'prod' } });
    expect(succeeds(a, op('UntagResource', { ResourceArn: key, TagKeys: ['env'] })).resources[key]!.tags).toEqual({});
    fails(base(), op('UntagResource', { ResourceArn: key, TagKeys: ['env'] }), 'NoSuchEntity');
  });
  it('LimitExceeded past 50 tags', () => {
    const a = build([op('TagResource', { ResourceArn: BUCKET, Tags: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, 'v'])) })]);
    fails(a, op('TagResource', { ResourceArn: BUCKET, Tags: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`b${i}`, 'v'])) }), 'LimitExceeded');
  });
});

describe('RegisterPerson / AssignCredentialToPerson', () => {
  const setup = () => build([op('CreateUser', { UserName: 'ops' }), op('CreateAccessKey', { UserName: 'ops', AccessKeyId: 'AKIAOPS0000000000001' }), op('RegisterPerson', { PersonId: 'p1', Name: 'Ann', Ips: ['203.0.113.7'] })]);
  it('registers a person; EntityAlreadyExists for a taken id', () => {
    expect(setup().people['p1']).toEqual({ id: 'p1', name: 'Ann', credentials: [], ips: ['203.0.113.7'] });
    fails(setup(), op('RegisterPerson', { PersonId: 'p1' }), 'EntityAlreadyExists');
  });
  it('assigns console, key and root credentials, once each', () => {
    let a = setup();
    for (const c of [{ kind: 'console', user: 'ops' }, { kind: 'access-key', accessKeyId: 'AKIAOPS0000000000001' }, { kind: 'root' }, { kind: 'root' }]) {
      a = succeeds(a, op('AssignCredentialToPerson', { PersonId: 'p1', Credential: c }));
    }
    expect(a.people['p1']!.credentials).toEqual([{ kind: 'console', user: 'ops' }, { kind: 'access-key', accessKeyId: 'AKIAOPS0000000000001' }, { kind: 'root' }]);
  });
  it('NoSuchEntity for an unknown person, user or key; InvalidInput for an unknown kind', () => {
    fails(setup(), op('AssignCredentialToPerson', { PersonId: 'p9', Credential: { kind: 'root' } }), 'NoSuchEntity');
    expect(fails(setup(), op('AssignCredentialToPerson', { PersonId: 'p1', Credential: { kind: 'console', user: 'nobody' } }), 'NoSuchEntity').path).toBe('/Credential/user');
    fails(setup(), op('AssignCredentialToPerson', { PersonId: 'p1', Credential: { kind: 'access-key', accessKeyId: 'AKIANOPE000000000001' } }), 'NoSuchEntity');
    fails(setup(), op('AssignCredentialToPerson', { PersonId: 'p1', Credential: { kind: 'sso' } }), 'InvalidInput');
  });
});

describe('CreateAccountAlias / DeleteAccountAlias', () => {
  it('sets, replaces and deletes the alias', () => {
    const a = succeeds(base(), op('CreateAccountAlias', { AccountAlias: 'acme-prod' }));
    expect(a.alias).toBe('acme-prod');
    expect(succeeds(a, op('CreateAccountAlias', { AccountAlias: 'acme-main' })).alias).toBe('acme-main');
    expect(succeeds(a, op('DeleteAccountAlias', { AccountAlias: 'acme-prod' })).alias).toBeNull();
  });
  it('InvalidInput for a bad alias; NoSuchEntity for another alias', () => {
    fails(base(), op('CreateAccountAlias', { AccountAlias: 'Acme_Prod' }), 'InvalidInput');
    fails(base(), op('DeleteAccountAlias', { AccountAlias: 'acme-prod' }), 'NoSuchEntity');
  });
});
