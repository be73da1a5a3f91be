/** Planning people: their IAM user, credentials, habits (IP, working hours, client) and their sessions over the period. */
import { call } from '../model/apply.js';
import type { CallPrincipal } from '../model/request-context.js';
import type { Tags } from '../model/types.js';
import type { Department, UsedAction } from './catalog.js';
import { dayAt, hold, nextKeyId, type Plan, type PlannedPerson } from './plan.js';
import type { Rng } from './rng.js';

/** A strong console password (20 characters, every class), as the default password policy demands. */
export const STRONG_PASSWORD = { length: 20, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false } as const;

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
] as const;
const CLIS = ['aws-cli/2.15.30 Python/3.11.8 Linux/6.5', 'aws-cli/2.17.2 Python/3.11.9 Darwin/23.4', 'Boto3/1.34.84 Python/3.12.2 Linux/6.8'] as const;

/** Someone's habits: where they work from, when, and with which clients. */
export interface Habits {
  readonly ip: string;
  /** A second address (home beside office) for one person in ten, used from their second session on, or null. */
  readonly altIp: string | null;
  /** First working hour (UTC); activity stays within three hours of it, so no hour is unusual. */
  readonly hour: number;
  readonly browser: string;
  readonly cli: string;
}

/** Seeded habits: a public IP from the documentation and benchmark ranges, and a working-hours window. */
export function habits(rng: Rng, index: number): Habits {
  const ip = `198.${18 + (index >> 16) % 2}.${(index >> 8) & 255}.${index & 255}`;
  const altIp = rng.chance(0.1) ? `203.0.${113 + ((index >> 8) & 1)}.${index & 255}` : null;
  return { ip, altIp, hour: rng.int(7, 10), browser: rng.pick(BROWSERS), cli: rng.pick(CLIS) };
}

/** A planned human user. */
export interface Human {
  readonly userName: string;
  readonly person: PlannedPerson;
  readonly habits: Habits;
  readonly dept: Department | null;
  readonly console: boolean;
  readonly mfa: boolean;
  /** The access key's id and the day (from start) it was created, or null. */
  readonly key: { readonly id: string; readonly day: number } | null;
}

/** What to create for one human. */
export interface HumanSpec {
  readonly userName: string;
  readonly display: string;
  readonly index: number;
  readonly dept: Department | null;
  readonly console: boolean;
  readonly key: boolean;
  readonly mfa?: boolean;
  /** Day (from start, may be negative) the user is created; default the plan's setup day. */
  readonly createdDay?: number;
  /** Day the access key is created; default a few days after 85 days before the end (younger than 90 days at the end). */
  readonly keyDay?: number;
  readonly tags?: Tags;
  readonly password?: Readonly<Record<string, number | boolean>>;
}

/** Adds a user, its group, credentials and person to the plan. */
export function addHuman(plan: Plan, rng: Rng, spec: HumanSpec): Human {
  const created = dayAt(plan, spec.createdDay ?? plan.setupDay);
  const u = spec.userName;
  plan.ops.push({ ...call('CreateUser', { UserName: u, ...(spec.tags !== undefined ? { Tags: spec.tags } : {}) }), at: created });
  if (spec.dept !== null) plan.ops.push({ ...call('AddUserToGroup', { GroupName: groupName(spec.dept), UserName: u }), at: created });
  const person: PlannedPerson = { id: `person-${u}`, name: spec.display, ips: [], credentials: [] };
  const h = habits(rng, spec.index);
  person.ips.push(h.ip);
  if (h.altIp !== null) person.ips.push(h.altIp);
  const mfa = spec.mfa ?? spec.console;
  if (spec.console) {
    plan.ops.push({ ...call('CreateLoginProfile', { UserName: u, PasswordProperties: spec.password ?? STRONG_PASSWORD }), at: created });
    hold(person, { kind: 'console', user: u });
  }
  if (mfa) plan.ops.push({ ...call('EnableMFADevice', { UserName: u, SerialNumber: `arn:aws:iam::${plan.accountId}:mfa/${u}` }), at: created });
  let key: Human['key'] = null;
  if (spec.key) {
    const day = spec.keyDay ?? Math.max(spec.createdDay ?? plan.setupDay, plan.days - 85 + rng.int(0, 3));
    const id = nextKeyId(plan);
    plan.ops.push({ ...call('CreateAccessKey', { UserName: u, AccessKeyId: id }), at: dayAt(plan, day) });
    hold(person, { kind: 'access-key', accessKeyId: id });
    key = { id, day };
  }
  plan.people.push(person);
  return { userName: u, person, habits: h, dept: spec.dept, console: spec.console, mfa, key };
}

/** The group of a department (its name, capitalised). */
export const groupName = (d: Department): string => `${d.name[0]!.toUpperCase()}${d.name.slice(1)}`;

/** The last resource ARN filled in per used action (with its account): every act of an action shares one string. */
const filled = new WeakMap<UsedAction, { readonly account: string; readonly arn: string }>();

/** Fills `{account}` in a resource template. */
export function resourceOf(u: UsedAction, account: string): string {
  const hit = filled.get(u);
  if (hit !== undefined && hit.account === account) return hit.arn;
  const arn = u.resource.replaceAll('{account}', account);
  filled.set(u, { account, arn });
  return arn;
}

/**
 * Session days, newest first: `count` sessions, one per equal slot of the period, the newest within the last 25
 * days (so every credential and service in use counts as recently used).
 */
export function sessionDays(rng: Rng, days: number, count: number): number[] {
  const slot = days / count;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const hi = days - i * slot;
    const width = i === 0 ? Math.min(slot, 25) : slot;
    out.push(Math.max(0, Math.floor(hi - 1 - rng.next() * Math.max(0, width - 1))));
  }
  return out;
}

/** How a session calls: through the console (after a sign-in) or with the access key. */
export type Via = 'console' | 'key';

/** One working session: an optional sign-in, then one call per action, minutes apart, from the person's IP. */
export function planSession(
  plan: Plan, rng: Rng, h: Human, day: number, calls: readonly { readonly via: Via; readonly use: UsedAction }[], o: { readonly ip?: string; readonly hour?: number; readonly mfa?: boolean; readonly exactStart?: number } = {},
): void {
  const ip = o.ip ?? h.habits.ip;
  const start = o.exactStart ?? day + ((o.hour ?? h.habits.hour) + rng.next() * 1.5) / 24;
  let t = start;
  const mfa = o.mfa ?? h.mfa;
  let signedIn: string | null = null;
  for (const c of calls) {
    if (c.via === 'console' && signedIn === null) {
      signedIn = dayAt(plan, t);
      plan.acts.push({ kind: 'sign-in', at: signedIn, who: { user: h.userName }, ip, mfa, agent: h.habits.browser });
    }
    t += rng.int(1, 9) / 1440;
    const principal: CallPrincipal = c.via === 'console'
      ? { kind: 'user', user: h.userName, via: 'console', mfa, signedInAt: signedIn! }
      : { kind: 'user', user: h.userName, via: 'access-key', accessKeyId: h.key!.id };
    plan.acts.push({ kind: 'call', at: dayAt(plan, t), principal, action: c.use.action, resource: resourceOf(c.use, plan.accountId), ip, agent: c.via === 'console' ? h.habits.browser : h.habits.cli });
  }
}

/**
 * A human's ordinary activity: `count` sessions; each calls every action of the department once, through the console
 * when the user has one, the last action with the key when the key exists by then (so both credentials stay in use).
 */
export function planRoutine(plan: Plan, rng: Rng, h: Human, count: number, o: { readonly consoleUntilDay?: number; readonly skip?: (u: UsedAction) => boolean; readonly keyUnused?: boolean } = {}): void {
  const uses = (h.dept?.uses ?? []).filter((u) => !(o.skip?.(u) ?? false));
  if (uses.length === 0) return;
  const days = sessionDays(rng, plan.days, count);
  for (const [i, day] of days.entries()) {
    // Sessions alternate between the two addresses in time order, the second one starting before the fifth event, so
    // neither address is ever new to the person's history.
    const ip = h.habits.altIp !== null && (days.length - 1 - i) % 2 === 1 ? h.habits.altIp : h.habits.ip;
    const keyReady = h.key !== null && o.keyUnused !== true && day > h.key.day;
    const consoleOk = h.console && (o.consoleUntilDay === undefined || day <= o.consoleUntilDay);
    if (!consoleOk && !keyReady) continue;
    const calls = uses.map((use, i) => ({ use, via: (keyReady && (!consoleOk || i === uses.length - 1) ? 'key' : 'console') as Via }));
    planSession(plan, rng, h, day, calls, { ip });
  }
}
