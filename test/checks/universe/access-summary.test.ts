import { describe, expect, it } from 'vitest';
import { accessLevelText, decideRaw, summarizeAccount, summarizePrincipal, type Decide } from '../../../src/checks/universe/index.js';
import { ACCESS_LEVELS, serviceActions, type AccessLevel } from '../../../src/model/access-level.js';
import type { RawPolicySet } from '../../../src/evaluator/policy-set.js';
import { account, doc, role, user } from '../universe-fixtures.js';

/** A small catalog of real actions (and one made up, which has no access level), so allowed counts are exact. */
const ACTIONS = ['s3:GetObject', 's3:ListBucket', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutObject', 's3:MadeUp', 'ec2:DescribeInstances', 'iam:AttachUserPolicy', 'iam:CreateUser'];
const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const catalog = { expand: (p: string) => ACTIONS.filter((a) => re(p).test(a)), all: () => ACTIONS };

/** The catalogued totals of a service, with these allowed counts. */
function levels(svc: string, allowed: Partial<Record<AccessLevel, number>>) {
  return Object.fromEntries(ACCESS_LEVELS.map((l) => [l, { allowed: allowed[l] ?? 0, total: serviceActions(svc).filter((a) => a.level === l).length }]));
}

const lc = (allowed: number, total: number) => ({ allowed, total });
const all = (allowed: number, total: number) => Object.fromEntries(ACCESS_LEVELS.map((l) => [l, lc(allowed, total)])) as Record<AccessLevel, { allowed: number; total: number }>;

describe('accessLevelText: the console Access level column', () => {
  it('says Full access when every level is fully allowed', () => {
    expect(accessLevelText(all(3, 3))).toBe('Full access');
  });
  it('says Full access for a service with no catalogued actions', () => {
    expect(accessLevelText(all(0, 0))).toBe('Full access');
  });
  it('lists fully allowed levels, then partly allowed ones, skipping levels with nothing allowed', () => {
    expect(accessLevelText({ ...all(0, 4), List: lc(4, 4), Read: lc(2, 4), Tagging: lc(1, 4) })).toBe('Full: List  Limited: Read, Tagging');
  });
  it('gives only the Full part when nothing is partly allowed but some level is not allowed', () => {
    expect(accessLevelText({ ...all(0, 4), Read: lc(4, 4), Write: lc(4, 4) })).toBe('Full: Read, Write');
  });
  it('gives only the Limited part when no level is fully allowed', () => {
    expect(accessLevelText({ ...all(0, 4), Write: lc(1, 4) })).toBe('Limited: Write');
  });
  it('does not count a level with no actions as Full when others are limited', () => {
    expect(accessLevelText({ ...all(0, 0), Write: lc(1, 4) })).toBe('Limited: Write');
  });
  it('gives nothing when nothing is allowed', () => {
    expect(accessLevelText(all(0, 4))).toBe('');
  });
});

describe('summarizePrincipal', () => {
  const alice = user('alice', { inlinePolicies: {
    p: doc(
      { Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' },
      { Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::data*' },
      { Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
    ),
  } });
  const carol = user('carol', { inlinePolicies: {
    p: doc(
      { Effect: 'Allow', Action: ['s3:*BucketPolicy', 'iam:*'], Resource: ['arn:aws:s3:::zeta', 'arn:aws:s3:::alpha*', 'arn:aws:iam::111122223333:user/*'] },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    ),
  } });
  const admin = role('admin', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) } });
  const a = account({ users: [carol, alice, user('bob')], roles: [admin, role('slr', { serviceLinked: true })] });

  it('is undefined for a principal that does not exist', () => {
    expect(summarizePrincipal(a, { kind: 'user', name: 'nobody' }, decideRaw, catalog)).toBeUndefined();
    expect(summarizePrincipal(a, { kind: 'role', name: 'alice' }, decideRaw, catalog)).toBeUndefined();
  });

  it('rows by service in order, with counts per level, resources, conditions and Permissions management actions', () => {
    expect(summarizePrincipal(a, { kind: 'user', name: 'alice' }, decideRaw, catalog)).toEqual({
      kind: 'user', name: 'alice', arn: 'arn:aws:iam::111122223333:user/alice', permissionsManagementCount: 1,
      services: [
        {
          service: 'ec2', name: 'Amazon EC2', levels: levels('ec2', { List: 1 }), allResources: true,
          resources: [], conditions: ['aws:requestedregion'], permissionsManagement: [],
        },
        {
          service: 's3', name: 'Amazon S3', levels: levels('s3', { List: 1, Read: 1, 'Permissions management': 1 }), allResources: false,
          resources: ['arn:aws:s3:::data*'], conditions: [], permissionsManagement: ['s3:PutBucketPolicy'],
        },
      ],
    });
  });

  it('names resource patterns sorted, marks a service limited to resources even when one action is allowed everywhere, and sums PM actions over services', () => {
    const resources = ['arn:aws:iam::111122223333:user/*', 'arn:aws:s3:::alpha*', 'arn:aws:s3:::zeta'];
    expect(summarizePrincipal(a, { kind: 'user', name: 'carol' }, decideRaw, catalog)).toEqual({
      kind: 'user', name: 'carol', arn: 'arn:aws:iam::111122223333:user/carol', permissionsManagementCount: 3,
      services: [
        {
          service: 'iam', name: 'AWS Identity and Access Management (IAM)', levels: levels('iam', { Write: 1, 'Permissions management': 1 }), allResources: false,
          resources, conditions: [], permissionsManagement: ['iam:AttachUserPolicy'],
        },
        {
          service: 's3', name: 'Amazon S3', levels: levels('s3', { Write: 1, 'Permissions management': 2 }), allResources: false,
          resources, conditions: ['aws:securetransport'], permissionsManagement: ['s3:DeleteBucketPolicy', 's3:PutBucketPolicy'],
        },
      ],
    });
  });

  it('counts an action without an access level towards all resources but in no level', () => {
    const s = summarizePrincipal(a, { kind: 'role', name: 'admin' }, decideRaw, catalog);
    expect(s?.services).toEqual([{
      service: 's3', name: 'Amazon S3', levels: levels('s3', { List: 1, Read: 1, Write: 1, 'Permissions management': 2 }), allResources: true,
      resources: [], conditions: [], permissionsManagement: ['s3:DeleteBucketPolicy', 's3:PutBucketPolicy'],
    }]);
  });

  it('gives no rows for a principal without identity policies', () => {
    expect(summarizePrincipal(a, { kind: 'user', name: 'bob' }, decideRaw, catalog)).toEqual({ kind: 'user', name: 'bob', arn: 'arn:aws:iam::111122223333:user/bob', services: [], permissionsManagementCount: 0 });
  });

  it('answers with the evaluator and catalog it is given, not a remembered one', () => {
    const denyAll: Decide<RawPolicySet> = () => 'ImplicitDeny';
    expect(summarizePrincipal(a, { kind: 'role', name: 'admin' }, denyAll, catalog)?.services).toEqual([]);
    const s3Only = { expand: (p: string) => catalog.expand(p).filter((x) => x === 's3:GetObject'), all: () => ['s3:GetObject'] };
    expect(summarizePrincipal(a, { kind: 'role', name: 'admin' }, decideRaw, s3Only)?.services.map((s) => [s.service, s.levels.Read.allowed, s.levels.Write.allowed])).toEqual([['s3', 1, 0]]);
  });

  it('shares the summary of principals holding the same policies, and keeps others apart', () => {
    const p = doc({ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' });
    const b = account({ users: [user('u1', { inlinePolicies: { p } }), user('u2', { inlinePolicies: { p } }), user('u3', { inlinePolicies: { p: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) } })] });
    const [u1, u2, u3] = ['u1', 'u2', 'u3'].map((name) => summarizePrincipal(b, { kind: 'user', name }, decideRaw, catalog));
    expect(u1?.services).toBe(u2?.services);
    expect(u2?.name).toBe('u2');
    expect(u3?.services.map((s) => s.service)).toEqual(['ec2']);
  });
});

describe('summarizeAccount', () => {
  it('summarises users then roles, each by name, leaving out service-linked roles', () => {
    const a = account({ users: [user('zed'), user('amy')], roles: [role('web'), role('AWSServiceRoleForX', { serviceLinked: true }), role('app')] });
    expect(summarizeAccount(a, decideRaw, catalog).map((s) => `${s.kind}:${s.name}`)).toEqual(['user:amy', 'user:zed', 'role:app', 'role:web']);
  });
});
