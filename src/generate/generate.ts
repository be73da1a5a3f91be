/**
 * generate(): a seeded, realistic account built only through the model's operations (one batch), with seeded
 * activity replayed in time order through signIn() and request(), and violations injected in known places for the
 * chosen checks. The ground truth lists every finding a correct audit reports at `now`.
 */
import { applyTimedOperationsUnchecked } from '../model/apply.js';
import { emptyAccount } from '../model/empty-account.js';
import { request } from '../model/request.js';
import { signIn } from '../model/sign-in.js';
import type { Account } from '../model/types.js';
import { err, ok, type InputError, type Result } from '../result.js';
import { planBase, sessionCount } from './base.js';
import { dayAt, type Act, type Plan } from './plan.js';
import { makeRng } from './rng.js';
import { timeOrder } from './time-order.js';
import { planRoutine } from './staff.js';
import type { Generated, GenerateOptions, TruthEntry } from './types.js';
import { injectViolations, omissionsFor, resolveViolations } from './violations.js';

/** The default start of the activity. */
export const DEFAULT_START = '2026-01-01T00:00:00Z';

/** Checks the options: a list of problems with JSON pointers, or the resolved numbers. */
export function validateGenerateOptions(o: GenerateOptions): Result<{ users: number; roles: number; instances: number; days: number; violations: string[] }, InputError[]> {
  const problems: InputError[] = [];
  const int = (v: unknown, name: string, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push({ code: 'range', message: `${name} must be an integer from ${min} to ${max}`, path: `/${name}` });
    return typeof v === 'number' ? v : min;
  };
  const users = int(o.users, 'users', 1, 1_000_000);
  const roles = o.roles === undefined ? Math.floor(users / 50) + 2 : int(o.roles, 'roles', 0, 100_000);
  const instances = o.instances === undefined ? roles * 2 : int(o.instances, 'instances', 0, 100_000);
  const days = o.days === undefined ? 180 : int(o.days, 'days', 1, 3650);
  if (o.start !== undefined && (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(o.start) || Number.isNaN(Date.parse(o.start)))) {
    problems.push({ code: 'format', message: 'start must be an instant like 2026-01-01T00:00:00Z', path: '/start' });
  }
  const v = resolveViolations(o.violations);
  if (!v.ok) problems.push(...v.error);
  if (problems.length > 0) return err(problems);
  return ok({ users, roles, instances, days, violations: v.ok ? v.value : [] });
}

const compareTruth = (a: TruthEntry, b: TruthEntry): number => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0);

/** Replays the planned activity in time order (ties in planning order). */
function replay(account: Account, acts: readonly Act[], onProgress?: GenerateOptions['onProgress']): Account {
  const order = timeOrder(acts.map((a) => a.at));
  let current = account;
  let done = 0;
  for (const i of order) {
    const act = acts[i]!;
    if (act.kind === 'sign-in') {
      current = signIn(current, { ...act.who, sourceIp: act.ip, at: act.at, mfa: act.mfa, userAgent: act.agent }).account;
    } else {
      current = request(current, { principal: act.principal, action: act.action, resource: act.resource, sourceIp: act.ip, at: act.at, ...(act.agent !== undefined ? { userAgent: act.agent } : {}) }).account;
    }
    if ((++done & 4095) === 0) onProgress?.({ phase: 'activity', done, total: acts.length });
  }
  onProgress?.({ phase: 'activity', done: acts.length, total: acts.length });
  return current;
}

/** Generates an account. Errors are bad options; the same options always give the same account. */
export function generate(options: GenerateOptions): Result<Generated, InputError[]> {
  const v = validateGenerateOptions(options);
  if (!v.ok) return v;
  const { users, roles, instances, days, violations } = v.value;
  const start = options.start ?? DEFAULT_START;
  const rng = makeRng(options.seed, 'base');
  const idRng = makeRng(options.seed, 'account');
  const accountId = String(100_000_000_000 + Math.floor(idRng.next() * 899_999_999_999));
  const plan: Plan = { accountId, start, end: '', days, setupDay: Math.min(-30, days - 200), ops: [], acts: [], people: [], truth: [], seq: 0 };
  (plan as { end: string }).end = dayAt(plan, days);
  const injected = new Set(violations);
  const onProgress = options.onProgress;
  const base = planBase(plan, rng, { users, roles, instances, omit: omissionsFor(injected), onProgress: (done) => onProgress?.({ phase: 'configure', done, total: users }) });
  injectViolations(plan, makeRng(options.seed, 'violations'), base, injected);
  const sessions = sessionCount(days);
  for (const h of base.staff) planRoutine(plan, rng, h, sessions);
  for (const p of plan.people) {
    plan.ops.push({ op: 'RegisterPerson', input: { PersonId: p.id, Name: p.name, Ips: p.ips.slice(0, 32) }, at: dayAt(plan, plan.setupDay) });
    for (const c of p.credentials) plan.ops.push({ op: 'AssignCredentialToPerson', input: { PersonId: p.id, Credential: c }, at: dayAt(plan, plan.setupDay) });
  }
  const built = applyTimedOperationsUnchecked(emptyAccount(accountId, dayAt(plan, -400)), plan.ops);
  if (!built.ok) throw new Error(`generator bug: ${built.error.op} (call ${built.error.index}): ${built.error.code}: ${built.error.message}`);
  onProgress?.({ phase: 'configure', done: users, total: users });
  const account = replay(built.value, plan.acts, onProgress);
  const seen = new Set<string>();
  const groundTruth = plan.truth.filter((t) => {
    const k = `${t.checkId} ${t.resource}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort(compareTruth);
  return ok({ account, now: plan.end, groundTruth, injected: [...injected].sort() });
}
