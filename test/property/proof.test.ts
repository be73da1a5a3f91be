/**
 * The proof that the checks hold, on generated accounts (src/generate) over seeds, sizes and sets of injected
 * violations (fast-check):
 * - RECALL-AND-PRECISION: every injected violation is reported (check id and resource) and nothing else is;
 *   a check × recall × precision table is printed.
 * - SHARED-CREDENTIALS: practice 3's heuristics (shared-credential-use, overlapping-console-sessions) measured
 *   against account.people (credentials held by more than one person): precision and recall ≥ 0.9.
 * - REMEDIATION: after remediate() with every automatic fix, no finding with an automatic fix is left; no sampled
 *   request denied before is allowed after; every request the activity log shows allowed within the checks'
 *   90-day window is still allowed, unless a finding cites it (or the console sign-in of its session) as an anomaly
 *   or is about the credential it was made with.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { remediate } from '../../src/checks/remediate.js';
import { runChecks } from '../../src/checks/run-checks.js';
import type { Finding } from '../../src/checks/finding.js';
import { generate, INJECTABLE } from '../../src/generate/index.js';
import type { Generated, GenerateOptions } from '../../src/generate/index.js';
import { DEPARTMENTS } from '../../src/generate/catalog.js';
import { evaluateCall, request } from '../../src/model/request.js';
import type { Call, Caller, CallPrincipal } from '../../src/model/request-context.js';
import type { Account, CloudTrailEvent } from '../../src/model/types.js';

const RUNS = Number(process.env['PROOF_RUNS'] ?? 12);
const REMEDIATION_RUNS = Number(process.env['PROOF_REMEDIATION_RUNS'] ?? 3);

const gen = (o: GenerateOptions): Generated => {
  const r = generate(o);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Per check: true positives, false negatives (missed), false positives (extra). */
const tally = new Map<string, { tp: number; fn: number; fp: number }>();
const shared = { tp: 0, fn: 0, fp: 0 };
const row = (id: string): { tp: number; fn: number; fp: number } => {
  let r = tally.get(id);
  if (r === undefined) tally.set(id, (r = { tp: 0, fn: 0, fp: 0 }));
  return r;
};
const ratio = (num: number, den: number): string => (den === 0 ? '   n/a' : (num / den).toFixed(3).padStart(6));

/** ARNs of credentials that more than one person holds (the ground truth of practice 3). */
function sharedCredentialArns(a: Account): Set<string> {
  const count = new Map<string, number>();
  for (const p of Object.values(a.people)) {
    for (const c of p.credentials) {
      let arn: string;
      if (c.kind === 'root') arn = a.root.arn;
      else if (c.kind === 'console') arn = `${a.users[c.user]!.arn}/login-profile`;
      else {
        const owner = Object.values(a.users).find((u) => u.accessKeys.some((k) => k.id === c.accessKeyId));
        arn = owner !== undefined ? `${owner.arn}/access-key/${c.accessKeyId}` : `${a.root.arn}/access-key/${c.accessKeyId}`;
      }
      count.set(arn, (count.get(arn) ?? 0) + 1);
    }
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([arn]) => arn));
}

afterAll(() => {
  const lines = ['check                              recall  precision  (tp/fn/fp)'];
  for (const id of INJECTABLE) {
    const r = tally.get(id) ?? { tp: 0, fn: 0, fp: 0 };
    lines.push(`${id.padEnd(34)} ${ratio(r.tp, r.tp + r.fn)}  ${ratio(r.tp, r.tp + r.fp)}     (${r.tp}/${r.fn}/${r.fp})`);
  }
  lines.push(`${'practice 3 vs account.people'.padEnd(34)} ${ratio(shared.tp, shared.tp + shared.fn)}  ${ratio(shared.tp, shared.tp + shared.fp)}     (${shared.tp}/${shared.fn}/${shared.fp})`);
  console.log(lines.join('\n'));
});

const scenario = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  users: fc.integer({ min: 3, max: 150 }),
  days: fc.constantFrom(30, 60, 120, 180, 365),
  violations: fc.oneof(fc.constant<'all'>('all'), fc.subarray([...INJECTABLE])),
});

describe('the proof', () => {
  it('RECALL-AND-PRECISION and SHARED-CREDENTIALS: every injected violation found, nothing else reported', () => {
    fc.assert(
      fc.property(scenario, (o) => {
        const g = gen(o);
        const run = runChecks(g.account, { now: g.now });
        expect(run.errors).toEqual([]);
        const truth = new Set(g.groundTruth.map((t) => `${t.checkId} ${t.resource}`));
        const found = new Set(run.findings.map((f) => `${f.checkId} ${f.resource.arn}`));
        for (const k of truth) row(k.slice(0, k.indexOf(' ')))[found.has(k) ? 'tp' : 'fn']++;
        for (const k of found) if (!truth.has(k)) row(k.slice(0, k.indexOf(' '))).fp++;
        const positives = sharedCredentialArns(g.account);
        const flagged = new Set(run.findings.filter((f) => f.checkId === 'shared-credential-use' || f.checkId === 'overlapping-console-sessions').map((f) => f.resource.arn));
        for (const arn of positives) shared[flagged.has(arn) ? 'tp' : 'fn']++;
        for (const arn of flagged) if (!positives.has(arn)) shared.fp++;
        expect({ missed: [...truth].filter((k) => !found.has(k)), extra: [...found].filter((k) => !truth.has(k)) }).toEqual({ missed: [], extra: [] });
      }),
      {
        numRuns: RUNS,
        seed: 20261129,
        examples: [
          [{ seed: 1, users: 8, days: 180, violations: [] }],
          [{ seed: 2, users: 6, days: 120, violations: ['root-virtual-mfa-only', 'shared-credential-use'] }],
        ],
      },
    );
    expect(shared.tp / Math.max(1, shared.tp + shared.fn)).toBeGreaterThanOrEqual(0.9);
    expect(shared.tp / Math.max(1, shared.tp + shared.fp)).toBeGreaterThanOrEqual(0.9);
  });

  it('REMEDIATION: no automatic fix left, nothing denied before allowed after, logged allowed requests still allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 3, max: 20 }), (seed, users) => {
        const g = gen({ seed, users, violations: 'all' });
        const before = g.account;
        const fixed = remediate(before, { now: g.now });
        expect(fixed.failed).toEqual([]);
        expect(fixed.applied.length).toBeGreaterThan(0);
        const after = fixed.account;
        const left = runChecks(after, { now: g.now }).findings.filter((f) => f.fix !== undefined);
        expect(left.map((f) => `${f.checkId} ${f.resource.arn}`)).toEqual([]);
        expect(widened(before, after, g.now)).toEqual([]);
        const findings = runChecks(before, { now: g.now }).findings;
        expect(brokenLoggedRequests(before, after, g.now, findings)).toEqual([]);
      }),
      { numRuns: REMEDIATION_RUNS, seed: 7 },
    );
  });
});

/** Sampled (user, credential mode, action) requests denied before and allowed after. */
function widened(before: Account, after: Account, now: string): string[] {
  const acct = before.id;
  const sample: [string, string][] = [
    ...DEPARTMENTS.flatMap((d) => d.uses.map((u) => [u.action, u.resource.replaceAll('{account}', acct)] as [string, string])),
    ['iam:CreateUser', `arn:aws:iam::${acct}:user/new-user`], ['iam:AttachUserPolicy', `arn:aws:iam::${acct}:user/new-user`],
    ['s3:GetObject', 'arn:aws:s3:::data/report.csv'], ['dynamodb:DeleteTable', `arn:aws:dynamodb:us-east-1:${acct}:table/orders`],
    ['sqs:ListQueues', '*'], ['ec2:RunInstances', `arn:aws:ec2:us-east-1:${acct}:instance/*`],
  ];
  const modes = [{ via: 'console' as const, mfa: true }, { via: 'console' as const, mfa: false }, { via: 'access-key' as const, mfa: false }];
  const out: string[] = [];
  for (const name of Object.keys(before.users).sort()) {
    const u0 = before.users[name]!;
    const u1 = after.users[name];
    if (u1 === undefined) continue;
    for (const m of modes) {
      for (const [action, resource] of sample) {
        const call: Call = { principal: { kind: 'user', user: name, via: m.via }, action, resource, sourceIp: '198.18.0.1', at: now };
        const caller = (u: typeof u0): Caller => ({ kind: 'user', user: u, via: m.via, accessKeyId: m.via === 'access-key' ? 'AKIAPROBE00000000001' : null, mfa: m.mfa, signedInAt: now });
        const was = evaluateCall(before, caller(u0), call).decision.effect;
        const is = evaluateCall(after, caller(u1), call).decision.effect;
        if (was !== 'Allow' && is === 'Allow') out.push(`${name} ${m.via} mfa=${m.mfa} ${action}`);
      }
    }
  }
  return out;
}

/** The call an allowed API event stands for, or undefined for events the proof does not replay. */
function callOf(e: CloudTrailEvent): Call | undefined {
  const id = e.userIdentity;
  let principal: CallPrincipal;
  if (id.type === 'IAMUser' && id.userName !== undefined) {
    principal = id.accessKeyId?.startsWith('AKIA') === true
      ? { kind: 'user', user: id.userName, via: 'access-key', accessKeyId: id.accessKeyId }
      : { kind: 'user', user: id.userName, via: 'console', mfa: id.sessionContext?.attributes.mfaAuthenticated === 'true', signedInAt: id.sessionContext?.attributes.creationDate ?? e.eventTime };
  } else if (id.type === 'Root') {
    principal = { kind: 'root', via: 'console', mfa: id.sessionContext?.attributes.mfaAuthenticated === 'true', signedInAt: e.eventTime };
  } else if (id.type === 'AssumedRole' && id.principalId.includes(':i-')) {
    principal = { kind: 'instance', instanceId: id.principalId.slice(id.principalId.indexOf(':') + 1) };
  } else return undefined;
  const action = `${e.eventSource.slice(0, e.eventSource.indexOf('.'))}:${e.eventName}`;
  return { principal, action, resource: e.iamsimResource ?? '*', sourceIp: e.sourceIPAddress, at: e.eventTime, region: e.awsRegion };
}

/**
 * Allowed API calls in the last 90 days (the window the checks call "in use") that are no longer allowed, leaving out
 * events a finding cites as evidence and calls made with a credential a finding is about (its fix may rightly revoke it).
 */
function brokenLoggedRequests(before: Account, after: Account, now: string, findings: readonly Finding[]): string[] {
  const from = new Date(Date.parse(now) - 90 * 86_400_000).toISOString();
  const cited = new Set(findings.flatMap((f) => (f.evidence ?? []).map((x) => x.eventID)).filter((x): x is string => x !== undefined));
  const flaggedArns = new Set(findings.map((f) => f.resource.arn));
  // console-user-without-mfa reports the user, but it is about the user's console password used without MFA: its fix
  // (a Deny unless MFA) stops exactly those sessions until the person enrols a device.
  for (const f of findings) if (f.checkId === 'console-user-without-mfa') flaggedArns.add(`${f.resource.arn}/login-profile`);
  const citedSessions = new Set<string>();
  for (const e of before.activity) if (e.eventName === 'ConsoleLogin' && cited.has(e.eventID)) citedSessions.add(`${e.userIdentity.arn} ${e.eventTime}`);
  const out: string[] = [];
  for (const e of before.activity) {
    if (e.eventType !== 'AwsApiCall' || e.errorCode !== undefined || e.eventTime < from || cited.has(e.eventID)) continue;
    const call = callOf(e);
    if (call === undefined) continue;
    const cred = call.principal.kind === 'user'
      ? call.principal.via === 'access-key' ? `${e.userIdentity.arn}/access-key/${call.principal.accessKeyId}` : `${e.userIdentity.arn}/login-profile`
      : '';
    if (flaggedArns.has(cred)) continue;
    if (call.principal.kind === 'user' && call.principal.via === 'console' && citedSessions.has(`${e.userIdentity.arn} ${call.principal.signedInAt}`)) continue;
    const r = request(after, call);
    if (r.outcome !== 'allowed') out.push(`${e.eventTime} ${e.userIdentity.arn} ${call.action} ${r.outcome}${r.rejection ? ` (${r.rejection.code})` : ''}`);
  }
  return out;
}
