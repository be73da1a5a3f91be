/** Practice 3: console sessions of one user that are in use at the same time from different IP addresses. */
import type { CloudTrailEvent } from '../../model/types.js';
import { addMillis } from '../../model/time.js';
import { defineCheck } from '../define-check.js';
import { eventsInWindow, isConsoleLogin } from '../lib/activity.js';
import { perPersonCalls } from '../lib/per-person.js';
import { loginProfileRef } from '../lib/refs.js';
import type { Report } from '../types.js';

interface Session {
  readonly ip: string;
  readonly start: string;
  readonly expires: string;
  end: string;
  readonly login: CloudTrailEvent;
}

type M = 'overlap' | 'onePerPerson';

/**
 * A session starts at a ConsoleLogin and stays in use through the user's later console events from the same IP
 * (until `sessionHours` after sign-in). Two sessions from different IPs whose spans intersect overlap: one person
 * cannot sit at two addresses at once.
 */
export default defineCheck({
  meta: {
    id: 'overlapping-console-sessions',
    practice: 3,
    title: 'No user is signed in from two places at once',
    severity: 'high',
    rationale: 'Simultaneous console sessions from different addresses under one name mean several people share one login.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials', 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html'],
    remediation: 'suggest',
    messages: {
      overlap: 'User {{user}} had {{count}} overlapping console session(s) from different IPs in {{window}} days ({{ips}})',
      onePerPerson: 'Create {{people}} individual user(s) with the same groups and managed policies as {{user}}, then delete its console password',
    },
    options: {
      type: 'object',
      properties: { windowDays: { type: 'integer', minimum: 1 }, sessionHours: { type: 'number', minimum: 0.25, maximum: 36 }, minOverlaps: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaults: { windowDays: 90, sessionHours: 12, minOverlaps: 1 },
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const sessions = new Map<string, Session[]>();
    for (const e of eventsInWindow(account, now, options.windowDays)) {
      const id = e.userIdentity;
      if (id.type !== 'IAMUser' || id.userName === undefined) continue;
      if (id.accessKeyId !== undefined && id.accessKeyId.startsWith('AKIA')) continue;
      let list = sessions.get(id.userName);
      if (isConsoleLogin(e)) {
        if (list === undefined) sessions.set(id.userName, (list = []));
        list.push({ ip: e.sourceIPAddress, start: e.eventTime, end: e.eventTime, expires: addMillis(e.eventTime, options.sessionHours * 3_600_000), login: e });
        continue;
      }
      if (list === undefined) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const s = list[i]!;
        if (s.ip === e.sourceIPAddress && e.eventTime <= s.expires) {
          // Stryker disable next-line EqualityOperator: at an equal time the assignment leaves `end` as it is
          if (e.eventTime > s.end) s.end = e.eventTime;
          break;
        }
      }
    }
    const out: Report<M>[] = [];
    for (const [userName, list] of sessions) {
      const u = account.users[userName];
      // Stryker disable next-line ConditionalExpression: a fast path; one session overlaps nothing, so the count stays 0, under minOverlaps (at least 1)
      if (u === undefined || u.loginProfile === null || list.length < 2) continue;
      // By start time (the log need not be in order); sessions starting together stay in log order.
      const sorted = [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      let count = 0;
      const ips = new Set<string>();
      const evidence: CloudTrailEvent[] = [];
      for (let i = 0; i < sorted.length; i++) {
        const b = sorted[i]!;
        for (let j = i - 1; j >= 0; j--) {
          const a = sorted[j]!;
          if (a.ip === b.ip || a.end < b.start) continue;
          count++;
          ips.add(a.ip).add(b.ip);
          if (evidence.length < 6) evidence.push(a.login, b.login);
          break;
        }
      }
      if (count < options.minOverlaps) continue;
      const people = Math.min(10, Math.max(2, ips.size));
      out.push({
        messageId: 'overlap',
        data: { user: userName, count, window: options.windowDays, ips: [...ips].slice(0, 5).join(', ') },
        resource: loginProfileRef(u),
        evidence: evidence.map((e) => ({ eventID: e.eventID, eventTime: e.eventTime, text: `ConsoleLogin from ${e.sourceIPAddress}` })),
        suggestions: [{ messageId: 'onePerPerson', data: { people, user: userName }, fix: perPersonCalls(account, u, people, { kind: 'console' }) }],
      });
    }
    return out;
  },
});
