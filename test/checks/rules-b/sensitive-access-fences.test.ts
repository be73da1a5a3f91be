/** sensitive-access-conditions: what counts as a stated allowlist, the guard policy written, roles, options, and the exact messages. */
import { describe, expect, it } from 'vitest';
import check, { guardPolicy, statedAllowlist } from '../../../src/checks/rules/sensitive-access-conditions.js';
import { account, doc, role, user } from '../universe-fixtures.js';
import { findings, messages } from './render.js';

const NOW = '2026-03-02T10:15:00Z';
const contractor = { employment: 'contractor', 'contract-end': '2026-06-30' };
const get = { Action: 's3:GetObject', Resource: 'arn:aws:s3:::drop/*' };
const allowIf = (Condition: object) => doc({ Effect: 'Allow', ...get, Condition });
const denyIf = (Condition: object) => doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition });
const END = '2026-07-01T00:00:00Z';

describe('statedAllowlist', () => {
  it('takes IpAddress on aws:SourceIp in an Allow, with the key in any case, sorted and without duplicates', () => {
    const docs = [allowIf({ IpAddress: { 'AWS:SOURCEIP': ['203.0.113.0/24', '198.51.100.0/28'] } }), allowIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })];
    expect(statedAllowlist(docs, 8)).toEqual(['198.51.100.0/28', '203.0.113.0/24']);
  });
  it('takes NotIpAddress in a Deny, but not NotIpAddress in an Allow nor IpAddress in a Deny', () => {
    expect(statedAllowlist([denyIf({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })], 8)).toEqual(['203.0.113.0/24']);
    expect(statedAllowlist([allowIf({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })], 8)).toEqual([]);
    expect(statedAllowlist([denyIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })], 8)).toEqual([]);
  });
  it('ignores other keys, other operator families and set operators', () => {
    expect(statedAllowlist([allowIf({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' } })], 8)).toEqual([]);
    expect(statedAllowlist([allowIf({ StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } })], 8)).toEqual([]);
    expect(statedAllowlist([allowIf({ 'ForAnyValue:IpAddress': { 'aws:SourceIp': '203.0.113.0/24' } })], 8)).toEqual([]);
  });
  it('a block exactly at the minimum prefix counts, a wider one does not', () => {
    const d = allowIf({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '11.0.0.0/7'] } });
    expect(statedAllowlist([d], 8)).toEqual(['10.0.0.0/8']);
    expect(statedAllowlist([d], 9)).toEqual([]);
  });
});

describe('guardPolicy', () => {
  it('with an allowlist and an end: a Deny outside the allowlist (exempting AWS service calls) and a Deny from the end', () => {
    expect(guardPolicy(['203.0.113.0/24'], END)).toEqual({ Version: '2012-10-17', Statement: [
      { Sid: 'DenyOutsideAllowlist', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] }, BoolIfExists: { 'aws:ViaAWSService': 'false' } } },
      { Sid: 'DenyFromContractEnd', Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThanEquals: { 'aws:CurrentTime': END } } },
    ] });
  });
  it('without an allowlist only the date statement, without an end only the IP statement, with neither nothing', () => {
    expect((guardPolicy([], END)['Statement'] as { Sid: string }[]).map((s) => s.Sid)).toEqual(['DenyFromContractEnd']);
    expect((guardPolicy(['203.0.113.0/24'], null)['Statement'] as { Sid: string }[]).map((s) => s.Sid)).toEqual(['DenyOutsideAllowlist']);
    expect(guardPolicy([], null)).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});

describe('sensitive-access-conditions findings', () => {
  it('an open grant outside the tagged allowlist: the message names the address, the example and the allowlist', () => {
    const a = account({ users: [user('priya', { tags: { employment: 'contractor', 'iamsim:allowed-cidrs': '203.0.113.0/24' }, inlinePolicies: { drop: doc({ Effect: 'Allow', ...get }) } })] });
    expect(messages(check, a, NOW)).toEqual(['user priya is sensitive (employment=contractor) but is allowed s3:GetObject on arn:aws:s3:::drop/ from 203.0.112.255, outside its IP allowlist 203.0.113.0/24']);
  });
  it('a role is fenced with PutRolePolicy', () => {
    const a = account({ roles: [role('vendor', { tags: { partner: 'acme', 'iamsim:allowed-cidrs': '203.0.113.0/24' }, inlinePolicies: { drop: doc({ Effect: 'Allow', ...get }) } })] });
    const f = findings(check, a, NOW);
    expect(f.map((x) => x.messageId)).toEqual(['noIpAllowlist']);
    expect(f[0]?.resource).toEqual({ kind: 'role', arn: 'arn:aws:iam::111122223333:role/vendor', name: 'vendor' });
    expect(f[0]?.fix).toEqual([{ op: 'PutRolePolicy', input: { RoleName: 'vendor', PolicyName: 'iamsim-sensitive-access-guard', PolicyDocument: guardPolicy(['203.0.113.0/24'], null) } }]);
  });
  it('allowedCidrs from the options join the tag, deduplicated and sorted, and the guard is named by guardPolicyName', () => {
    const a = account({ users: [user('priya', { tags: { employment: 'contractor', 'iamsim:allowed-cidrs': '203.0.113.0/24 198.51.100.0/28' }, inlinePolicies: { drop: doc({ Effect: 'Allow', ...get }) } })] });
    const f = findings(check, a, NOW, { allowedCidrs: ['203.0.113.0/24', '192.0.2.0/24'], guardPolicyName: 'fence' });
    expect(f[0]?.data['allowlist']).toBe('192.0.2.0/24 198.51.100.0/28 203.0.113.0/24');
    expect(f[0]?.fix).toEqual([{ op: 'PutUserPolicy', input: { UserName: 'priya', PolicyName: 'fence', PolicyDocument: guardPolicy(['192.0.2.0/24', '198.51.100.0/28', '203.0.113.0/24'], null) } }]);
  });
  it('no allowlist anywhere: says to set the allowlist tag', () => {
    const a = account({ users: [user('acme', { tags: { employment: 'partner' }, inlinePolicies: { drop: doc({ Effect: 'Allow', ...get }) } })] });
    expect(messages(check, a, NOW, { allowlistTag: 'cidrs' })).toEqual(['user acme is sensitive (employment=partner) and is allowed s3:GetObject on arn:aws:s3:::drop/ from any address: no IpAddress aws:SourceIp allowlist in its policies, and none configured (set the tag cidrs)']);
  });
  it('a stated allowlist but no date bound: the message names the contract end and the first allowed instant', () => {
    const a = account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: allowIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) } })] });
    expect(messages(check, a, NOW)).toEqual([`user priya's contract ends ${END} but s3:GetObject on arn:aws:s3:::drop/ would still be allowed at ${END}: no DateLessThan aws:CurrentTime bound at or before the contract end`]);
  });
  it('at the very instant the contract ends, remaining access is already past the end and critical', () => {
    const a = account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: allowIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) } })] });
    const f = findings(check, a, END);
    expect(f.map((x) => [x.message, x.severity])).toEqual([[`user priya's contract ended ${END} and it is still allowed s3:GetObject on arn:aws:s3:::drop/`, 'critical']]);
    const before = findings(check, a, '2026-06-30T23:59:59Z');
    expect(before.map((x) => [x.messageId, x.severity])).toEqual([['noDateBound', 'high']]);
  });
  it('a date bound that holds only inside the allowlist still counts when access outside it is denied', () => {
    const a = account({ users: [user('priya', { tags: { ...contractor, 'iamsim:allowed-cidrs': '203.0.113.0/24' }, inlinePolicies: {
      drop: allowIf({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThan: { 'aws:CurrentTime': END } }),
    } })] });
    expect(findings(check, a, NOW)).toEqual([]);
  });
  it('a contract-end tag that is not a date is reported with the tag and the value, and the contract end tag name is an option', () => {
    const a = account({ users: [user('priya', { tags: { employment: 'contractor', ends: 'soon' } })] });
    expect(messages(check, a, NOW, { contractEndTag: 'ends' })).toEqual(['user priya is sensitive (employment=contractor) but its tag ends = soon is not a date (YYYY-MM-DD or an ISO instant)']);
  });
  it('the sensitive markers and the minimum allowlist prefix are options', () => {
    const wide = allowIf({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, DateLessThan: { 'aws:CurrentTime': END } });
    const a = account({ users: [user('priya', { tags: { ...contractor }, inlinePolicies: { drop: wide } })] });
    expect(findings(check, a, NOW)).toEqual([]);
    expect(findings(check, a, NOW, { minAllowlistPrefix: 16 }).map((x) => x.messageId)).toEqual(['noKnownAllowlist']);
    expect(findings(check, a, NOW, { minAllowlistPrefix: 16, sensitiveTags: [{ key: 'team' }] })).toEqual([]);
  });
});
