/**
 * broadGrants and memoTest: every holder of a customer managed or inline policy a breadth test flags (users, groups,
 * roles other than service-linked ones, unattached policies), with a replacement plan for users and roles that
 * replaces that one policy only; and the memo of a breadth test by document content.
 */
import { describe, expect, it } from 'vitest';
import { broadGrants, memoTest } from '../../../src/checks/least-privilege/broad-grants.js';
import { decideRaw, REAL_CATALOG } from '../../../src/checks/universe/index.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { account, ACCOUNT_ID, doc, event, group, managed, role, user, withActivity } from '../universe-fixtures.js';

const NOW = '2026-03-10T00:00:00Z';
const OBJ = 'arn:aws:s3:::data/a.csv';
const S3_ALL = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const SQS_ALL = doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
const NARROW = doc({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });
/** Flags documents granting a whole service; throws on a missing document. */
const wide = (d: PolicyDocument): string | null => {
  const m = /"([a-z0-9]+):\*"/.exec(JSON.stringify(d).replace(/^/, ''));
  return m === null ? null : `all of ${m[1]}`;
};
const run = (a: ReturnType<typeof account>) => broadGrants(a, NOW, 30, wide, decideRaw, REAL_CATALOG);
const getObject = event('2026-03-05T10:00:00Z', 'GetObject', { user: 'u', source: 's3.amazonaws.com', resource: OBJ });
const sendMessage = event('2026-03-05T11:00:00Z', 'SendMessage', { user: 'u', source: 'sqs.amazonaws.com', resource: 'arn:aws:sqs:us-east-1:111122223333:q' });

describe('broadGrants', () => {
  it('a user\'s broad inline policies, each with a plan that replaces it alone, from the window\'s activity', () => {
    const u = user('u', { inlinePolicies: { s3: S3_ALL, sqs: SQS_ALL, narrow: NARROW } });
    const out = run(withActivity(account({ users: [u] }), [getObject, sendMessage]));
    expect(out.map((g) => [g.finding, g.policy, g.holder])).toEqual([
      ['all of s3', 'inline s3', { kind: 'user', arn: u.arn, name: 'u' }],
      ['all of sqs', 'inline sqs', { kind: 'user', arn: u.arn, name: 'u' }],
    ]);
    expect(out[0]!.plan!.replaced).toEqual(['inline s3']);
    expect(out[0]!.plan!.fix.map((c) => [c.op, (c.input as { PolicyName?: string }).PolicyName])).toEqual([
      ['PutUserPolicy', 'least-privilege-from-activity'], ['DeleteUserPolicy', 's3'],
    ]);
    expect(out[0]!.plan!.generated.document['Statement']).toEqual([{ Sid: 'Used1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: OBJ }]);
    expect(out[1]!.plan!.replaced).toEqual(['inline sqs']);
    expect(out[1]!.plan!.generated.covered.map((l) => l.request.action)).toEqual(['sqs:SendMessage']);
  });

  it('attached customer policies: each plan detaches that one; AWS managed and unknown ARNs are skipped', () => {
    const p1 = managed('S3All', S3_ALL);
    const p2 = managed('SqsAll', SQS_ALL);
    const u = user('u', { attachedPolicies: [p1.arn, 'arn:aws:iam::aws:policy/AmazonSQSFullAccess', `arn:aws:iam::${ACCOUNT_ID}:policy/Gone`, p2.arn] });
    const out = run(withActivity(account({ users: [u], policies: [p1, p2] }), [getObject]));
    expect(out.map((g) => [g.finding, g.policy])).toEqual([['all of s3', 'S3All'], ['all of sqs', 'SqsAll']]);
    expect(out[0]!.plan!.replaced).toEqual(['S3All']);
    expect(out[0]!.plan!.fix.map((c) => c.op)).toEqual(['PutUserPolicy', 'DetachUserPolicy']);
    expect(out[1]!.plan!.replaced).toEqual(['SqsAll']);
    expect(out[1]!.plan!.fix).toEqual([{ op: 'DetachUserPolicy', input: { UserName: 'u', PolicyArn: p2.arn } }]);
  });

  it('groups are reported without a plan; roles with one; service-linked roles not at all', () => {
    const p = managed('S3All', S3_ALL);
    const g = group('g', { inlinePolicies: { s3: S3_ALL }, attachedPolicies: [p.arn] });
    const r = role('app', { inlinePolicies: { s3: S3_ALL } });
    const slr = role('AWSServiceRoleForX', { inlinePolicies: { s3: S3_ALL }, serviceLinked: true });
    const out = run(account({ groups: [g], roles: [r, slr], policies: [p] }));
    expect(out.map((x) => [x.policy, x.holder.kind, x.holder.name, x.plan === null])).toEqual([
      ['inline s3', 'group', 'g', true],
      ['S3All', 'group', 'g', true],
      ['inline s3', 'role', 'app', false],
    ]);
    expect(out[2]!.plan!.fix).toEqual([{ op: 'DeleteRolePolicy', input: { RoleName: 'app', PolicyName: 's3' } }]);
  });

  it('no plan when the proof fails', () => {
    const u = user('u', { inlinePolicies: {
      s3: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }),
      del: doc({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: '*' }),
    } });
    const out = run(account({ users: [u] }));
    expect(out.map((x) => [x.policy, x.plan])).toEqual([['inline s3', null]]);
  });

  it('unattached customer policies are reported on the policy; narrow ones are not', () => {
    const broad = managed('Loose', S3_ALL);
    const narrow = managed('Tight', NARROW);
    const out = run(account({ policies: [broad, narrow] }));
    expect(out).toEqual([{ finding: 'all of s3', policy: 'Loose', holder: { kind: 'policy', arn: broad.arn, name: 'Loose' }, plan: null }]);
  });
});

describe('memoTest', () => {
  it('judges equal documents once, and keeps earlier judgements when others come in between', () => {
    const seen: string[] = [];
    const t = memoTest((d) => { seen.push(JSON.stringify(d)); return wide(d); });
    expect(t(S3_ALL)).toBe('all of s3');
    expect(t(NARROW)).toBeNull();
    expect(t(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toBe('all of s3');
    expect(t(NARROW)).toBeNull();
    expect(seen).toHaveLength(2);
  });

  it('holds 20,000 judgements, then starts again', () => {
    let calls = 0;
    const t = memoTest(() => { calls++; return null; });
    const docs = Array.from({ length: 20_001 }, (_, i) => doc({ Effect: 'Allow', Action: `s3:A${i}`, Resource: '*' }));
    for (let i = 0; i < 20_000; i++) t(docs[i]!);
    t(docs[0]!);
    expect(calls).toBe(20_000);
    t(docs[20_000]!);
    expect(calls).toBe(20_001);
    t(docs[0]!);
    expect(calls).toBe(20_002);
  });
});
