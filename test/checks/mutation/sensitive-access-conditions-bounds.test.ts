/** sensitive-access-conditions: exact findings when the IP and date bounds are judged apart, requests without a source IP, and unknown operators. */
import { describe, expect, it } from 'vitest';
import check, { statedAllowlist } from '../../../src/checks/rules/sensitive-access-conditions.js';
import { account, doc, user } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const NOW = '2026-03-02T10:15:00Z';
const drop = { Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::partner-drop/*' };
const ALLOW = '203.0.113.0/24';
const inside = { IpAddress: { 'aws:SourceIp': ALLOW } };
const run = (tags: Record<string, string>, ...statements: Record<string, unknown>[]) =>
  findings(check, account({ users: [user('priya', { tags, inlinePolicies: { p: doc(...statements) } })] }), NOW).map((f) => ({ messageId: f.messageId, data: f.data, fixed: f.fix !== undefined }));
const example = 's3:GetObject on arn:aws:s3:::partner-drop/';

describe('sensitive-access-conditions bounds', () => {
  it('an allowlist and no end: a request without aws:SourceIp that is allowed is outside the allowlist', () => {
    expect(run({ employment: 'contractor', 'iamsim:allowed-cidrs': ALLOW }, { Effect: 'Allow', ...drop, Condition: { Null: { 'aws:SourceIp': 'true' } } })).toEqual([
      { messageId: 'noIpAllowlist', data: { kind: 'user', name: 'priya', reason: 'employment=contractor', example, ip: 'a request without aws:SourceIp', allowlist: ALLOW }, fixed: true },
    ]);
  });
  it('an open grant on every resource names "*" as the example resource', () => {
    expect(run({ employment: 'contractor', 'iamsim:allowed-cidrs': ALLOW }, { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })).toEqual([
      { messageId: 'noIpAllowlist', data: { kind: 'user', name: 'priya', reason: 'employment=contractor', example: 's3:GetObject on *', ip: '203.0.112.255', allowlist: ALLOW }, fixed: true },
    ]);
  });
  it('no allowlist anywhere: both reports, every reason listed, and the date report still carries the guard fix', () => {
    const reason = 'employment=contractor, contract-end=2026-06-30';
    expect(run({ employment: 'contractor', 'contract-end': '2026-06-30' }, { Effect: 'Allow', ...drop })).toEqual([
      { messageId: 'noKnownAllowlist', data: { kind: 'user', name: 'priya', reason, example, tag: 'iamsim:allowed-cidrs' }, fixed: false },
      { messageId: 'noDateBound', data: { kind: 'user', name: 'priya', reason, contractEnd: '2026-07-01T00:00:00Z', example, time: '2026-07-01T00:00:00Z' }, fixed: true },
    ]);
  });
  it('the date bound is judged from inside the allowlist: an undated grant from outside is only the IP finding', () => {
    expect(run(
      { employment: 'contractor', 'contract-end': '2026-06-30', 'iamsim:allowed-cidrs': ALLOW },
      { Effect: 'Allow', ...drop, Condition: { ...inside, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } },
      { Effect: 'Allow', ...drop, Condition: { NotIpAddress: { 'aws:SourceIp': ALLOW } } },
    ).map((r) => r.messageId)).toEqual(['noIpAllowlist']);
  });
  it('access that only opens after the end is reported at the first instant it is allowed, not at the end', () => {
    expect(run(
      { employment: 'contractor', 'contract-end': '2026-06-30', 'iamsim:allowed-cidrs': ALLOW },
      { Effect: 'Allow', ...drop, Condition: { ...inside, DateGreaterThan: { 'aws:CurrentTime': '2026-07-15T00:00:00Z' } } },
    )).toEqual([
      { messageId: 'noDateBound', data: { kind: 'user', name: 'priya', reason: 'employment=contractor, contract-end=2026-06-30', contractEnd: '2026-07-01T00:00:00Z', example, time: '2026-07-15T00:00:01Z' }, fixed: true },
    ]);
  });
  it('an inside-only grant with no date bound is reported at the contract end itself', () => {
    expect(run({ employment: 'contractor', 'contract-end': '2026-06-30', 'iamsim:allowed-cidrs': ALLOW }, { Effect: 'Allow', ...drop, Condition: inside }).map((r) => [r.messageId, r.data['time']])).toEqual([
      ['noDateBound', '2026-07-01T00:00:00Z'],
    ]);
  });
  it('with no allowlist, a grant that only needs some source address is still "from any address"', () => {
    expect(run({ employment: 'contractor' }, { Effect: 'Allow', ...drop, Condition: { Null: { 'aws:SourceIp': 'false' } } })).toEqual([
      { messageId: 'noKnownAllowlist', data: { kind: 'user', name: 'priya', reason: 'employment=contractor', example, tag: 'iamsim:allowed-cidrs' }, fixed: false },
    ]);
  });
  it('statedAllowlist skips conditions on aws:SourceIp whose operator is unknown or not an IP operator', () => {
    const d = doc(
      { Effect: 'Allow', ...drop, Condition: { Bogus: { 'aws:SourceIp': '10.0.0.0/8' }, StringEquals: { 'aws:SourceIp': '10.1.0.0/16' } } },
      { Effect: 'Allow', ...drop, Condition: { IpAddress: { 'AWS:SourceIP': '10.2.0.0/16' } } },
    );
    expect(statedAllowlist([d], 8)).toEqual(['10.2.0.0/16']);
  });
});
