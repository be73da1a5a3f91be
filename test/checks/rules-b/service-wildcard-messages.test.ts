/** service-wildcard-grants: what counts as a whole service (by meaning, not by text) and the exact messages for holders and unattached policies. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/service-wildcard-grants.js';
import { REAL_CATALOG } from '../../../src/checks/universe/real-catalog.js';
import { account, doc, managed, role, user } from '../universe-fixtures.js';
import { findings, messages } from './render.js';

const NOW = '2026-03-10T12:00:00Z';

describe('service-wildcard-grants', () => {
  it('an inline sqs:* on a user names the holder, the policy and the service', () => {
    expect(messages(check, account({ users: [user('ana', { inlinePolicies: { q: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }) } })] }), NOW)).toEqual([
      'user ana holds inline q, which allows every action of sqs:*',
    ]);
  });
  it('every SQS action listed one by one is the same as sqs:*', () => {
    const f = findings(check, account({ roles: [role('etl', { inlinePolicies: { q: doc({ Effect: 'Allow', Action: REAL_CATALOG.expand('sqs:*'), Resource: '*' }) } })] }), NOW);
    expect(f.map((x) => x.data['services'])).toEqual(['sqs:*']);
    expect(f[0]?.resource.kind).toBe('role');
  });
  it('sqs:* with one action denied is not the whole service', () => {
    expect(findings(check, account({ users: [user('ana', { inlinePolicies: { q: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }, { Effect: 'Deny', Action: 'sqs:DeleteQueue', Resource: '*' }) } })] }), NOW)).toEqual([]);
  });
  it('full admin is admin-policy-grants’ finding, not this one', () => {
    expect(findings(check, account({ users: [user('ana', { inlinePolicies: { all: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) } })] }), NOW)).toEqual([]);
  });
  it('an unattached customer managed policy is reported on the policy', () => {
    const p = managed('Queues', doc({ Effect: 'Allow', Action: ['sqs:*', 'sns:*'], Resource: '*' }));
    const f = findings(check, account({ policies: [p] }), NOW);
    expect(f.map((x) => x.message)).toEqual(['Customer managed policy Queues allows every action of sns:*, sqs:* (attached to nobody yet)']);
    expect(f[0]?.resource.arn).toBe(p.arn);
  });
});
