/** The one-line reason for a decision: what decided it, or for an implicit deny the missing allow and the nearest miss. */
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import type { PolicyKind } from '../../src/evaluator/types.js';
import { decisionReason } from '../../src/explain/decision-reason.js';

const ACCOUNT = '111122223333';
const policy = (id: string, kind: PolicyKind, ...Statement: Record<string, unknown>[]) => {
  const p = compilePolicy({ Version: '2012-10-17', Statement }, { id, kind });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
const request = (context: Record<string, string> = {}) => ({
  principal: { kind: 'user' as const, arn: `arn:aws:iam::${ACCOUNT}:user/priya`, accountId: ACCOUNT },
  action: 's3:PutObject', resource: 'arn:aws:s3:::drop/acme/q1.csv', resourceAccount: ACCOUNT,
  context: { 'aws:SourceIp': '198.51.100.7', 'aws:CurrentTime': '2026-03-02T10:15:00Z', ...context },
});
const drop = policy(`arn:aws:iam::${ACCOUNT}:policy/PartnerDrop`, 'identity', {
  Sid: 'Upload', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::drop/acme/*',
  Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } },
});

describe('decisionReason', () => {
  it('names the deciding statements by policy and Sid, or index', () => {
    const admin = policy('arn:aws:iam::aws:policy/AdministratorAccess', 'identity', { Effect: 'Allow', Action: '*', Resource: '*' });
    const d = evaluate(request(), { identity: [admin, drop] }, { trace: true });
    expect(decisionReason(d, 's3:PutObject')).toBe('Allow by identity: AdministratorAccess#0');
    const deny = policy(`arn:aws:iam::${ACCOUNT}:user/priya/inline/NoUploads`, 'identity', { Sid: 'Stop', Effect: 'Deny', Action: 's3:Put*', Resource: '*' });
    expect(decisionReason(evaluate(request(), { identity: [admin, deny] }), 's3:PutObject')).toBe('ExplicitDeny by identity: NoUploads/Stop');
  });

  it('with a trace, adds the conditions that held for the deciding statement: the address and date that let it through', () => {
    const d = evaluate(request({ 'aws:SourceIp': '203.0.113.20' }), { identity: [drop] }, { trace: true });
    expect(decisionReason(d, 's3:PutObject')).toBe(
      'Allow by identity: PartnerDrop/Upload, since IpAddress aws:SourceIp 203.0.113.20 in 203.0.113.0/24 and DateLessThan aws:CurrentTime 2026-03-02T10:15:00Z < 2026-07-01T00:00:00Z',
    );
    expect(decisionReason(evaluate(request({ 'aws:SourceIp': '203.0.113.20' }), { identity: [drop] }), 's3:PutObject')).toBe('Allow by identity: PartnerDrop/Upload');
  });

  it('for an implicit deny, names the statement that would allow it and the condition that was false, with the values', () => {
    const d = evaluate(request(), { identity: [drop] }, { trace: true });
    expect(decisionReason(d, 's3:PutObject')).toBe('ImplicitDeny: PartnerDrop/Upload would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24');
  });

  it('lists every false condition of the nearest miss', () => {
    const d = evaluate(request({ 'aws:CurrentTime': '2026-07-02T09:00:00Z' }), { identity: [drop] }, { trace: true });
    expect(decisionReason(d, 's3:PutObject')).toBe(
      'ImplicitDeny: PartnerDrop/Upload would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 and DateLessThan aws:CurrentTime 2026-07-02T09:00:00Z not < 2026-07-01T00:00:00Z',
    );
  });

  it('a statement that misses the resource is no near miss, and without a trace there is none to name', () => {
    const other = evaluate({ ...request({ 'aws:SourceIp': '203.0.113.20' }), resource: 'arn:aws:s3:::drop/beta/q1.csv' }, { identity: [drop] }, { trace: true });
    expect(decisionReason(other, 's3:PutObject')).toBe('ImplicitDeny: no statement allows it');
    expect(decisionReason(evaluate(request(), { identity: [drop] }), 's3:PutObject')).toBe('ImplicitDeny: no statement allows it');
  });

  it('names the policy type that lacked an allow in AWS\'s words, and its own near miss', () => {
    const admin = policy('arn:aws:iam::aws:policy/AdministratorAccess', 'identity', { Effect: 'Allow', Action: '*', Resource: '*' });
    const s3Only = policy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'boundary', { Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    expect(decisionReason(evaluate(request(), { identity: [admin], boundary: s3Only }, { trace: true }), 's3:PutObject'))
      .toBe('ImplicitDeny by boundary: no permissions boundary allows s3:PutObject');
    const officeOnly = policy('arn:aws:iam::aws:policy/OfficeOnly', 'boundary', { Sid: 'Office', Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
    expect(decisionReason(evaluate(request(), { identity: [admin], boundary: officeOnly }, { trace: true }), 's3:PutObject'))
      .toBe('ImplicitDeny by boundary: OfficeOnly/Office would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24');
  });

  it('the root user gets its own words, and a role trust policy is read as the resource-based policy it is', () => {
    const rootReq = { ...request(), principal: { kind: 'root' as const, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT } };
    const root = evaluate(rootReq, { identity: [] });
    expect(root.decidedBy).toBe('root');
    expect(decisionReason(root, 's3:PutObject')).toBe('Allow by root: the root user can do anything no SCP or RCP denies');
    const trust = policy(`arn:aws:iam::${ACCOUNT}:role/deployer`, 'trust', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/sam` }, Action: 'sts:AssumeRole' });
    const assume = evaluate({ ...request(), action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/deployer` }, { identity: [policy(`arn:aws:iam::${ACCOUNT}:policy/Assume`, 'identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })], resource: trust, resourceMustAllow: true });
    expect(decisionReason(assume, 'sts:AssumeRole')).toBe('ImplicitDeny by resource: no resource-based policy allows sts:AssumeRole');
    const onlyOffice = policy('trust/deployer', 'trust', { Sid: 'Office', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/priya` }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
    const traced = evaluate({ ...request(), action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/deployer` }, { identity: [], resource: onlyOffice, resourceMustAllow: true }, { trace: true });
    expect(decisionReason(traced, 'sts:AssumeRole')).toBe('ImplicitDeny by resource: trust/deployer/Office would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24');
  });
});
