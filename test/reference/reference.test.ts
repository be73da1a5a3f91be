/** Table tests for the reference evaluator itself: each case names the rule of the semantics sheet it checks. */
import { describe, expect, it } from 'vitest';
import type { AuthzRequest, RequestPrincipal } from '../../src/evaluator/types.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import { referenceDecide, referenceEvaluate } from './evaluate.js';
import { globMatches, wildcardTokens } from './glob.js';
import { parseInstant, parseIpNet, parseNumber, ipInNet } from './values.js';
import { evaluateClause } from './conditions.js';
import { actionMatches, resourceMatches } from './statement.js';

const A = '111122223333';
const B = '444455556666';
const alice: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const session: RequestPrincipal = { kind: 'role-session', arn: `arn:aws:sts::${A}:assumed-role/R/s1`, accountId: A, roleArn: `arn:aws:iam::${A}:role/R` };
const fed: RequestPrincipal = { kind: 'federated-user', arn: `arn:aws:sts::${A}:federated-user/bob`, accountId: A, federatedUserOwnerArn: `arn:aws:iam::${A}:user/owner` };
const root: RequestPrincipal = { kind: 'root', arn: `arn:aws:iam::${A}:root`, accountId: A };
const outsider: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${B}:user/eve`, accountId: B };
const req = (principal: RequestPrincipal, context: AuthzRequest['context'] = {}, action = 's3:GetObject', resource = 'arn:aws:s3:::bucket/key'): AuthzRequest =>
  ({ principal, action, resource, resourceAccount: A, context });
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const denyAll = doc({ Effect: 'Deny', Action: '*', Resource: '*' });
const allowRes = (principal: unknown): object => doc({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
const ctxOf = (c: Record<string, string | string[]>): Map<string, string[]> =>
  new Map(Object.entries(c).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? [v] : v]));

describe('reference glob, actions and resources (sheet §2)', () => {
  it.each([
    ['a*b', 'ab', true], ['a*b', 'axxb', true], ['a?b', 'ab', false], ['a?b', 'axb', true], ['*', '', true], ['a*a*a*b', 'aaaaaaaaaaaaaaaaaaaaaaa', false],
  ])('glob %s ~ %s = %s', (p, v, expected) => expect(globMatches(wildcardTokens(p), v, false)).toBe(expected));
  it.each([
    ['iam:ListAccessKeys', 'IAM:listaccesskeys', true, '§2.1 case-insensitive'],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true, '§2.1 wildcard in name'],
    ['s3*', 's3:GetObject', false, '§2.1 never crosses the colon'],
    ['s3:', 's3:GetObject', false, '§2.1 empty name never matches'],
    ['s3:Get?bject', 's3:GetObject', true, '§2.1 ?'],
  ])('action %s ~ %s = %s (%s)', (p, v, expected) => expect(actionMatches(p, v)).toBe(expected));
  it.each([
    ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET//test/object.jpg', true, '§2.2 * matches empty'],
    ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/1/test/', true, '§2.2'],
    ['arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/test/object.jpg', false, '§2.2 two slashes needed'],
    ['arn:aws:logs:us-east-1:1:log-group:*', 'arn:aws:logs:us-east-1:1:log-group:x:log-stream:y', true, '§2.2 resource part crosses colons'],
    ['arn:aws:logs:*:1:log-group:x', 'arn:aws:logs:us-east-1:extra:1:log-group:x', false, '§2.2 region * does not eat colons'],
    ['arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:1:q', true, '§2.2 short ARN with trailing *'],
    ['arn:aws:sqs', 'arn:aws:sqs:us-east-1:1:q', false, '§2.2 short ARN without * never matches'],
    ['arn:aws:iam::1:user/Alice', 'arn:aws:iam::1:user/alice', false, '§2.2 resource part case-sensitive'],
    ['*', '*', true, '§2.2 * covers actions without resources'],
    ['arn:*', '*', false, '§2.2 only * covers resource *'],
  ])('resource %s ~ %s = %s (%s)', (p, v, expected) => expect(resourceMatches(p, v, new Map(), true)).toBe(expected));
  it('§2.2 variables in the resource part; unresolved matches nothing; escapes are literal', () => {
    const ctx = ctxOf({ 'aws:username': 'alice' });
    expect(resourceMatches('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', ctx, true)).toBe(true);
    expect(resourceMatches('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', new Map(), true)).toBe(false);
    expect(resourceMatches("arn:aws:s3:::home/${aws:username, 'bob'}/*", 'arn:aws:s3:::home/bob/x', new Map(), true)).toBe(true);
    expect(resourceMatches('arn:aws:s3:::a${*}b', 'arn:aws:s3:::a*b', ctx, true)).toBe(true);
    expect(resourceMatches('arn:aws:s3:::a${*}b', 'arn:aws:s3:::axb', ctx, true)).toBe(false);
    expect(resourceMatches('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/${aws:username}', ctx, false)).toBe(true);
  });
});

describe('reference values (sheet §3.3, §9)', () => {
  it('numbers reject junk', () => {
    expect(parseNumber('10abc')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('-1.5')).toBe(-1.5);
  });
  it('dates: W3C profiles, offsets, epoch', () => {
    expect(parseInstant('2020-04-01T00:00:00Z')).toBe(parseInstant('1585699200'));
    expect(parseInstant('2020-04-01T02:00:00+02:00')).toBe(parseInstant('2020-04-01T00:00:00Z'));
    expect(parseInstant('2020')).toBe(2020n * 1_000_000_000n); // digits only are epoch seconds (moto's legacy parser)
    expect(parseInstant('2020-01')).toBe(parseInstant('2020-01-01T00:00:00Z'));
    expect(parseInstant('2020-04-01T00:00:00')).toBe(parseInstant('2020-04-01T00:00:00Z'));
    expect(parseInstant('09:00:00Z')).toBeNull();
    expect(parseInstant('2020-13-01')).toBeNull();
  });
  it('IPs: v4, v6, families never mix', () => {
    const net = parseIpNet('203.0.113.0/24')!;
    expect(ipInNet(parseIpNet('203.0.113.255')!, net)).toBe(true);
    expect(ipInNet(parseIpNet('203.0.114.0')!, net)).toBe(false);
    expect(ipInNet(parseIpNet('2001:db8:1234:5678::1')!, parseIpNet('2001:DB8:1234:5678::/64')!)).toBe(true);
    expect(ipInNet(parseIpNet('2001:db8:1234:5679::1')!, parseIpNet('2001:DB8:1234:5678::/64')!)).toBe(false);
    expect(ipInNet(parseIpNet('::ffff:203.0.113.1')!, net)).toBe(false);
    expect(parseIpNet('1.2.3.256')).toBeNull();
  });
});

describe('reference conditions (sheet §3.2 missing-key table, §3.4 set operators)', () => {
  const none = new Map<string, string[]>();
  it.each([
    ['StringEquals', false], ['StringNotEquals', true], ['StringLike', false], ['StringNotLike', true], ['NumericLessThan', false],
    ['DateLessThan', false], ['Bool', false], ['IpAddress', false], ['NotIpAddress', true], ['ArnLike', false], ['ArnNotLike', true],
    ['StringEqualsIfExists', true], ['ForAllValues:StringEquals', true], ['ForAnyValue:StringEquals', false], ['ForAnyValue:StringEqualsIfExists', false],
  ])('§3.2 key absent: %s -> %s', (op, expected) => expect(evaluateClause(op, 'k', 'v', none, true)).toBe(expected));
  it('§3.2 Null', () => {
    expect(evaluateClause('Null', 'k', 'true', none, true)).toBe(true);
    expect(evaluateClause('Null', 'k', 'false', none, true)).toBe(false);
    expect(evaluateClause('Null', 'k', 'false', ctxOf({ k: 'x' }), true)).toBe(true);
  });
  it('§3.1 negated operators are NOR over values; keys are case-insensitive', () => {
    expect(evaluateClause('StringNotEquals', 'AWS:Region', ['a', 'b'], ctxOf({ 'aws:region': 'b' }), true)).toBe(false);
    expect(evaluateClause('StringNotEquals', 'aws:region', ['a', 'b'], ctxOf({ 'aws:region': 'c' }), true)).toBe(true);
  });
  it.each([
    [['key1:legal'], false], [['key1:hr', 'key1:personnel'], false], [['key2:audit'], true], [null, true],
  ])('§3.4 ForAllValues:StringNotLike aws:TagKeys key1* with %j -> %s', (tags, expected) =>
    expect(evaluateClause('ForAllValues:StringNotLike', 'aws:TagKeys', 'key1*', tags === null ? none : ctxOf({ 'aws:TagKeys': tags }), true)).toBe(expected));
  it('§3.4 plain operator on a multivalued key is false (open question §8.3)', () => {
    expect(evaluateClause('StringEquals', 'aws:TagKeys', 'a', ctxOf({ 'aws:TagKeys': ['a', 'b'] }), true)).toBe(false);
  });
  it('§3.5 unresolved variable: positive false, negated true', () => {
    expect(evaluateClause('StringEquals', 'k', '${aws:username}', ctxOf({ k: '' }), true)).toBe(false);
    expect(evaluateClause('StringNotEquals', 'k', '${aws:username}', ctxOf({ k: 'x' }), true)).toBe(true);
  });
  it('§3.3 ARN vs String example', () => {
    const v = ctxOf({ k: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' });
    expect(evaluateClause('StringLike', 'k', 'arn:aws:someservice:*:111122223333:finance/*', v, true)).toBe(true);
    expect(evaluateClause('ArnLike', 'k', 'arn:aws:someservice:*:111122223333:finance/*', v, true)).toBe(false);
  });
  it('§4.2 MFA table', () => {
    const absent = none;
    const noMfa = ctxOf({ 'aws:MultiFactorAuthPresent': 'false' });
    expect(evaluateClause('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', absent, true)).toBe(true);
    expect(evaluateClause('Bool', 'aws:MultiFactorAuthPresent', 'false', absent, true)).toBe(false);
    expect(evaluateClause('Bool', 'aws:MultiFactorAuthPresent', false, noMfa, true)).toBe(true);
  });
});

describe('reference decision flow (sheet §1)', () => {
  const cases: [string, AuthzRequest, RawPolicySet, string, string | null][] = [
    ['§1.1 default deny (nothing granted: decidedBy null)', req(alice), {}, 'ImplicitDeny', null],
    ['§1.1 step 5 identity allow', req(alice), { identity: [allowAll] }, 'Allow', 'identity'],
    ['§1.1 step 1 deny wins', req(alice), { identity: [allowAll, denyAll] }, 'ExplicitDeny', 'identity'],
    ['§1.1 step 3 every SCP level must allow', req(alice), { identity: [allowAll], scp: [[allowAll], []] }, 'ImplicitDeny', 'scp'],
    ['§1.1 step 2 RCP level must allow', req(alice), { identity: [allowAll], rcp: [[doc({ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' })]] }, 'ImplicitDeny', 'rcp'],
    ['§1.1 step 6 boundary', req(alice), { identity: [allowAll], boundary: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, 'ImplicitDeny', 'boundary'],
    ['§1.2 user ARN named: no identity needed, boundary ignored', req(alice), { resource: allowRes({ AWS: alice.arn }), boundary: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, 'Allow', 'resource'],
    ['§1.2 role ARN named: counts as identity grant', req(session), { resource: allowRes({ AWS: session.roleArn }) }, 'Allow', 'resource'],
    ['§1.2 role ARN named: limited by session policy', req(session), { resource: allowRes({ AWS: session.roleArn }), session: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, 'ImplicitDeny', 'session'],
    ['§1.2 session ARN named: not limited by session policy', req(session), { resource: allowRes({ AWS: session.arn }), session: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, 'Allow', 'resource'],
    ['§1.2 account named: identity allow still needed', req(alice), { resource: allowRes({ AWS: A }) }, 'ImplicitDeny', null],
    ['§1.2 account named + identity allow', req(alice), { resource: allowRes({ AWS: `arn:aws:iam::${A}:root` }), identity: [allowAll] }, 'Allow', 'identity'],
    ['§1.1 step 7 federated user without session policy', req(fed), { identity: [allowAll] }, 'ImplicitDeny', 'session'],
    ['§1.2 federated-user ARN named', req(fed), { resource: allowRes({ AWS: fed.arn }) }, 'Allow', 'resource'],
    ['§1.3 root allowed without policies', req(root), {}, 'Allow', 'root'],
    ['§1.3 root still bound by SCPs', req(root), { scp: [[denyAll]] }, 'ExplicitDeny', 'scp'],
    ['§1.1 resourceMustAllow: identity alone is not enough', req(alice), { identity: [allowAll], resourceMustAllow: true }, 'ImplicitDeny', 'resource'],
    ['§1.1 cross-account: resource alone never grants', req(outsider), { resource: allowRes({ AWS: outsider.arn }) }, 'ImplicitDeny', null],
    ['§1.1 cross-account: account principal + identity allow', req(outsider), { resource: allowRes({ AWS: B }), identity: [allowAll] }, 'Allow', 'identity'],
    ['§1.1 cross-account: identity allow without resource', req(outsider), { identity: [allowAll] }, 'ImplicitDeny', 'resource'],
    ['§2.3 NotPrincipal + boundary always denies', req(alice), { identity: [allowAll], boundary: allowAll, resource: doc({ Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, A] }, Action: '*', Resource: '*' }) }, 'ExplicitDeny', 'resource'],
    ['§2.3 NotPrincipal exempts a fully named user', req(alice), { identity: [allowAll], resource: doc({ Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, A] }, Action: '*', Resource: '*' }) }, 'Allow', 'identity'],
    ['§2.3 NotPrincipal naming only the session denies', req(session), { identity: [allowAll], resource: doc({ Effect: 'Deny', NotPrincipal: { AWS: [session.arn] }, Action: '*', Resource: '*' }) }, 'ExplicitDeny', 'resource'],
    ['§1.4 service-linked roles skip SCPs', req({ ...session, serviceLinkedRole: true }), { identity: [allowAll], scp: [[denyAll]] }, 'Allow', 'identity'],
  ];
  it.each(cases)('%s', (_name, request, set, effect, decidedBy) => {
    expect(referenceDecide(request, set)).toEqual({ effect, decidedBy });
    expect(referenceEvaluate(request, set)).toBe(effect);
  });
});
