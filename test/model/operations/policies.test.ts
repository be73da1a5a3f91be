import { describe, expect, it } from 'vitest';
import { policyDocument } from '../../../src/model/lookup.js';
import { base, bigPolicy, build, fails, op, S3_READ, succeeds, T0 } from '../helpers.js';

const ARN = 'arn:aws:iam::123456789012:policy/app/reader';
const RO = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const V2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };
const withPolicy = () => build([op('CreatePolicy', { PolicyName: 'reader', Path: '/app/', PolicyDocument: S3_READ, Description: 'reads' })]);

describe('CreatePolicy', () => {
  it('creates v1 as default, never reviewed', () => {
    const p = withPolicy().policies[ARN]!;
    expect(p).toMatchObject({ name: 'reader', path: '/app/', defaultVersion: 'v1', lastReviewed: null, description: 'reads' });
    expect(p.id).toMatch(/^ANPA/);
    expect(p.versions).toEqual([{ id: 'v1', document: S3_READ, created: T0 }]);
  });
  it('accepts the document as a JSON string, as the AWS API does', () => {
    const a = succeeds(base(), op('CreatePolicy', { PolicyName: 'x', PolicyDocument: JSON.stringify(S3_READ) }));
    expect(policyDocument(a, 'arn:aws:iam::123456789012:policy/x')).toEqual(S3_READ);
  });
  it('EntityAlreadyExists for a taken name, whatever the path and the case', () => {
    fails(withPolicy(), op('CreatePolicy', { PolicyName: 'reader', Path: '/app/', PolicyDocument: S3_READ }), 'EntityAlreadyExists');
    expect(fails(withPolicy(), op('CreatePolicy', { PolicyName: 'Reader', Path: '/other/', PolicyDocument: S3_READ }), 'EntityAlreadyExists').message).toMatch(/Duplicate names/);
    succeeds(withPolicy(), op('CreatePolicy', { PolicyName: 'eader', PolicyDocument: S3_READ }));
  });
  it('MalformedPolicyDocument with the parser problems and pointers', () => {
    const e = fails(base(), op('CreatePolicy', { PolicyName: 'x', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allw', Action: 's3:GetObject', Resource: '*' }] } }), 'MalformedPolicyDocument');
    expect(e.problems?.length).toBeGreaterThan(0);
    expect(e.path).toMatch(/^\/PolicyDocument\/Statement\/0/);
    fails(base(), op('CreatePolicy', { PolicyName: 'x', PolicyDocument: '{not json' }), 'MalformedPolicyDocument');
  });
  it('MalformedPolicyDocument for a managed policy without Version 2012-10-17', () => {
    fails(base(), op('CreatePolicy', { PolicyName: 'x', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }), 'MalformedPolicyDocument');
  });
  it('LimitExceeded over 6,144 characters', () => {
    fails(base(), op('CreatePolicy', { PolicyName: 'x', PolicyDocument: bigPolicy(300) }), 'LimitExceeded');
  });
});

describe('CreatePolicyVersion', () => {
  it('adds v2, default only when asked', () => {
    const a = succeeds(withPolicy(), op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 }));
    expect(a.policies[ARN]!.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(a.policies[ARN]!.defaultVersion).toBe('v1');
    const b = succeeds(withPolicy(), op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2, SetAsDefault: true }));
    expect(policyDocument(b, ARN)).toEqual(V2);
  });
  it('LimitExceeded for a sixth version', () => {
    const a = build(Array.from({ length: 4 }, () => op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 })), withPolicy());
    fails(a, op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 }), 'LimitExceeded');
  });
  it('UnmodifiableEntity for an AWS managed policy; NoSuchEntity for an unknown one', () => {
    fails(base(), op('CreatePolicyVersion', { PolicyArn: RO, PolicyDocument: V2 }), 'UnmodifiableEntity');
    fails(base(), op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 }), 'NoSuchEntity');
  });
  it('MalformedPolicyDocument for a bad document', () => {
    fails(withPolicy(), op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: { Version: '2012-10-17' } }), 'MalformedPolicyDocument');
  });
});

describe('DeletePolicyVersion', () => {
  const two = () => build([op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 })], withPolicy());
  it('deletes a non-default version', () => {
    expect(succeeds(two(), op('DeletePolicyVersion', { PolicyArn: ARN, VersionId: 'v2' })).policies[ARN]!.versions.map((v) => v.id)).toEqual(['v1']);
  });
  it('DeleteConflict for the default version; NoSuchEntity for an unknown one', () => {
    fails(two(), op('DeletePolicyVersion', { PolicyArn: ARN, VersionId: 'v1' }), 'DeleteConflict');
    fails(two(), op('DeletePolicyVersion', { PolicyArn: ARN, VersionId: 'v9' }), 'NoSuchEntity');
  });
});

describe('SetDefaultPolicyVersion', () => {
  it('switches the default', () => {
    const a = build([op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 })], withPolicy());
    expect(policyDocument(succeeds(a, op('SetDefaultPolicyVersion', { PolicyArn: ARN, VersionId: 'v2' })), ARN)).toEqual(V2);
  });
  it('NoSuchEntity for an unknown version; UnmodifiableEntity for AWS managed', () => {
    fails(withPolicy(), op('SetDefaultPolicyVersion', { PolicyArn: ARN, VersionId: 'v3' }), 'NoSuchEntity');
    fails(base(), op('SetDefaultPolicyVersion', { PolicyArn: RO, VersionId: 'v1' }), 'UnmodifiableEntity');
  });
});

describe('DeletePolicy', () => {
  it('deletes an unattached policy', () => {
    expect(succeeds(withPolicy(), op('DeletePolicy', { PolicyArn: ARN })).policies).toEqual({});
  });
  it('DeleteConflict while attached, used as a boundary, or with other versions', () => {
    const u = build([op('CreateUser', { UserName: 'a' })], withPolicy());
    fails(build([op('AttachUserPolicy', { UserName: 'a', PolicyArn: ARN })], u), op('DeletePolicy', { PolicyArn: ARN }), 'DeleteConflict');
    fails(build([op('PutUserPermissionsBoundary', { UserName: 'a', PermissionsBoundary: ARN })], u), op('DeletePolicy', { PolicyArn: ARN }), 'DeleteConflict');
    fails(build([op('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: V2 })], u), op('DeletePolicy', { PolicyArn: ARN }), 'DeleteConflict');
  });
  it('UnmodifiableEntity for AWS managed; NoSuchEntity for unknown', () => {
    fails(base(), op('DeletePolicy', { PolicyArn: RO }), 'UnmodifiableEntity');
    fails(base(), op('DeletePolicy', { PolicyArn: ARN }), 'NoSuchEntity');
  });
});

describe('MarkPolicyReviewed', () => {
  it('records the review time', () => {
    expect(succeeds(withPolicy(), op('MarkPolicyReviewed', { PolicyArn: ARN }), '2026-03-01T00:00:00Z').policies[ARN]!.lastReviewed).toBe('2026-03-01T00:00:00Z');
  });
  it('NoSuchEntity for an unknown policy', () => {
    fails(base(), op('MarkPolicyReviewed', { PolicyArn: ARN }), 'NoSuchEntity');
  });
});
