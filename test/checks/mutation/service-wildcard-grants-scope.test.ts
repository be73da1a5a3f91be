/** service-wildcard-grants: services granted without being named (`*`, `*:*`, NotAction), and vendors IAM refuses. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/service-wildcard-grants.js';
import { account, doc, user } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const NOW = '2026-03-10T12:00:00Z';
const servicesOf = (...statements: Record<string, unknown>[]): unknown[] =>
  findings(check, account({ users: [user('ana', { inlinePolicies: { q: doc(...statements) } })] }), NOW).map((f) => f.data['services']);
const allButQueues = { Effect: 'Deny', NotAction: ['sqs:*', 'sns:*'], Resource: '*' };

describe('service-wildcard-grants without a named service', () => {
  it('a bare "*" narrowed by a Deny NotAction leaves exactly the services the Deny spares', () => {
    expect(servicesOf({ Effect: 'Allow', Action: '*', Resource: '*' }, allButQueues)).toEqual(['sns:*, sqs:*']);
  });
  it('"*:*" narrowed the same way is judged the same', () => {
    expect(servicesOf({ Effect: 'Allow', Action: '*:*', Resource: '*' }, allButQueues)).toEqual(['sns:*, sqs:*']);
  });
  it('"*:*" with a Deny that names one service reports every other service, not none', () => {
    const [services] = servicesOf({ Effect: 'Allow', Action: '*:*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }) as string[];
    const list = services?.split(', ') ?? [];
    expect(list).toContain('s3:*');
    expect(list).toContain('sqs:*');
    expect(list).not.toContain('iam:*');
    expect(list.length).toBeGreaterThan(300);
  });
  it('an Allow NotAction grants the services it does not list', () => {
    expect(servicesOf({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', NotAction: ['sqs:*', 'iam:*'], Resource: '*' })).toEqual(['sqs:*']);
  });
  it('a wildcard in the vendor ("sq*:*") is refused by IAM ("Vendor sq* is not valid"), so it grants nothing and is not reported', () => {
    expect(servicesOf({ Effect: 'Allow', Action: 'sq*:*', Resource: '*' })).toEqual([]);
    expect(servicesOf({ Effect: 'Allow', Action: ['sq*:*', 'sqs:*'], Resource: '*' })).toEqual([]);
  });
  it('an upper-case vendor is the same service', () => {
    expect(servicesOf({ Effect: 'Allow', Action: 'SQS:*', Resource: '*' })).toEqual(['sqs:*']);
  });
});
