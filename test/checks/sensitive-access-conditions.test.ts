import { describe, expect, it } from 'vitest';
import check, { type SensitiveAccessOptions } from '../../src/checks/rules/sensitive-access-conditions.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { decideRaw } from '../../src/checks/universe/decide-raw.js';
import { principalPolicies } from '../../src/checks/universe/principal-policies.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import type { Account } from '../../src/model/types.js';
import { account, doc, group, user } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-02T10:15:00Z';
const contractor = { employment: 'contractor', 'contract-end': '2026-06-30' };
const drop = { Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::partner-drop/*' };
const fenced = doc({ Sid: 'PartnerDrop', Effect: 'Allow', ...drop, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, DateLessThan: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } });
const ipOnly = doc({ Sid: 'PartnerDrop', Effect: 'Allow', ...drop, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
const open = doc({ Effect: 'Allow', ...drop });
const guardName = 'iamsim-sensitive-access-guard';

/** Decides one request for a user with the real evaluator, through the same policy gathering the check uses. */
function decideFor(a: Account, name: string, ip: string, at: string): string {
  const pp = principalPolicies(a, { kind: 'user', name });
  if (pp === undefined) throw new Error('no user');
  return decideRaw({ principal: pp.principal, action: 's3:GetObject', resource: 'arn:aws:s3:::partner-drop/q1.csv', context: { ...pp.fixed, 'aws:SourceIp': ip, 'aws:CurrentTime': at, 'aws:ViaAWSService': 'false' } }, pp.set);
}

runCaseTable(check, {
  valid: [
    { name: 'contractor fenced by IP and date through a group', now: NOW, account: account({ users: [user('priya', { tags: contractor, groups: ['contractors'] })], groups: [group('contractors', { inlinePolicies: { drop: fenced } })] }) },
    { name: 'an employee with an open policy is not sensitive', now: NOW, account: account({ users: [user('dev', { tags: { employment: 'staff' }, inlinePolicies: { drop: open } })] }) },
    { name: 'a partner role with no grants at all', now: NOW, account: account({ users: [user('acme', { tags: { employment: 'partner' } })] }) },
    {
      name: 'a Deny guard in another policy bounds an open grant',
      now: NOW,
      account: account({ users: [user('priya', { tags: { ...contractor, 'iamsim:allowed-cidrs': '203.0.113.0/24' }, inlinePolicies: { drop: open, guard: doc(
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-06-30T23:59:59Z' } } },
      ) } })] }),
    },
  ],
  invalid: [
    {
      name: 'contractor whose policy lacks a contract end date',
      now: NOW,
      account: account({ users: [user('priya', { tags: contractor, groups: ['contractors'] })], groups: [group('contractors', { inlinePolicies: { drop: ipOnly } })] }),
      reports: [{ messageId: 'noDateBound', resource: 'priya', data: { contractEnd: '2026-07-01T00:00:00Z', example: 's3:GetObject on arn:aws:s3:::partner-drop/' }, fixed: true }],
      after: (a) => {
        expect(Object.keys(a.users['priya']?.inlinePolicies ?? {})).toEqual([guardName]);
        expect(decideFor(a, 'priya', '203.0.113.20', '2026-06-30T12:00:00Z')).toBe('Allow');
        expect(decideFor(a, 'priya', '203.0.113.20', '2026-07-06T10:00:00Z')).toBe('ExplicitDeny');
        expect(decideFor(a, 'priya', '198.51.100.7', '2026-06-30T12:00:00Z')).toBe('ExplicitDeny');
      },
    },
    {
      name: 'open grant with an allowlist tag: both bounds missing, one guard fixes both',
      now: NOW,
      account: account({ users: [user('priya', { tags: { ...contractor, 'iamsim:allowed-cidrs': '203.0.113.0/24' }, inlinePolicies: { drop: open } })] }),
      reports: [
        { messageId: 'noIpAllowlist', data: { ip: '203.0.112.255', allowlist: '203.0.113.0/24' }, fixed: true },
        { messageId: 'noDateBound', fixed: true },
      ],
      after: { users: { priya: { inlinePolicies: { [guardName]: { Statement: [{ Sid: 'DenyOutsideAllowlist' }, { Sid: 'DenyFromContractEnd', Condition: { DateGreaterThanEquals: { 'aws:CurrentTime': '2026-07-01T00:00:00Z' } } }] } } } } },
    },
    {
      name: 'a role for a partner with an open grant and no known allowlist',
      now: NOW,
      account: account({ users: [user('acme', { tags: { employment: 'partner' }, inlinePolicies: { drop: open } })] }),
      reports: [{ messageId: 'noKnownAllowlist', fixed: false }],
    },
    {
      name: 'access continuing past the contract end is critical',
      now: '2026-07-06T10:00:00Z',
      account: account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: ipOnly } })] }),
      reports: [{ messageId: 'pastContractEnd', severity: 'critical', fixed: true }],
      after: (a) => decideFor(a, 'priya', '203.0.113.20', '2026-07-06T10:00:00Z') === 'ExplicitDeny',
    },
    {
      name: 'an unparseable contract-end tag',
      now: NOW,
      account: account({ users: [user('priya', { tags: { employment: 'contractor', 'contract-end': 'June' }, inlinePolicies: { drop: fenced } })] }),
      reports: [{ messageId: 'badContractEnd', data: { value: 'June' } }],
    },
  ],
}, hooks);

describe('sensitive-access-conditions with the real evaluator', () => {
  it('the real evaluator and the fix agree: the guard never widens (every request allowed after was allowed before)', () => {
    const a = account({ users: [user('priya', { tags: contractor, inlinePolicies: { drop: ipOnly } })] });
    const reports = check.detect({ account: a, now: NOW, options: check.meta.defaults as SensitiveAccessOptions });
    const fix = reports[0]?.fix;
    expect(fix).toBeDefined();
    const after = hooks.apply(a, fix ?? [], NOW);
    if (!after.ok) throw new Error('fix failed');
    for (const ip of ['203.0.113.0', '203.0.113.255', '203.0.114.0', '10.0.0.1']) {
      for (const at of ['2026-03-02T10:00:00Z', '2026-06-30T23:59:59Z', '2026-07-01T00:00:00Z', '2027-01-01T00:00:00Z']) {
        const before = decideFor(a, 'priya', ip, at);
        const now = decideFor(after.value.account, 'priya', ip, at);
        if (now === 'Allow') expect(before).toBe('Allow');
      }
    }
    expect(evaluate).toBeTypeOf('function');
  });
});
