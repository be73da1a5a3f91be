/** Who a step acts as (`as` and `with`), in the model's terms. */
import type { CallPrincipal } from '../../model/request-context.js';
import type { Account } from '../../model/types.js';
import type { Caller } from '../types.js';

/** The source IP of a request that names none (TEST-NET-1, RFC 5737). */
export const DEFAULT_SOURCE_IP = '192.0.2.10';

/** The model principal for a caller; unknown sessions and keys are passed on so the model rejects them as AWS would. */
export function callPrincipal(account: Account, c: Caller, sessions: ReadonlyMap<string, string>): CallPrincipal {
  if (c.app !== undefined) return { kind: 'instance', instanceId: c.as, application: c.app };
  const w = c.with;
  const keyOf = (keys: readonly { id: string; status?: string }[]): string | undefined => {
    if (w === 'console') return undefined;
    // A person uses the key they hold: the first active one, else the first (which AWS then refuses as inactive).
    if (w === undefined || w === 'key') return keys.find((k) => k.status === 'Active')?.id ?? keys[0]?.id;
    const n = /^key(\d)$/.exec(w);
    if (n) return keys[Number(n[1]) - 1]?.id ?? `AKIA-MISSING-KEY-${n[1]}`;
    return w;
  };
  if (c.as === 'root') {
    const via = w !== undefined && w !== 'console' ? 'access-key' : 'console';
    const id = keyOf(account.root.accessKeys);
    return { kind: 'root', via, ...(id !== undefined ? { accessKeyId: id } : {}), mfa: c.mfa ?? true };
  }
  if (c.as.includes('/')) return { kind: 'session', sessionId: sessions.get(c.as) ?? `unknown:${c.as}` };
  const user = Object.hasOwn(account.users, c.as) ? account.users[c.as] : undefined;
  const via = w === 'console' || (w === undefined && (user?.loginProfile ?? null) !== null) ? 'console' : 'access-key';
  if (via === 'console') return { kind: 'user', user: c.as, via, mfa: c.mfa ?? true };
  const id = keyOf(user?.accessKeys ?? []);
  return { kind: 'user', user: c.as, via, ...(id !== undefined ? { accessKeyId: id } : {}) };
}

/** The caller as the story tells it: `report-svc`, `admin/alice`, or `reporter on i-0a1b2c3d4e5f60718`. */
export const callerName = (c: Caller): string => (c.app !== undefined ? `${c.app} on ${c.as}` : c.as);
