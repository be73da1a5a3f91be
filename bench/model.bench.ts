/**
 * The account model under load: build a 10,000-user account through the operations (one applyOperationsUnchecked
 * batch), then replay 1,000,000 requests (100,000 with --quick) through request(), each returning a new account
 * that carries the CloudTrail event and the usage updates. Reports requests/s and peak memory.
 *
 * Baseline: the same request sequence through evaluate() alone, on AuthzRequests and PolicySets prepared beforehand,
 * interleaved chunk by chunk with the replay, so the ratio reads "request() runs at X× the rate of a bare evaluation".
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

/**
 * A deterministic call sequence, generated lazily so that the calls themselves do not count in the replay's memory:
 * 75% users with keys, 15% console users with MFA, 10% role sessions; 40 ms apart (1M calls span 11 hours, inside
 * the 12-hour sessions).
 */
function* callStream(account: Account, sessions: readonly string[], n: number, start: string): Generator<Call> {
  const rng = seedrandom('iamsim-model-bench');
  const users = Object.keys(account.users);
  const consoleUsers = users.filter((u) => account.users[u]!.loginProfile !== null);
  const t0 = toMillis(start);
  for (let i = 0; i < n; i++) {
    const pick = rng();
    let principal: CallPrincipal;
    if (pick < 0.75) principal = { kind: 'user', user: users[Math.floor(rng() * users.length)]!, via: 'access-key' };
    else if (pick < 0.9) principal = { kind: 'user', user: consoleUsers[Math.floor(rng() * consoleUsers.length)]!, via: 'console', mfa: true, signedInAt: start };
    else principal = { kind: 'session', sessionId: sessions[Math.floor(rng() * sessions.length)]! };
    const [action, res] = ACTIONS[Math.floor(rng() * ACTIONS.length)]!;
    yield { principal, action, resource: res(rng), sourceIp: `203.0.113.${Math.floor(rng() * 250)}`, at: fromMillis(t0 + i * 40), region: 'us-east-1' };
  }
}

/** The replay benchmark. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const users = 10_000;
  const n = ctx.quick ? 100_000 : 1_000_000;

  const build = await measure(() => buildBenchAccount(users));
  ctx.report({ suite: SUITE, name: `build ${users.toLocaleString('en-US')}-user account through the operations`, value: build.ms, unit: 'ms' });
  const { account: start, sessions } = withSessions(build.result, 50, '2025-03-01T00:00:00Z');
  const calls = (count: number): Generator<Call> => callStream(start, sessions, count, '2025-03-01T00:10:00Z');

  // Baseline and replay are interleaved in chunks of 10,000 calls so that load on a shared machine hits both alike:
  // each chunk is first evaluated with evaluate() alone on requests and policy sets prepared beforehand (untimed),
  // then replayed through request(). The two must agree on every decision.
  const CHUNK = 10_000;
  const prepare = (c: Call): { req: AuthzRequest; set: PolicySet } => {
    const caller = resolveCaller(start, c.principal, c.at);
    if (isRejection(caller)) throw new Error(caller.detail);
    return { req: authzRequest(start, caller, c), set: compilePolicySet(policiesForCall(start, caller, c)).set };
  };
  let allowed = 0;
  let allowedBase = 0;
  let baseMs = 0;
  let replayMs = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const replay = await measure(() => {
    let acc = start;
    const stream = calls(n);
    for (;;) {
      const chunk: Call[] = [];
      while (chunk.length < CHUNK) {
        const next = stream.next();
        if (next.done === true) break;
        chunk.push(next.value);
      }
      if (chunk.length === 0) break;
      const prepared = chunk.map(prepare);
      let t = performance.now();
      for (const p of prepared) if (evaluate(p.req, p.set).effect === 'Allow') allowedBase++;
      baseMs += performance.now() - t;
      t = performance.now();
      for (const c of chunk) {
        const r = request(acc, c);
        if (r.outcome === 'allowed') allowed++;
        acc = r.account;
      }
      replayMs += performance.now() - t;
    }
    return acc;
  });
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  const baseRate = (n * 1000) / baseMs;
  const rate = (n * 1000) / replayMs;
  ctx.report({ suite: SUITE, name: 'evaluate() alone on prepared request + policy set', value: baseRate, unit: 'evals/s' });
  ctx.report({
    suite: SUITE,
    name: `request() replay, ${n.toLocaleString('en-US')} requests, ${users.toLocaleString('en-US')} users`,
    value: rate,
    unit: 'req/s',
    baseline: 'evaluate() alone on prepared request + policy set',
    ratio: rate / baseRate,
  });
  ctx.report({ suite: SUITE, name: 'request() replay: peak heap (account, events, bench)', value: replay.peakHeapMB, unit: 'MB' });
  ctx.report({ suite: SUITE, name: 'request() replay: peak RSS', value: replay.peakRssMB, unit: 'MB' });
  ctx.report({ suite: SUITE, name: 'heap retained per request (event + usage, after GC)', value: retained / n, unit: 'bytes' });
  const end = replay.result;
  const shared = (['users', 'groups', 'roles', 'policies', 'resources', 'sessions', 'organization', 'root', 'instances'] as const).every((k) => end[k] === start[k]);
  ctx.report({ suite: SUITE, name: 'configuration records shared (===) after the replay', value: shared ? 1 : 0, unit: 'bool', target: '1 (structural sharing)', met: shared });
  ctx.report({ suite: SUITE, name: 'events logged (one per request)', value: end.activity.size - start.activity.size, unit: `events, ${allowed.toLocaleString('en-US')} allowed` });
  const agree = allowed === allowedBase;
  ctx.report({ suite: SUITE, name: 'request() and bare evaluate() allow the same number of calls', value: agree ? 1 : 0, unit: 'bool', target: '1', met: agree });
}
