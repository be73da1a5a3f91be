/**
 * Audits accounts of 1,000, 10,000 and 100,000 users with every registered check and reports the time per size,
 * the time per user, and the growth ratio between sizes (linear growth: ×10 users ≈ ×10 time). The accounts are
 * built here as plain data by a small seeded builder (seedrandom), with violations sprinkled in and two weeks of
 * console and key activity per user, until the generator (src/generate) can be used instead.
 */
import { List, Map as IMap } from 'immutable';
import seedrandom from 'seedrandom';
import { ALL_CHECKS } from '../src/checks/registry.js';
import { runChecks } from '../src/checks/run-checks.js';
import { emptyAccount } from '../src/model/empty-account.js';
import type { Account, CloudTrailEvent, Group, LastUsed, User } from '../src/model/types.js';
import { measure, type BenchContext } from './harness.js';

const ID = '123456789012';
const NOW = '2026-06-01T00:00:00Z';
const DAY = 86_400_000;
const ago = (days: number, ms = 0): string => new Date(Date.parse(NOW) - days * DAY + ms).toISOString().replace('.000Z', 'Z');
const GROUPS: Record<string, string[]> = {
  engineering: ['arn:aws:iam::aws:policy/PowerUserAccess'],
  finance: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  admins: ['arn:aws:iam::aws:policy/AdministratorAccess'],
  support: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
};

/** A seeded account of `n` users: keys, passwords, MFA, groups, and about 4 events per user. */
export function benchAccount(n: number, seed = 'checks-bench'): Account {
  const rng = seedrandom(`${seed}:${n}`);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const base = emptyAccount(ID, ago(900));
  const users: Record<string, User> = {};
  const keyUse: [string, LastUsed][] = [];
  const pwUse: [string, string][] = [];
  const events: CloudTrailEvent[] = [];
  const groupNames = Object.keys(GROUPS);
  let ev = 0;
  for (let i = 0; i < n; i++) {
    const name = `jdoe${String(i).padStart(6, "0")}`;
    const arn = `arn:aws:iam::${ID}:user/${name}`;
    const console = rng() < 0.7;
    const keys = Array.from({ length: rng() < 0.5 ? 1 : rng() < 0.2 ? 2 : 0 }, (_, k) => ({ id: `AKIA${String(i).padStart(12, '0')}${k}000`, status: rng() < 0.9 ? ('Active' as const) : ('Inactive' as const), created: ago(int(1, 500)) }));
    for (const k of keys) if (rng() < 0.8) keyUse.push([k.id, { date: ago(int(0, 200)), service: 's3', region: 'us-east-1' }]);
    if (console && rng() < 0.85) pwUse.push([name, ago(int(0, 200))]);
    users[name] = {
      name, path: '/', arn, id: `AIDA${String(i).padStart(17, '0')}`, created: ago(int(100, 800)),
      attachedPolicies: rng() < 0.1 ? ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] : [],
      inlinePolicies: rng() < 0.05 ? { extra: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i % 50}/*` }] } } : {},
      tags: {}, boundary: null,
      groups: [groupNames[int(0, groupNames.length - 1)]!],
      loginProfile: console ? { created: ago(int(100, 800)), passwordLastChanged: ago(int(0, 300)), passwordResetRequired: false, password: { length: int(8, 24), upper: rng() < 0.9, lower: true, numbers: rng() < 0.9, symbols: rng() < 0.7, common: rng() < 0.02, dictionary: rng() < 0.05 } } : null,
      mfa: console && rng() < 0.8 ? [{ serial: `arn:aws:iam::${ID}:mfa/${name}`, kind: 'virtual', enabled: ago(300) }] : [],
      accessKeys: keys,
    };
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const ident = { type: 'IAMUser' as const, principalId: `AIDA${i}`, arn, accountId: ID, userName: name };
    for (let e = 0; e < 4; e++) {
      const login = console && e === 0;
      const key = !console && keys[0] !== undefined ? keys[0].id : undefined;
      events.push({
        eventVersion: '1.08', eventID: `ev-${++ev}`, eventTime: ago(int(0, 14), int(0, DAY - 1)), eventSource: login ? 'signin.amazonaws.com' : 's3.amazonaws.com',
        eventName: login ? 'ConsoleLogin' : 'ListBuckets', eventType: login ? 'AwsConsoleSignIn' : 'AwsApiCall', awsRegion: 'us-east-1',
        sourceIPAddress: rng() < 0.01 ? `192.0.2.${int(1, 254)}` : ip, userAgent: 'aws-cli/2.15.0',
        userIdentity: key !== undefined ? { ...ident, accessKeyId: key } : ident,
        ...(login ? { responseElements: { ConsoleLogin: 'Success' } } : {}), recipientAccountId: ID,
      });
    }
  }
  events.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  const groups: Record<string, Group> = Object.fromEntries(
    Object.entries(GROUPS).map(([g, p]) => [g, { name: g, path: '/', arn: `arn:aws:iam::${ID}:group/${g}`, id: `AGPA${g.toUpperCase().padEnd(17, 'X')}`, created: ago(900), attachedPolicies: p, inlinePolicies: {} }]),
  );
  return {
    ...base, users, groups,
    root: { ...base.root, accessKeys: [{ id: 'AKIAROOT000000000001', status: 'Active', created: ago(400) }] },
    usage: { ...base.usage, accessKeys: IMap(keyUse), passwords: IMap(pwUse) },
    activity: List(events),
  };
}

/**
 * A check slower than this on 100 users (20 ms per user, so 2 s per 1,000 users) is reported and left out of the
 * size series: it would take hours at 100,000 users. The probe runs on a small account so that the slow checks'
 * own caches do not distort the series.
 */
const PROBE_USERS = 100;
const SLOW_MS_AT_PROBE = 200;

/** The practices part 1 of the checks covers (identities): timed on their own as well. */
const PART1_PRACTICES: readonly number[] = [1, 2, 3, 8, 9, 11];

/** The benchmark. */
export default async function checksBench(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const small = benchAccount(PROBE_USERS);
  runChecks(benchAccount(20), { now: NOW });
  const slow: string[] = [];
  for (const c of ALL_CHECKS) {
    const t = performance.now();
    runChecks(small, { now: NOW, checks: [c.meta.id] });
    const ms = performance.now() - t;
    if (ms > SLOW_MS_AT_PROBE) {
      slow.push(c.meta.id);
      ctx.report({ suite: 'checks', name: `${c.meta.id} alone on ${PROBE_USERS} users (left out of the series)`, value: ms, unit: 'ms', target: `< ${SLOW_MS_AT_PROBE} ms`, met: false });
    }
  }
  const checks = ALL_CHECKS.map((c) => c.meta.id).filter((id) => !slow.includes(id));
  let prev: { n: number; ms: number } | undefined;
  let prevPart1: { n: number; ms: number } | undefined;
  for (const n of sizes) {
    const account = benchAccount(n);
    const m = await measure(() => runChecks(account, { now: NOW, checks }));
    const findings = m.result.findings.length;
    const label = `audit ${n.toLocaleString('en-US')} users`;
    ctx.report({ suite: 'checks', name: `${label}, ${checks.length} checks (${findings.toLocaleString('en-US')} findings)`, value: m.ms, unit: 'ms', ...(n === 10_000 ? { target: '< 5,000 ms', met: m.ms < 5_000 } : {}) });
    ctx.report({ suite: 'checks', name: `${label}: time per user`, value: (m.ms * 1000) / n, unit: 'µs/user' });
    ctx.report({ suite: 'checks', name: `${label}: peak heap`, value: m.peakHeapMB, unit: 'MB' });
    if (prev !== undefined) {
      const ratio = m.ms / prev.ms;
      const sizeRatio = n / prev.n;
      ctx.report({
        suite: 'checks', name: `growth ${prev.n.toLocaleString('en-US')} → ${n.toLocaleString('en-US')} users (×${sizeRatio} size)`, value: ratio, unit: '× time',
        baseline: `audit ${prev.n.toLocaleString('en-US')} users`, ratio, target: `≤ ×${(sizeRatio * 1.5).toFixed(0)} (linear)`, met: ratio <= sizeRatio * 1.5,
      });
    }
    prev = { n, ms: m.ms };
    const part1 = ALL_CHECKS.filter((c) => PART1_PRACTICES.includes(c.meta.practice)).map((c) => c.meta.id);
    const p1 = await measure(() => runChecks(account, { now: NOW, checks: part1 }));
    ctx.report({ suite: 'checks', name: `${label}, ${part1.length} identity checks (practices 1, 2, 3, 8, 9, 11)`, value: p1.ms, unit: 'ms' });
    if (prevPart1 !== undefined) {
      const ratio = p1.ms / prevPart1.ms;
      const sizeRatio = n / prevPart1.n;
      ctx.report({ suite: 'checks', name: `identity checks growth ${prevPart1.n.toLocaleString('en-US')} → ${n.toLocaleString('en-US')} users`, value: ratio, unit: '× time', ratio, baseline: `identity checks on ${prevPart1.n.toLocaleString('en-US')} users`, target: `≤ ×${(sizeRatio * 1.5).toFixed(0)} (linear)`, met: ratio <= sizeRatio * 1.5 });
    }
    prevPart1 = { n, ms: p1.ms };
  }
}
