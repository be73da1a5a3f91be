/**
 * "Who can do ACTION on RESOURCE?": every IAM user, every role (as a fresh session of it) and the root user, each
 * evaluated with the real evaluator on the policies that would apply to its request.
 *
 * The assumed request context (documented because conditions depend on it):
 * - users call with a long-term access key by default (`via: 'access-key'`, so aws:MultiFactorAuthPresent is ABSENT),
 *   or from the console with `via: 'console'` (then MultiFactorAuthPresent is present: true with `mfa` and a device);
 * - roles are evaluated as a session named `iamsim-who-can`, issued at `at`, with no session policy and no session
 *   tags; MultiFactorAuthPresent is `mfa`;
 * - the source IP is 203.0.113.10 (TEST-NET-3) unless given, the region us-east-1, TLS on;
 * - `at` defaults to the time of the last logged event, or the account's creation: never the wall clock.
 * Whether the principal holds a usable credential is not asked: this is what policies allow, like the IAM simulator.
 */
import type { ContextValue, Decision, StatementRef } from '../../evaluator/types.js';
import { addMillis } from '../time.js';
import { evaluateCall } from '../request.js';
import type { Call, Caller } from '../request-context.js';
import type { Account, Instant, Role, User } from '../types.js';

/** Options for whoCan(). */
export interface WhoCanOptions {
  readonly at?: Instant;
  /** Evaluate with MFA (only users with a device, and role sessions). Default false. */
  readonly mfa?: boolean;
  /** The credential users call with. Default 'access-key'. */
  readonly via?: 'access-key' | 'console';
  readonly sourceIp?: string;
  readonly region?: string;
  /** Include the root user. Default true. */
  readonly includeRoot?: boolean;
  readonly extraContext?: Readonly<Record<string, ContextValue>>;
}

/** One principal's answer. */
export interface WhoCanEntry {
  readonly kind: 'user' | 'role' | 'root';
  readonly name: string;
  readonly arn: string;
  readonly effect: Decision['effect'];
  readonly decidedBy: Decision['decidedBy'];
  readonly determining: readonly StatementRef[];
}

/** The answer: who is allowed, who is not, and the context that was assumed. */
export interface WhoCanAnswer {
  readonly action: string;
  readonly resource: string;
  readonly at: Instant;
  readonly assumed: { readonly via: 'access-key' | 'console'; readonly mfa: boolean; readonly sourceIp: string; readonly region: string };
  readonly allowed: readonly WhoCanEntry[];
  readonly denied: readonly WhoCanEntry[];
}

/** The default instant for queries: the last logged event's time, else when the account was created. */
export function queryInstant(account: Account): Instant {
  return account.activity.last()?.eventTime ?? account.root.created;
}

function userCaller(user: User, via: 'access-key' | 'console', mfa: boolean, at: Instant): Caller {
  const key = user.accessKeys.find((k) => k.status === 'Active')?.id ?? null;
  return { kind: 'user', user, via, accessKeyId: via === 'access-key' ? key : null, mfa: via === 'console' && mfa && user.mfa.length > 0, signedInAt: at };
}

function roleCaller(account: Account, role: Role, mfa: boolean, at: Instant): Caller {
  return {
    kind: 'session',
    role,
    instanceId: null,
    stored: false,
    session: {
      id: `iamsim-who-can:${role.name}`,
      roleName: role.name,
      sessionName: 'iamsim-who-can',
      accessKeyId: 'ASIAIAMSIMWHOCAN0000',
      issued: at,
      expires: addMillis(at, 3600_000),
      mfaAuthenticated: mfa,
      ...(mfa ? { mfaAuthTime: at } : {}),
      policy: null,
      policyArns: [],
      tags: {},
      assumedBy: account.root.arn,
    },
  };
}

/** Evaluates every user, role and (optionally) root for one action on one resource. Pure. */
export function whoCan(account: Account, action: string, resource: string, opts: WhoCanOptions = {}): WhoCanAnswer {
  const at = opts.at ?? queryInstant(account);
  const via = opts.via ?? 'access-key';
  const mfa = opts.mfa ?? false;
  const sourceIp = opts.sourceIp ?? '203.0.113.10';
  const region = opts.region ?? 'us-east-1';
  const allowed: WhoCanEntry[] = [];
  const denied: WhoCanEntry[] = [];
  const run = (kind: WhoCanEntry['kind'], name: string, arn: string, caller: Caller): void => {
    const call: Call = {
      principal: { kind: 'root', via: 'console' },
      action,
      resource,
      sourceIp,
      region,
      at,
      ...(opts.extraContext !== undefined ? { extraContext: opts.extraContext } : {}),
    };
    const d = evaluateCall(account, caller, call).decision;
    const entry: WhoCanEntry = { kind, name, arn, effect: d.effect, decidedBy: d.decidedBy, determining: d.determining };
    (d.effect === 'Allow' ? allowed : denied).push(entry);
  };
  for (const name of Object.keys(account.users).sort()) {
    const u = account.users[name]!;
    run('user', u.name, u.arn, userCaller(u, via, mfa, at));
  }
  for (const name of Object.keys(account.roles).sort()) {
    const r = account.roles[name]!;
    run('role', r.name, r.arn, roleCaller(account, r, mfa, at));
  }
  if (opts.includeRoot ?? true) {
    run('root', 'root', account.root.arn, { kind: 'root', via, accessKeyId: null, mfa: via === 'console' && mfa && account.root.mfa.length > 0, signedInAt: at });
  }
  return { action, resource, at, assumed: { via, mfa, sourceIp, region }, allowed, denied };
}
