import { describe, expect, it } from 'vitest';
import type { RawPolicySet } from '../../../src/evaluator/policy-set.js';
import type { AuthzRequest } from '../../../src/evaluator/types.js';
import { compileRawSet, decideRaw } from '../../../src/checks/universe/decide-raw.js';
import { ACCOUNT_ID, doc } from '../universe-fixtures.js';

const allowS3 = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const allowGet = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const denyPut = doc({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' });
/** RCPs name Principal "*". */
const rcpAll = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
const rcpDenyPut = doc({ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' });
/** Does not compile: Effect must be Allow or Deny. */
const broken = doc({ Effect: 'Maybe', Action: 's3:*', Resource: '*' });
const arn = `arn:aws:iam::${ACCOUNT_ID}:user/dora`;
const bucketGet = doc({ Effect: 'Allow', Principal: { AWS: arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
const roleArn = `arn:aws:iam::${ACCOUNT_ID}:role/app`;
const sessionReq = (action: string): AuthzRequest => ({
  principal: { kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/app/s`, accountId: ACCOUNT_ID, roleArn }, action, resource: 'arn:aws:s3:::bucket/key', context: { 'aws:PrincipalArn': roleArn },
} as AuthzRequest);
const req = (action: string): AuthzRequest => ({
  principal: { kind: 'user', arn, accountId: ACCOUNT_ID }, action, resource: 'arn:aws:s3:::bucket/key', context: { 'aws:PrincipalArn': arn },
} as AuthzRequest);

describe('compileRawSet', () => {
  it('compiles each field under its kind, with ids naming the field and position', () => {
    const c = compileRawSet({ identity: [allowS3, allowGet], resource: bucketGet, boundary: allowAll, session: [allowAll, allowGet], scp: [[allowAll], [allowAll, allowS3]], rcp: [[rcpAll]], resourceMustAllow: true });
    expect(c.identity.map((p) => [p.id, p.kind])).toEqual([['identity-0', 'identity'], ['identity-1', 'identity']]);
    expect([c.resource?.id, c.resource?.kind]).toEqual(['resource', 'resource']);
    expect([c.boundary?.id, c.boundary?.kind]).toEqual(['boundary', 'boundary']);
    expect(c.session?.map((p) => [p.id, p.kind])).toEqual([['session-0', 'session'], ['session-1', 'session']]);
    expect(c.scp?.map((l) => l.map((p) => [p.id, p.kind]))).toEqual([[['scp-0-0', 'scp']], [['scp-1-0', 'scp'], ['scp-1-1', 'scp']]]);
    expect(c.rcp?.map((l) => l.map((p) => [p.id, p.kind]))).toEqual([[['rcp-0-0', 'rcp']]]);
    expect(c.resourceMustAllow).toBe(true);
  });

  it('takes one session document as a list of one', () => {
    expect(compileRawSet({ identity: [], session: allowGet }).session?.map((p) => p.id)).toEqual(['session-0']);
  });

  it('leaves out the fields the raw set does not have', () => {
    expect(compileRawSet({})).toEqual({ identity: [] });
    expect(Object.keys(compileRawSet({ identity: [allowS3] }))).toEqual(['identity']);
  });

  it('drops documents that do not compile, keeping the rest', () => {
    const c = compileRawSet({ identity: [broken, allowGet], boundary: broken, resource: broken, session: [broken], scp: [[broken, allowAll]] });
    expect(c.identity.map((p) => p.id)).toEqual(['identity-1']);
    expect(c.boundary).toBeNull();
    expect(c.resource).toBeNull();
    expect(c.session).toEqual([]);
    expect(c.scp?.map((l) => l.map((p) => p.id))).toEqual([['scp-0-1']]);
  });

  it('compiles a set once: the same set object gives the same compiled set', () => {
    const set: RawPolicySet = { identity: [allowS3] };
    expect(compileRawSet(set)).toBe(compileRawSet(set));
  });
});

describe('decideRaw: every policy type of the set takes part', () => {
  it('an identity Allow allows, and an explicit Deny wins', () => {
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3] })).toBe('Allow');
    expect(decideRaw(req('s3:PutObject'), { identity: [allowS3, denyPut] })).toBe('ExplicitDeny');
    expect(decideRaw(req('s3:GetObject'), { identity: [] })).toBe('ImplicitDeny');
  });

  it('a permissions boundary caps the identity grant', () => {
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3], boundary: allowGet })).toBe('Allow');
    expect(decideRaw(req('s3:PutObject'), { identity: [allowS3], boundary: allowGet })).toBe('ImplicitDeny');
  });

  it('session policies cap the identity grant, given as one document or a list', () => {
    expect(decideRaw(sessionReq('s3:PutObject'), { identity: [allowS3] })).toBe('Allow');
    expect(decideRaw(sessionReq('s3:PutObject'), { identity: [allowS3], session: allowGet })).toBe('ImplicitDeny');
    expect(decideRaw(sessionReq('s3:PutObject'), { identity: [allowS3], session: [allowGet] })).toBe('ImplicitDeny');
    expect(decideRaw(sessionReq('s3:GetObject'), { identity: [allowS3], session: [allowGet] })).toBe('Allow');
  });

  it('each SCP level must allow, and an SCP Deny denies', () => {
    expect(decideRaw(req('s3:PutObject'), { identity: [allowS3], scp: [[allowAll], [allowGet]] })).toBe('ImplicitDeny');
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3], scp: [[allowAll], [allowGet]] })).toBe('Allow');
    expect(decideRaw(req('s3:PutObject'), { identity: [allowS3], scp: [[allowAll, denyPut]] })).toBe('ExplicitDeny');
  });

  it('an RCP Deny denies', () => {
    expect(decideRaw(req('s3:PutObject'), { identity: [allowS3], rcp: [[rcpAll, rcpDenyPut]] })).toBe('ExplicitDeny');
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3], rcp: [[rcpAll, rcpDenyPut]] })).toBe('Allow');
  });

  it('a resource policy naming the principal allows on its own in the same account', () => {
    expect(decideRaw(req('s3:GetObject'), { identity: [], resource: bucketGet })).toBe('Allow');
  });

  it('when the resource policy must allow, an identity Allow alone is not enough', () => {
    const other = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:user/someone-else` }, Action: 's3:GetObject', Resource: '*' });
    expect(decideRaw(req('s3:GetObject'), { identity: [], resource: other })).toBe('ImplicitDeny');
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3], resource: other })).toBe('Allow');
    expect(decideRaw(req('s3:GetObject'), { identity: [allowS3], resource: other, resourceMustAllow: true })).toBe('ImplicitDeny');
  });
});
