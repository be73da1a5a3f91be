/**
 * The account model under load: build a 10,000-user account through the operations (one applyOperationsUnchecked
 * batch), then replay 1,000,000 requests (100,000 with --quick) through request(), each returning a new account
 * that carries the CloudTrail event and the usage updates. Reports requests/s and peak memory.
 *
 * Baseline: the same request sequence through evaluate() alone, on AuthzRequests and PolicySets prepared beforehand
 * (one per distinct caller/action/resource), so the ratio reads "request() costs X× a bare evaluation".
 * A second figure checks structural sharing: after the replay every configuration record is === the built account's.
 */
import seedrandom from 'seedrandom';
import { evaluate } from '../src/evaluator/evaluate.js';
import type { AuthzRequest, PolicyDocument, PolicySet } from '../src/evaluator/types.js';
import { applyOperationsUnchecked, call, isOperationName } from '../src/model/apply.js';
import { assumeRole } from '../src/model/assume-role.js';
import { compilePolicySet } from '../src/model/compile-policy-set.js';
import { emptyAccount } from '../src/model/empty-account.js';
import { policiesForCall, request } from '../src/model/request.js';
import { authzRequest, isRejection, resolveCaller, type Call, type CallPrincipal } from '../src/model/request-context.js';
import { fromMillis, toMillis } from '../src/model/time.js';
import type { Account } from '../src/model/types.js';
import { measure, type BenchContext } from './harness.js';

const ACCOUNT = '111122223333';
const T0 = '2025-01-01T00:00:00Z';
const SUITE = 'model';

/** AWS managed policies the groups attach. */
const GROUP_POLICIES: readonly (readonly [string, string])[] = [
  ['readers', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
  ['developers', 'arn:aws:iam::aws:policy/PowerUserAccess'],
  ['auditors', 'arn:aws:iam::aws:policy/SecurityAudit'],
  ['viewers', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'],
  ['admins', 'arn:aws:iam::aws:policy/AdministratorAccess'],
];

const BUCKETS = ['data', 'logs', 'reports', 'backups'];

const ACTIONS: readonly (readonly [string, (rng: () => number) => string])[] = [
  ['s3:GetObject', (r) => `arn:aws:s3:::${BUCKETS[Math.floor(r() * BUCKETS.length)]!}/k${Math.floor(r() * 1000)}`],
  ['s3:PutObject', (r) => `arn:aws:s3:::${BUCKETS[Math.floor(r() * BUCKETS.length)]!}/k${Math.floor(r() * 1000)}`],
  ['s3:ListBucket', (r) => `arn:aws:s3:::${BUCKETS[Math.floor(r() * BUCKETS.length)]!}`],
  ['ec2:DescribeInstances', () => '*'],
  ['ec2:RunInstances', () => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`],
  ['iam:ListUsers', () => '*'],
  ['iam:CreateAccessKey', (r) => `arn:aws:iam::${ACCOUNT}:user/u${Math.floor(r() * 100)}`],
  ['lambda:InvokeFunction', (r) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f${Math.floor(r() * 10)}`],
  ['dynamodb:GetItem', () => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`],
  ['sqs:SendMessage', () => `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`],
];

/** Builds the account through the operations: groups with managed policies, users with keys and groups, roles, bucket policies. */
export function buildBenchAccount(users: number): Account {
  const calls = [];
  calls.push(call('CreatePolicy', {
    PolicyName: 'team-data',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::data/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } }] },
  }));
  calls.push(call('CreatePolicy', {
    PolicyName: 'boundary-no-iam',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] },
  }));
  for (const [g, arn] of GROUP_POLICIES) {
    calls.push(call('CreateGroup', { GroupName: g }));
    calls.push(call('AttachGroupPolicy', { GroupName: g, PolicyArn: arn }));
  }
  for (let i = 0; i < users; i++) {
    const name = `u${i}`;
    calls.push(call('CreateUser', { UserName: name, Tags: [{ Key: 'team', Value: i % 3 === 0 ? 'data' : 'web' }] } as never));
    calls.push(call('CreateAccessKey', { UserName: name }));
    calls.push(call('AddUserToGroup', { UserName: name, GroupName: GROUP_POLICIES[i % GROUP_POLICIES.length]![0] }));
    if (i % 3 === 0) calls.push(call('AttachUserPolicy', { UserName: name, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team-data` }));
    if (i % 7 === 0) calls.push(call('PutUserPermissionsBoundary', { UserName: name, PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/boundary-no-iam` }));
    if (i % 4 === 0) {
      calls.push(call('CreateLoginProfile', { UserName: name, PasswordProperties: { length: 16, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false } } as never));
      calls.push(call('EnableMFADevice', { UserName: name, SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}` }));
    }
  }
  for (let r = 0; r < 20; r++) {
    calls.push(call('CreateRole', {
      RoleName: `role${r}`,
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] },
      MaxSessionDuration: 43200,
    }));
    calls.push(call('AttachRolePolicy', { RoleName: `role${r}`, PolicyArn: GROUP_POLICIES[r % GROUP_POLICIES.length]![1] }));
  }
  const bucketPolicy = (b: string): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  });
  const viaOperation = isOperationName('PutResourcePolicy');
  if (viaOperation) for (const b of BUCKETS) calls.push({ op: 'PutResourcePolicy', input: { ResourceArn: `arn:aws:s3:::${b}`, Policy: bucketPolicy(b) } });
  const built = applyOperationsUnchecked(emptyAccount(ACCOUNT, T0), calls, T0);
  if (!built.ok) throw new Error(`building the bench account failed at call ${built.error.index} (${built.error.op}): ${built.error.message}`);
  if (viaOperation) return built.value;
  // PutResourcePolicy not registered yet: the bucket policies are set directly, frozen like a produce result.
  const resources = Object.fromEntries(BUCKETS.map((b) => [`arn:aws:s3:::${b}`, Object.freeze({ arn: `arn:aws:s3:::${b}`, policy: Object.freeze(bucketPolicy(b)), tags: Object.freeze({}) })]));
  return Object.freeze({ ...built.value, resources: Object.freeze(resources) });
}

/** Opens role sessions (admins assume each role) so that the replay can use them. */
function withSessions(account: Account, n: number, at: string): { account: Account; sessions: string[] } {
  let a = account;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const user = `u${(i * GROUP_POLICIES.length + 4) % Object.keys(account.users).length}`; // admins group members
    const r = assumeRole(a, { principal: { kind: 'user', user, via: 'access-key' }, roleName: `role${i % 20}`, sessionName: `s${i}`, durationSeconds: 43200, at, sourceIp: '198.51.100.1' });
    if (r.session === null) throw new Error(`assumeRole failed: ${r.event?.errorMessage ?? r.validationError ?? r.rejection?.detail ?? '?'}`);
    a = r.account;
    ids.push(r.session.id);
  }
  return { account: a, sessions: ids };
}

/** A deterministic call sequence: 75% users with keys, 15% console users with MFA, 10% role sessions; 40 ms apart (1M calls span 11 hours, inside the 12-hour sessions). */
function makeCalls(account: Account, sessions: readonly string[], n: number, start: string): Call[] {
  const rng = seedrandom('iamsim-model-bench');
  const users = Object.keys(account.users);
  const consoleUsers = users.filter((u) => account.users[u]!.loginProfile !== null);
  const t0 = toMillis(start);
  const out: Call[] = [];
  for (let i = 0; i < n; i++) {
    const pick = rng();
    let principal: CallPrincipal;
    if (pick < 0.75) principal = { kind: 'user', user: users[Math.floor(rng() * users.length)]!, via: 'access-key' };
    else if (pick < 0.9) principal = { kind: 'user', user: consoleUsers[Math.floor(rng() * consoleUsers.length)]!, via: 'console', mfa: true, signedInAt: start };
    else principal = { kind: 'session', sessionId: sessions[Math.floor(rng() * sessions.length)]! };
    const [action, res] = ACTIONS[Math.floor(rng() * ACTIONS.length)]!;
    out.push({ principal, action, resource: res(rng), sourceIp: `203.0.113.${Math.floor(rng() * 250)}`, at: fromMillis(t0 + i * 40), region: 'us-east-1' });
  }
  return out;
}

/** The replay benchmark. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const users = 10_000;
  const n = ctx.quick ? 100_000 : 1_000_000;

  const build = await measure(() => buildBenchAccount(users));
  ctx.report({ suite: SUITE, name: `build ${users.toLocaleString('en-US')}-user account through the operations`, value: build.ms, unit: 'ms' });
  const { account: start, sessions } = withSessions(build.result, 50, '2025-03-01T00:00:00Z');
  const calls = makeCalls(start, sessions, n, '2025-03-01T00:10:00Z');

  // Baseline: evaluate() alone on prepared requests and policy sets (one per distinct caller + action + resource).
  const prepared = new Map<string, { req: AuthzRequest; set: PolicySet }>();
  const sequence: { req: AuthzRequest; set: PolicySet }[] = [];
  for (const c of calls) {
    const who = c.principal.kind === 'session' ? c.principal.sessionId : c.principal.kind === 'user' ? `${c.principal.user}/${c.principal.via}` : c.principal.kind;
    const key = `${who}|${c.action}|${c.resource}`;
    let p = prepared.get(key);
    if (p === undefined) {
      const caller = resolveCaller(start, c.principal, c.at);
      if (isRejection(caller)) throw new Error(caller.detail);
      p = { req: authzRequest(start, caller, c), set: compilePolicySet(policiesForCall(start, caller, c)).set };
      prepared.set(key, p);
    }
    sequence.push(p);
  }
  let allowedBase = 0;
  const base = await measure(() => {
    for (const p of sequence) if (evaluate(p.req, p.set).effect === 'Allow') allowedBase++;
  });
  const baseRate = (n * 1000) / base.ms;
  ctx.report({ suite: SUITE, name: 'evaluate() alone on prepared request + policy set', value: baseRate, unit: 'evals/s' });
  sequence.length = 0;
  prepared.clear();

  let allowed = 0;
  const replay = await measure(() => {
    let acc = start;
    for (const c of calls) {
      const r = request(acc, c);
      if (r.outcome === 'allowed') allowed++;
      acc = r.account;
    }
    return acc;
  });
  const rate = (n * 1000) / replay.ms;
  ctx.report({
    suite: SUITE,
    name: `request() replay, ${n.toLocaleString('en-US')} requests, ${users.toLocaleString('en-US')} users`,
    value: rate,
    unit: 'req/s',
    baseline: 'evaluate() alone on prepared request + policy set',
    ratio: rate / baseRate,
  });
  ctx.report({ suite: SUITE, name: 'request() replay: peak heap', value: replay.peakHeapMB, unit: 'MB' });
  ctx.report({ suite: SUITE, name: 'request() replay: peak RSS', value: replay.peakRssMB, unit: 'MB' });
  const end = replay.result;
  const shared = (['users', 'groups', 'roles', 'policies', 'resources', 'sessions', 'organization', 'root', 'instances'] as const).every((k) => end[k] === start[k]);
  ctx.report({ suite: SUITE, name: 'configuration records shared (===) after the replay', value: shared ? 1 : 0, unit: 'bool', target: '1 (structural sharing)', met: shared });
  ctx.report({ suite: SUITE, name: 'events logged / allowed requests (sanity)', value: end.activity.size - start.activity.size, unit: `events, ${allowed.toLocaleString('en-US')} allowed (baseline ${allowedBase.toLocaleString('en-US')})` });
}
