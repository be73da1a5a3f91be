/** Practice 3: users with generic names (admin, shared, team, ops, test, …) that suggest a login meant for several people. */
import { defineCheck } from '../define-check.js';
import { perPersonCalls } from '../lib/per-person.js';
import { userRef } from '../lib/refs.js';
import type { Report } from '../types.js';

type M = 'generic' | 'disableLogin';

/** Normalises a name for matching: lowercase, separators and trailing digits removed. */
export const normaliseName = (n: string): string => n.toLowerCase().replace(/[-_.+=,@]/g, '').replace(/\d+$/, '');

/**
 * Flags users whose normalised name is one of `names`, or contains one of `containing` (e.g. "shared-ops").
 * Service accounts without a console password are flagged only when `includeWithoutPassword` is set.
 */
export default defineCheck({
  meta: {
    id: 'generic-user-name',
    practice: 3,
    title: 'Users are named for one person',
    severity: 'low',
    rationale: 'A user called admin, team or shared is almost always a login several people use. IAM users should map to one person or one workload.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials'],
    remediation: 'suggest',
    messages: {
      generic: 'User {{user}} has a generic name; it looks like a login shared by several people',
      disableLogin: 'Create individual users with the same groups and managed policies as {{user}}, then delete its console password',
    },
    options: {
      type: 'object',
      properties: {
        names: { type: 'array', items: { type: 'string' } },
        containing: { type: 'array', items: { type: 'string' } },
        includeWithoutPassword: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      names: ['admin', 'administrator', 'shared', 'team', 'ops', 'devops', 'test', 'testuser', 'tester', 'user', 'guest', 'dev', 'developer', 'support', 'temp', 'default', 'root', 'demo', 'training'],
      containing: ['shared', 'team', 'common', 'generic'],
      includeWithoutPassword: false,
    },
  },
  detect({ account, options }) {
    const out: Report<M>[] = [];
    for (const u of Object.values(account.users)) {
      if (u.loginProfile === null && !options.includeWithoutPassword) continue;
      const n = normaliseName(u.name);
      if (!options.names.includes(n) && !options.containing.some((c) => n.includes(c))) continue;
      out.push({
        messageId: 'generic',
        data: { user: u.name },
        resource: userRef(u),
        ...(u.loginProfile !== null ? { suggestions: [{ messageId: 'disableLogin' as const, fix: perPersonCalls(account, u, 2, { kind: 'console' }) }] } : {}),
      });
    }
    return out;
  },
});
