/**
 * Practice 3: a credential used from many distinct source IPs or user agents within a window, or an access key used
 * from two IPs minutes apart on several days, signs that several people share it. Detected from the activity log
 * alone (never from account.people). A person who travels uses one address after another, never two at once; a key
 * handed to one colleague who never uses it at the same time as its owner is invisible to any of these signs.
 */
import type { CloudTrailEvent, User } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { eventsInWindow, isIpAddress } from '../lib/activity.js';
import { perPersonCalls } from '../lib/per-person.js';
import { rootRef, userKeyRef, loginProfileRef } from '../lib/refs.js';
import type { Report, ResourceRef } from '../types.js';

/** A credential as activity shows it: a user's console sessions, a long-term access key, or root. */
export type ObservedCredential = { readonly kind: 'console'; readonly user: string } | { readonly kind: 'access-key'; readonly user: string; readonly keyId: string } | { readonly kind: 'root' };

/** Which credential made an event: long-term keys (AKIA…) by id; console sessions and their temporary keys by user. */
export function credentialOf(e: CloudTrailEvent): ObservedCredential | undefined {
  const id = e.userIdentity;
  if (id.type === 'Root') return { kind: 'root' };
  if (id.type !== 'IAMUser' || id.userName === undefined) return undefined;
  if (id.accessKeyId !== undefined && id.accessKeyId.startsWith('AKIA')) return { kind: 'access-key', user: id.userName, keyId: id.accessKeyId };
  return { kind: 'console', user: id.userName };
}

/** Which credential, as a map key: its observed form says it whole (an access key id belongs to one user, so adding the user changes nothing). */
const credKey = (c: ObservedCredential): string => JSON.stringify(c);

type M = 'manyIps' | 'manyAgents' | 'concurrent' | 'onePerPerson';

/**
 * Flags each credential seen from at least `minDistinctIps` IPs or `minDistinctUserAgents` user agents in `windowDays`,
 * and each access key whose consecutive calls came from different IPs within `concurrentMinutes` on at least
 * `minConcurrentDays` days (console sessions have overlapping-console-sessions for that).
 */
export default defineCheck({
  meta: {
    id: 'shared-credential-use',
    practice: 3,
    title: 'Credentials are not shared between people',
    severity: 'high',
    rationale:
      'A shared credential makes every action anonymous among its holders, cannot be revoked for one person, and tends to spread. Many distinct addresses or clients for one credential is the telltale sign.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html'],
    remediation: 'suggest',
    messages: {
      manyIps: '{{credential}} was used from {{ips}} distinct IP addresses in {{window}} days (threshold {{threshold}})',
      manyAgents: '{{credential}} was used from {{agents}} distinct clients (user agents) in {{window}} days (threshold {{threshold}})',
      concurrent: '{{credential}} was used from two IP addresses within {{minutes}} minutes of each other on {{days}} days in {{window}} days (threshold {{threshold}})',
      onePerPerson: 'Create {{people}} individual user(s) with the same groups and managed policies as {{user}}, then disable the shared credential',
    },
    options: {
      type: 'object',
      properties: {
        windowDays: { type: 'integer', minimum: 1 },
        minDistinctIps: { type: 'integer', minimum: 2 },
        minDistinctUserAgents: { type: 'integer', minimum: 2 },
        maxSuggestedUsers: { type: 'integer', minimum: 1, maximum: 50 },
        concurrentMinutes: { type: 'integer', minimum: 1, maximum: 120 },
        minConcurrentDays: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaults: { windowDays: 30, minDistinctIps: 5, minDistinctUserAgents: 5, maxSuggestedUsers: 10, concurrentMinutes: 15, minConcurrentDays: 2 },
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const seen = new Map<string, { cred: ObservedCredential; ips: Set<string>; agents: Set<string>; last: CloudTrailEvent | null; concurrentDays: Set<string> }>();
    const concurrentMs = options.concurrentMinutes * 60_000;
    for (const e of eventsInWindow(account, now, options.windowDays)) {
      const cred = credentialOf(e);
      if (cred === undefined || !isIpAddress(e.sourceIPAddress)) continue;
      const k = credKey(cred);
      let s = seen.get(k);
      if (s === undefined) {
        s = { cred, ips: new Set(), agents: new Set(), last: null, concurrentDays: new Set() };
        seen.set(k, s);
      }
      s.ips.add(e.sourceIPAddress);
      s.agents.add(e.userAgent);
      if (cred.kind === 'access-key') {
        const last = s.last;
        if (last !== null && last.sourceIPAddress !== e.sourceIPAddress && Math.abs(Date.parse(e.eventTime) - Date.parse(last.eventTime)) <= concurrentMs) s.concurrentDays.add(e.eventTime.slice(0, 10));
        s.last = e;
      }
    }
    const out: Report<M>[] = [];
    for (const { cred, ips, agents, concurrentDays } of seen.values()) {
      const manyIps = ips.size >= options.minDistinctIps;
      const manyAgents = agents.size >= options.minDistinctUserAgents;
      const concurrent = concurrentDays.size >= options.minConcurrentDays;
      if (!manyIps && !manyAgents && !concurrent) continue;
      // Stryker disable next-line ConditionalExpression,StringLiteral: root has no `user`, so the lookup gives what a user named "undefined" would, and root never reads `user` afterwards
      const user: User | undefined = cred.kind === 'root' ? undefined : account.users[cred.user];
      if (cred.kind !== 'root' && user === undefined) continue;
      if (cred.kind === 'access-key' && !user!.accessKeys.some((k) => k.id === cred.keyId && k.status === 'Active')) continue;
      if (cred.kind === 'console' && user!.loginProfile === null) continue;
      const resource: ResourceRef = cred.kind === 'root' ? rootRef(account) : cred.kind === 'console' ? loginProfileRef(user!) : userKeyRef(user!, cred.keyId);
      const credential = cred.kind === 'root' ? 'The root user' : cred.kind === 'console' ? `The console password of ${cred.user}` : `Access key ${cred.keyId} of ${cred.user}`;
      const people = Math.min(options.maxSuggestedUsers, Math.max(2, ips.size));
      const suggestions = cred.kind === 'root'
        ? undefined
        : [{ messageId: 'onePerPerson' as const, data: { people, user: user!.name }, fix: perPersonCalls(account, user!, people, cred.kind === 'console'
          ? { kind: 'console' }
          // Stryker disable next-line StringLiteral: perPersonCalls tells only 'console' apart; any other kind deactivates the key
          : { kind: 'access-key', keyId: cred.keyId }) }];
      out.push({
        messageId: manyIps ? 'manyIps' : manyAgents ? 'manyAgents' : 'concurrent',
        data: manyIps
          ? { credential, ips: ips.size, window: options.windowDays, threshold: options.minDistinctIps }
          : manyAgents
            ? { credential, agents: agents.size, window: options.windowDays, threshold: options.minDistinctUserAgents }
            : { credential, minutes: options.concurrentMinutes, days: concurrentDays.size, window: options.windowDays, threshold: options.minConcurrentDays },
        resource,
        evidence: [{ text: `IPs: ${[...ips].slice(0, 10).join(', ')}${ips.size > 10 ? ', …' : ''}; clients: ${agents.size}` }],
        ...(suggestions ? { suggestions } : {}),
      });
    }
    return out;
  },
});
