/** The detection core of sensitive-access-conditions, run against the reference evaluator (independent of the fast one). */
import { describe, expect, it } from 'vitest';

import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import type { Decide } from '../../src/checks/universe/compare-grants.js';
import { detectSensitiveAccess, guardPolicy, statedAllowlist, type SensitiveAccessOptions } from '../../src/checks/rules/sensitive-access-conditions.js';
import check from '../../src/checks/rules/sensitive-access-conditions.js';
import { contractEndInstant } from '../../src/checks/universe/sensitive-principals.js';
import { referenceEvaluate } from '../reference/index.js';
import { account, doc, group, user } from './universe-fixtures.js';

const decide: Decide<RawPolicySet> = (req, set) => referenceEvaluate(req, set);
const opts = check.meta.defaults as SensitiveAccessOptions;
const NOW = '2026-03-02T10:15:00Z';
const fenced = doc({
  Sid: 'PartnerDrop', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::partner-drop/*',
  Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } },
});
const ipOnly = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::partner-drop/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
const open = doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::partner-drop/*' });
const contractor = { employment: 'contractor', 'contract-end': '2026-06-30' };
const ids = (r: readonly { messageId: string }[]) => r.map((x) => x.messageId);

describe('sensitive-access-conditions detection (reference evaluator)', () => {
  it('a contractor fenced by IP and date, through a group, is fine', () => {
    const a = account({ users: [user('priya', { tags: contractor, groups: ['contractors'] })], groups: [group('contractors', { inlinePolicies: { drop: fenced } })] });
    expect(detectSensitiveAccess(a, NOW, opts, decide)).toEqual([]);
  });

  it('a non-sensitive user with an open policy is not this check’s business', () => {
    const a = account({ users: [user('dev', { inlinePolicies: { drop: open } })] });
    expect(detectSensitiveAccess(a, NOW, opts, decide)).toEqual([]);
  });

  it('an IP allowlist without a date bound is flagged with the contract end and a guard fix', () => {
    const a = account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: ipOnly } })] });
    const r = detectSensitiveAccess(a, NOW, opts, decide);
    expect(ids(r)).toEqual(['noDateBound']);
    expect(r[0]?.data).toMatchObject({ contractEnd: '2026-07-01T00:00:00Z', time: '2026-07-01T00:00:00Z' });
    expect(r[0]?.fix).toEqual([{ op: 'PutUserPolicy', input: { UserName: 'priya', PolicyName: 'iamsim-sensitive-access-guard', PolicyDocument: guardPolicy(['203.0.113.0/24'], '2026-07-01T00:00:00Z') } }]);
  });

  it('a date bound one second late is still a violation; exactly at the end is fine', () => {
    const late = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:01Z' } } });
    const onTime = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThanEquals: { 'aws:CurrentTime': '2026-06-30T23:59:59Z' } } });
    expect(ids(detectSensitiveAccess(account({ users: [user('p', { tags: contractor, inlinePolicies: { x: late } })] }), NOW, opts, decide))).toEqual(['noDateBound']);
    expect(detectSensitiveAccess(account({ users: [user('p', { tags: contractor, inlinePolicies: { x: onTime } })] }), NOW, opts, decide)).toEqual([]);
  });

  it('an open grant with a configured allowlist is flagged for both, and the guard clears both', () => {
    const tags = { ...contractor, 'iamsim:allowed-cidrs': '203.0.113.0/24 198.51.100.0/28' };
    const a = account({ users: [user('priya', { tags, inlinePolicies: { drop: open } })] });
    const r = detectSensitiveAccess(a, NOW, opts, decide);
    expect(ids(r)).toEqual(['noIpAllowlist', 'noDateBound']);
    expect(r[0]?.data['allowlist']).toBe('198.51.100.0/28 203.0.113.0/24');
    const guard = guardPolicy(['198.51.100.0/28', '203.0.113.0/24'], '2026-07-01T00:00:00Z');
    const fixed = account({ users: [user('priya', { tags, inlinePolicies: { drop: open, 'iamsim-sensitive-access-guard': guard } })] });
    expect(detectSensitiveAccess(fixed, NOW, opts, decide)).toEqual([]);
  });

  it('an open grant with no allowlist anywhere cannot be fixed automatically', () => {
    const a = account({ users: [user('priya', { tags: { employment: 'partner' }, inlinePolicies: { drop: open } })] });
    const r = detectSensitiveAccess(a, NOW, opts, decide);
    expect(ids(r)).toEqual(['noKnownAllowlist']);
    expect(r[0]?.fix).toBeUndefined();
  });

  it('after the contract end, remaining access is critical', () => {
    const a = account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: ipOnly } })] });
    const r = detectSensitiveAccess(a, '2026-07-06T10:00:00Z', opts, decide);
    expect(ids(r)).toEqual(['pastContractEnd']);
    expect(r[0]?.severity).toBe('critical');
  });

  it('a 0.0.0.0/0 "allowlist" is no allowlist', () => {
    const wide = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } });
    const r = detectSensitiveAccess(account({ users: [user('p', { tags: contractor, inlinePolicies: { x: wide } })] }), NOW, opts, decide);
    expect(ids(r)).toEqual(['noKnownAllowlist']);
  });

  it('a malformed contract-end tag is reported', () => {
    const r = detectSensitiveAccess(account({ users: [user('p', { tags: { employment: 'contractor', 'contract-end': 'end of June' }, inlinePolicies: { x: fenced } })] }), NOW, opts, decide);
    expect(ids(r)).toEqual(['badContractEnd']);
  });

  it('parses contract ends and stated allowlists', () => {
    expect(contractEndInstant('2026-06-30')).toBe('2026-07-01T00:00:00Z');
    expect(contractEndInstant('2026-06-30T17:00:00Z')).toBe('2026-06-30T17:00:00Z');
    expect(contractEndInstant('30/06/2026')).toBeNull();
    expect(statedAllowlist([fenced, guardPolicy(['198.51.100.0/28'], null)], 8)).toEqual(['198.51.100.0/28', '203.0.113.0/24']);
  });
});
