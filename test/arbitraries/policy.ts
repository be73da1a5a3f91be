/**
 * Generators of policy/request pairs for the evaluator's properties. The request comes first; every policy is then
 * built around it so that actions, resources, principals and condition values match it or miss it by one step
 * (sheet §9: Cedar-style differential testing needs near-misses, not noise). No filter anywhere.
 */
import fc from 'fast-check';
import type { AuthzRequest, ContextValue, RequestPrincipal } from '../../src/evaluator/types.js';
import type { RawPolicySet } from '../../src/evaluator/policy-set.js';
import { actionPatternOf, nearMissOf, resourcePatternOf } from './policy-values.js';

/** The caller's account. */
export const ACCOUNT = '111122223333';
/** An outside account, for cross-account requests. */
export const OTHER_ACCOUNT = '444455556666';

/** Every kind of caller the generators use, in both accounts. */
export const PRINCIPALS: readonly RequestPrincipal[] = [
  { kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
  { kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/team/Bob`, accountId: ACCOUNT },
  { kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`, accountId: ACCOUNT, roleArn: `arn:aws:iam::${ACCOUNT}:role/Admin` },
  { kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSServiceRoleForX/s`, accountId: ACCOUNT, roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX`, serviceLinkedRole: true },
  { kind: 'federated-user', arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`, accountId: ACCOUNT, federatedUserOwnerArn: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { kind: 'root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT },
  { kind: 'user', arn: `arn:aws:iam::${OTHER_ACCOUNT}:user/eve`, accountId: OTHER_ACCOUNT },
  { kind: 'role-session', arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Partner/p1`, accountId: OTHER_ACCOUNT, roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/Partner` },
  { kind: 'service', arn: 'ec2.amazonaws.com', accountId: '', service: 'ec2.amazonaws.com' },
  { kind: 'anonymous', arn: 'anonymous', accountId: '' },
];

/** Actions the generated requests perform. */
export const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'iam:CreateAccessKey', 'ec2:RunInstances', 'sts:AssumeRole', 'logs:PutLogEvents', 'kms:Decrypt'] as const;

/** Resources the generated requests target: bucket objects, IAM users, log streams with colons, and `*`. */
export const RESOURCES = [
  'arn:aws:s3:::bucket/home/alice/file.txt',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::DOC-EXAMPLE-BUCKET/1/test/a.jpg',
  `arn:aws:iam::${ACCOUNT}:user/alice`,
  `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:log-stream:web-1`,
  `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
  `arn:aws:kms:eu-west-1:${OTHER_ACCOUNT}:key/1234`,
  '*',
] as const;

/** The values a request context may carry; each is present or absent. Clauses are built around the same anchors. */
export interface Anchors {
  readonly ip: string;
  readonly ipFamily: 4 | 6;
  readonly time: number;
  readonly timeStyle: number;
  readonly mfa: 'true' | 'false';
  readonly mfaAge: number;
  readonly region: string;
  readonly team: string;
  readonly sourceArn: string;
  readonly tagKeys: readonly string[];
  readonly present: Readonly<Record<AnchorKey, boolean>>;
}

/** The context keys the generators use. */
export type AnchorKey = 'ip' | 'time' | 'mfa' | 'mfaAge' | 'region' | 'team' | 'sourceArn' | 'tagKeys' | 'username' | 'principalArn' | 'principalAccount' | 'secure';

const ANCHOR_KEYS: readonly AnchorKey[] = ['ip', 'time', 'mfa', 'mfaAge', 'region', 'team', 'sourceArn', 'tagKeys', 'username', 'principalArn', 'principalAccount', 'secure'];

const ipv4Text = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const IPV6_REQUESTS = ['2001:db8:1234:5678::1', '2001:db8:1234:5679::', '2001:db8:1234:5677:ffff:ffff:ffff:ffff', '::ffff:203.0.113.9', '2001:db9::1'];
const TAG_KEYS = ['key1:legal', 'key1:hr', 'key2:audit', 'Project', 'project'];

/** Request anchors: an IP on a power-of-two boundary (so nearby CIDRs split on it), an instant, tags and strings. */
export const anchors: fc.Arbitrary<Anchors> = fc.record({
  ip: fc.record({ base: fc.integer({ min: 0, max: 0xffffff }), shift: fc.constantFrom(0, 8, 16, 24), side: fc.constantFrom(-1, 0, 1, 2), v6: fc.nat(4) }).map(({ base, shift, side, v6 }) => {
    const boundary = ((base * 256 + 1) >>> 0) & ~((2 ** shift - 1) >>> 0);
    const at = ((boundary >>> 0) + side + 2 ** 32) % 2 ** 32;
    return v6 === 0 ? IPV6_REQUESTS[base % IPV6_REQUESTS.length]! : ipv4Text(at);
  }),
  time: fc.integer({ min: 946_684_800, max: 2_000_000_000 }),
  timeStyle: fc.nat(3),
  mfa: fc.constantFrom('true', 'false'),
  mfaAge: fc.integer({ min: 0, max: 7200 }),
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'US-EAST-1'),
  team: fc.constantFrom('dev', 'ops', 'Dev', '*', ''),
  sourceArn: fc.constantFrom(`arn:aws:sns:us-east-1:${ACCOUNT}:topic:sub`, `arn:aws:s3:::bucket/a:b`, `arn:aws:iam::${OTHER_ACCOUNT}:role/x`),
  tagKeys: fc.oneof({ weight: 6, arbitrary: fc.subarray(TAG_KEYS, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constantFrom<readonly string[]>([''], ['', 'key1:hr']) }),
  present: fc.record(Object.fromEntries(ANCHOR_KEYS.map((k) => [k, fc.nat(3).map((n) => n > 0)])) as Record<AnchorKey, fc.Arbitrary<boolean>>),
}).map((a) => ({ ...a, ipFamily: a.ip.includes(':') ? 6 : 4 }) as Anchors);

const pad = (n: number): string => String(n).padStart(2, '0');
/** An instant as ISO text in UTC (style 0), with milliseconds (1), with an offset (2), or as epoch seconds (3). */
export function instantText(epoch: number, style: number): string {
  if (style === 3) return String(epoch);
  const shift = style === 2 ? 90 : 0;
  const d = new Date((epoch + shift * 60) * 1000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return style === 1 ? `${base}.000Z` : style === 2 ? `${base}+01:30` : `${base}Z`;
}

/** The request context the anchors describe for this caller (absent keys left out). */
export function contextOf(a: Anchors, p: RequestPrincipal): Record<string, ContextValue> {
  const ctx: Record<string, ContextValue> = {};
  const on = a.present;
  if (on.ip) ctx['aws:SourceIp'] = a.ip;
  if (on.time) {
    ctx['aws:CurrentTime'] = instantText(a.time, a.timeStyle === 3 ? 0 : a.timeStyle);
    ctx['aws:EpochTime'] = String(a.time);
  }
  if (on.mfa) ctx['aws:MultiFactorAuthPresent'] = a.mfa;
  if (on.mfaAge) ctx['aws:MultiFactorAuthAge'] = String(a.mfaAge);
  if (on.region) ctx['aws:RequestedRegion'] = a.region;
  if (on.team) ctx['aws:PrincipalTag/team'] = a.team;
  if (on.sourceArn) ctx['aws:SourceArn'] = a.sourceArn;
  if (on.tagKeys) ctx['aws:TagKeys'] = a.tagKeys;
  if (on.secure) ctx['aws:SecureTransport'] = a.mfa === 'true' ? 'false' : 'true';
  if (on.username && p.kind === 'user') ctx['aws:username'] = p.arn.slice(p.arn.lastIndexOf('/') + 1);
  if (on.principalArn) ctx['aws:PrincipalArn'] = p.roleArn ?? p.arn;
  if (on.principalAccount) ctx['aws:PrincipalAccount'] = p.accountId;
  return ctx;
}

/** A request and its anchors. */
export interface RequestCase {
  readonly request: AuthzRequest;
  readonly anchors: Anchors;
}

/** A request: a caller, an action, a resource, maybe an explicit resource account, and a context from the anchors. */
export const requestCase: fc.Arbitrary<RequestCase> = fc
  .record({
    principal: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PRINCIPALS.slice(0, 8)) }, { weight: 1, arbitrary: fc.constantFrom(...PRINCIPALS.slice(8)) }),
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    resourceAccount: fc.constantFrom<string | undefined>(undefined, undefined, undefined, ACCOUNT, OTHER_ACCOUNT),
    anchors,
  })
  .map(({ principal, action, resource, resourceAccount, anchors: a }) => ({
    anchors: a,
    request: { principal, action, resource, ...(resourceAccount !== undefined ? { resourceAccount } : {}), context: contextOf(a, principal) },
  }));

/** One condition clause: `operator: { key: value }`. */
export interface Clause {
  readonly op: string;
  readonly key: string;
  readonly value: string | number | boolean | readonly string[];
}

const one = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
/** A key name in its usual spelling or with its case changed (key names are case-insensitive, sheet §3.1). */
const keyName = (k: string): fc.Arbitrary<string> => fc.oneof({ weight: 4, arbitrary: fc.constant(k) }, { weight: 1, arbitrary: one(k.toLowerCase(), k.toUpperCase()) });
const maybeIfExists = (op: string): fc.Arbitrary<string> => one(op, op, `${op}IfExists`);
const oneOrMany = (arb: fc.Arbitrary<string>): fc.Arbitrary<string | string[]> =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.array(arb, { minLength: 1, maxLength: 3 }) });

/** CIDRs around the request IP: the network of the address or of its neighbour, at several prefix lengths. */
function cidrNear(a: Anchors): fc.Arbitrary<string> {
  if (a.ipFamily === 6) return one('2001:DB8:1234:5678::/64', '2001:db8::/32', '::ffff:203.0.113.0/120', '203.0.113.0/24', '2001:db8:1234:5678::1', '::/0', '0.0.0.0/0');
  const n = a.ip.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
  return fc.record({ delta: one(-1, 0, 0, 1), prefix: one(0, 8, 16, 24, 31, 32, 32) }).map(({ delta, prefix }) => {
    const m = (n + delta + 2 ** 32) % 2 ** 32;
    const size = 2 ** (32 - prefix);
    const start = Math.floor(m / size) * size;
    // Bare addresses, networks, and a network written with its host bits set (IAM masks them).
    return prefix === 32 && delta !== 0 ? ipv4Text(start) : delta === 1 && prefix > 0 && prefix < 32 ? `${ipv4Text(m)}/${prefix}` : `${ipv4Text(start)}/${prefix}`;
  });
}

const DATE_OPS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'];
const NUMERIC_OPS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'];
const STRING_OPS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'];
const ARN_OPS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'];

/** A condition clause aimed at the request: its values sit on, just inside or just outside the request's values. */
export function clauseFor(a: Anchors, p: RequestPrincipal): fc.Arbitrary<Clause> {
  const ip = fc.record({ op: one('IpAddress', 'NotIpAddress').chain(maybeIfExists), key: keyName('aws:SourceIp'), value: oneOrMany(cidrNear(a)) });
  const date = fc.record({
    op: one(...DATE_OPS).chain(maybeIfExists),
    key: one('aws:CurrentTime', 'aws:EpochTime'),
    value: fc.record({ delta: one(-86_400, -1, 0, 1, 86_400), style: fc.nat(4) }).map(({ delta, style }): string | number => (style === 4 ? a.time + delta : instantText(a.time + delta, style))),
  });
  const numeric = fc.record({
    op: one(...NUMERIC_OPS).chain(maybeIfExists),
    key: one('aws:MultiFactorAuthAge', 'aws:EpochTime'),
    value: fc.record({ delta: one(-1, 0, 1), epoch: fc.boolean(), asNumber: fc.boolean() }).map(({ delta, epoch, asNumber }): string | number => {
      const n = (epoch ? a.time : a.mfaAge) + delta;
      return asNumber ? n : String(n);
    }),
  });
  const bool = fc.record({ op: maybeIfExists('Bool'), key: keyName('aws:MultiFactorAuthPresent').chain((k) => one(k, 'aws:SecureTransport')), value: fc.constantFrom<string | boolean>('true', 'false', true, false) });
  const userName = p.arn.slice(p.arn.lastIndexOf('/') + 1);
  const string = fc.record({
    op: one(...STRING_OPS).chain(maybeIfExists),
    key: one('aws:RequestedRegion', 'aws:PrincipalTag/team', 'aws:principaltag/TEAM', 'aws:username'),
    value: oneOrMany(fc.oneof(
      nearMissOf('us-east-1'), nearMissOf('dev'), nearMissOf(userName),
      one('${aws:username}', '${aws:TagKeys}', "${aws:PrincipalTag/team, 'dev'}", '${aws:PrincipalTag/team}', 'd${?}v', '${aws:undefinedKey}', "${aws:undefinedKey, 'us-east-1'}", ''),
    )),
  });
  const arn = fc.record({
    op: one(...ARN_OPS).chain(maybeIfExists),
    key: one('aws:SourceArn', 'aws:PrincipalArn'),
    value: oneOrMany(fc.oneof(resourcePatternOf(a.sourceArn), resourcePatternOf(p.roleArn ?? p.arn), one(`arn:aws:iam::\${aws:PrincipalAccount}:*`, 'arn:aws:sns:*:*:topic:*'))),
  });
  const set = fc.record({
    op: fc.record({ q: one('ForAllValues:', 'ForAnyValue:'), op: one('StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'StringEqualsIgnoreCase'), ie: one('', '', 'IfExists') }).map(({ q, op, ie }) => `${q}${op}${ie}`),
    key: keyName('aws:TagKeys'),
    value: oneOrMany(one('key1*', 'key1:legal', 'key2:audit', 'project', 'Project', '*', 'key?:hr')),
  });
  const plainOnMulti = fc.record({ op: one('StringEquals', 'StringLike', 'StringNotEquals'), key: one('aws:TagKeys'), value: oneOrMany(one('key1:legal', 'Project', '*')) });
  const nul = fc.record({ op: one('Null'), key: one('aws:SourceIp', 'aws:TagKeys', 'aws:MultiFactorAuthPresent', 'aws:PrincipalTag/team', 'aws:username'), value: fc.constantFrom<string | boolean>('true', 'false', true, false) });
  return fc.oneof(ip, ip, date, date, numeric, bool, bool, string, string, arn, set, set, plainOnMulti, nul) as fc.Arbitrary<Clause>;
}

/** A Condition block from clauses (later clauses for the same operator and key replace earlier ones). */
export function conditionBlock(clauses: readonly Clause[]): Record<string, Record<string, unknown>> {
  const block: Record<string, Record<string, unknown>> = {};
  for (const c of clauses) block[c.op] = { ...(block[c.op] ?? {}), [c.key]: c.value };
  return block;
}

/** Which policy slot a document is built for; it decides which elements a statement may carry. */
export type Slot = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';

/** Principal values a resource policy may name, around this caller: itself, its role, its owner, its account, others. */
function principalValuesFor(p: RequestPrincipal): fc.Arbitrary<unknown> {
  const own = p.accountId === '' ? [] : [p.arn, p.roleArn ?? p.arn, p.federatedUserOwnerArn ?? p.arn, p.accountId, `arn:aws:iam::${p.accountId}:root`];
  const names = [...own, ACCOUNT, OTHER_ACCOUNT,
    `arn:aws:iam::${OTHER_ACCOUNT}:root`, PRINCIPALS[0]!.arn, PRINCIPALS[2]!.arn, PRINCIPALS[2]!.roleArn!, PRINCIPALS[6]!.arn];
  return fc.oneof(
    { weight: 1, arbitrary: one<unknown>('*', { AWS: '*' }, { Service: 'ec2.amazonaws.com' }) },
    { weight: 6, arbitrary: fc.subarray(names, { minLength: 1, maxLength: 3 }).map((list) => ({ AWS: list.length === 1 ? list[0] : list })) },
  );
}

/** NotPrincipal lists that exempt the caller fully, partly (only the session, only the role) or not at all. */
function notPrincipalFor(p: RequestPrincipal): fc.Arbitrary<unknown> {
  const ids = p.accountId === '' ? [ACCOUNT, PRINCIPALS[0]!.arn] : [p.arn, p.roleArn ?? p.arn, `arn:aws:iam::${p.accountId}:root`, p.accountId, PRINCIPALS[6]!.arn];
  return fc.subarray(ids, { minLength: 1 }).map((list) => ({ AWS: list }));
}

/** The random choices behind one statement; shared by every statement of a slot for one request. */
interface StatementParts {
  readonly deny: boolean;
  readonly sid: boolean;
  readonly notAction: boolean;
  readonly notResource: boolean;
  readonly action: string | string[];
  readonly resource: string | string[];
  readonly principal: unknown;
  readonly notPrincipal: boolean;
  readonly notPrincipalValue: unknown;
  readonly clauses: readonly Clause[];
  readonly conditionless: boolean;
}

/** Built once per request (building arbitraries per statement made generation the slowest part of the tests). */
const partsCache = new WeakMap<RequestCase, fc.Arbitrary<StatementParts>>();

function statementParts(rc: RequestCase): fc.Arbitrary<StatementParts> {
  const cached = partsCache.get(rc);
  if (cached !== undefined) return cached;
  const { request: r, anchors: a } = rc;
  const p = r.principal;
  const actionEl = oneOrMany(fc.oneof({ weight: 5, arbitrary: actionPatternOf(r.action) }, { weight: 1, arbitrary: one(...ACTIONS) }));
  const resourceText = r.resource;
  const variableResources: string[] = resourceText.includes('alice')
    ? [resourceText.replace('alice', '${aws:username}'), resourceText.replace('alice', '${aws:TagKeys}'), resourceText.replace('alice', "${aws:username, 'alice'}"), resourceText.replace('alice/', '${aws:username}/*'), resourceText.replace('alice', 'ali${?}e'), resourceText.replace('alice', 'al${*}')]
    : resourceText === '*' ? ['*'] : [`${resourceText}\${*}`, resourceText.replace('bucket', 'buck${?}t')];
  const resourceEl = oneOrMany(fc.oneof({ weight: 6, arbitrary: resourcePatternOf(resourceText) }, { weight: 2, arbitrary: one(...variableResources) }, { weight: 1, arbitrary: one(...RESOURCES) }));
  const parts: fc.Arbitrary<StatementParts> = fc.record({
    deny: fc.nat(5).map((n) => n === 0),
    sid: fc.boolean(),
    notAction: fc.nat(5).map((n) => n === 0),
    notResource: fc.nat(6).map((n) => n === 0),
    action: actionEl,
    resource: resourceEl,
    principal: principalValuesFor(p),
    notPrincipal: fc.nat(5).map((n) => n === 0),
    notPrincipalValue: notPrincipalFor(p),
    clauses: fc.array(clauseFor(a, p), { maxLength: 2 }),
    conditionless: fc.boolean(),
  });
  partsCache.set(rc, parts);
  return parts;
}

/** Builds the statement JSON from its choices. `forceEffect` fixes the Effect (NotPrincipal then only with Deny). */
function buildStatement(s: StatementParts, slot: Slot, index: number, forceEffect?: 'Allow' | 'Deny'): Record<string, unknown> {
  const effect = forceEffect ?? (s.deny ? 'Deny' : 'Allow');
  const st: Record<string, unknown> = {};
  if (s.sid) st.Sid = `S${index}`;
  st.Effect = effect;
  if (slot === 'rcp') st.Principal = '*';
  else if (slot === 'resource') {
    if (s.notPrincipal && effect === 'Deny') st.NotPrincipal = s.notPrincipalValue;
    else st.Principal = s.principal;
  }
  st[s.notAction ? 'NotAction' : 'Action'] = s.action;
  st[s.notResource ? 'NotResource' : 'Resource'] = s.resource;
  if (!s.conditionless && s.clauses.length > 0) st.Condition = conditionBlock(s.clauses);
  return st;
}

/** One statement for a slot, aimed at the request. */
export function statementFor(rc: RequestCase, slot: Slot, index: number, forceEffect?: 'Allow' | 'Deny'): fc.Arbitrary<Record<string, unknown>> {
  return statementParts(rc).map((s) => buildStatement(s, slot, index, forceEffect));
}

/** A policy document for a slot: 1–`maxStatements` statements around the request; mostly Version 2012-10-17. */
export function documentFor(rc: RequestCase, slot: Slot, maxStatements = 3): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      version: slot === 'boundary' ? fc.constant('2012-10-17') : fc.constantFrom<string | undefined>('2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17', undefined),
      parts: fc.array(statementParts(rc), { minLength: 1, maxLength: maxStatements }),
      asObject: fc.nat(4).map((n) => n === 0),
    })
    .map(({ version, parts, asObject }) => {
      const statements = parts.map((p, i) => buildStatement(p, slot, i));
      return { ...(version !== undefined ? { Version: version } : {}), Statement: asObject && statements.length === 1 ? statements[0] : statements };
    });
}

/** FullAWSAccess, the SCP AWS attaches by default. */
export const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } as const;
/** RCPFullAWSAccess, the RCP AWS always attaches. */
export const RCP_FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } as const;

/** An SCP or RCP level: usually the full-access policy plus a generated one, sometimes only a generated one. */
function levelFor(rc: RequestCase, slot: 'scp' | 'rcp'): fc.Arbitrary<Record<string, unknown>[]> {
  const full = slot === 'scp' ? FULL_AWS_ACCESS : RCP_FULL_AWS_ACCESS;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => [full as unknown as Record<string, unknown>]) },
    { weight: 2, arbitrary: documentFor(rc, slot, 1).map((d) => [full as unknown as Record<string, unknown>, d]) },
    { weight: 1, arbitrary: documentFor(rc, slot, 2).map((d) => [d]) },
  );
}

/** A generated pair: the request and the raw policies that apply to it. */
export interface PolicyCase {
  readonly request: AuthzRequest;
  readonly policies: RawPolicySet;
}

/** A policy set around a request: identity, resource, boundary, session, SCP and RCP levels, each optional. */
export function policySetFor(rc: RequestCase): fc.Arbitrary<RawPolicySet> {
  const p = rc.request.principal;
  const isSession = p.kind === 'role-session' || p.kind === 'federated-user';
  const hasIdentity = p.kind !== 'root';
  return fc
    .record({
      identity: hasIdentity ? fc.array(documentFor(rc, 'identity'), { minLength: 1, maxLength: 2 }).chain((docs) => fc.nat(5).map((n) => (n === 0 ? [] : docs))) : fc.constant([]),
      resource: fc.option(documentFor(rc, 'resource'), { freq: 2, nil: undefined }),
      boundary: hasIdentity ? fc.option(documentFor(rc, 'boundary', 2), { freq: 3, nil: undefined }) : fc.constant(undefined),
      session: isSession ? fc.option(fc.array(documentFor(rc, 'session', 2), { minLength: 1, maxLength: 2 }).map((l) => (l.length === 1 ? l[0] : l)), { freq: 2, nil: undefined }) : fc.constant(undefined),
      scp: fc.array(levelFor(rc, 'scp'), { maxLength: 3 }),
      rcp: fc.nat(2).chain((n) => (n === 0 ? fc.array(levelFor(rc, 'rcp'), { minLength: 1, maxLength: 2 }) : fc.constant<Record<string, unknown>[][]>([]))),
      resourceMustAllow: fc.nat(9).map((n) => n === 0),
    })
    .map((s) => {
      const set: Record<string, unknown> = {};
      if (s.identity.length > 0) set.identity = s.identity;
      if (s.resource !== undefined) set.resource = s.resource;
      if (s.boundary !== undefined) set.boundary = s.boundary;
      if (s.session !== undefined) set.session = s.session;
      if (s.scp.length > 0) set.scp = s.scp;
      if (s.rcp.length > 0) set.rcp = s.rcp;
      if (s.resourceMustAllow && s.resource !== undefined) set.resourceMustAllow = true;
      return set as RawPolicySet;
    });
}

/** Request/policy pairs for differential testing against the reference evaluator. */
export const policyCase: fc.Arbitrary<PolicyCase> = requestCase.chain((rc) => policySetFor(rc).map((policies) => ({ request: rc.request, policies })));

/** Policy-shaped junk: documents with the right keys and wrong values (types, spellings, nesting), for PARSE-NEVER-THROWS. */
export const policyShapedJunk: fc.Arbitrary<unknown> = fc.record(
  {
    Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17', '2012-10-18', ''), fc.jsonValue({ maxDepth: 2 })),
    Id: fc.jsonValue({ maxDepth: 2 }),
    Statement: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(
        fc.record(
          {
            Sid: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })),
            Effect: fc.oneof(fc.constantFrom('Allow', 'Deny', 'allow', 'DENY', ''), fc.jsonValue({ maxDepth: 2 })),
            Action: fc.oneof(fc.constantFrom('*', 's3:*', 's3:a:b', ':', 's3:', '', ' '), fc.array(fc.string()), fc.jsonValue({ maxDepth: 2 })),
            NotAction: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })),
            Resource: fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::b/*', 'arn:aws', 'arn:aws:iam::1:*', '${aws:username', 'arn:aws:s3:::${x, \'d\'}'), fc.array(fc.string()), fc.jsonValue({ maxDepth: 2 })),
            NotResource: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })),
            Principal: fc.oneof(fc.constantFrom('*', { AWS: '*' }, { AWS: ['123', 'arn:aws:iam::111122223333:root'] }, { Service: 1 }), fc.jsonValue({ maxDepth: 2 })),
            NotPrincipal: fc.jsonValue({ maxDepth: 2 }),
            Condition: fc.oneof(
              fc.dictionary(
                fc.constantFrom('StringEquals', 'ForAllValues:StringLike', 'ForAnyValue:NumericLessThanIfExists', 'DateLessThan', 'IpAddress', 'Null', 'BoolIfExists', 'NullIfExists', 'Foo', 'ForAllValues:', 'ArnLike'),
                fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('10abc', '2020-02-30T00:00:00Z', '1.2.3.4/33', '::g', 'tru', '${aws:username}'))), fc.jsonValue({ maxDepth: 2 })),
              ),
              fc.jsonValue({ maxDepth: 2 }),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
  },
  { requiredKeys: [] },
);
