/** sensitive-access-schedule: every matching tag in the reason, and a schedule with surrounding spaces still parses. */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/rules/sensitive-access-schedule.js';
import { account, user } from '../universe-fixtures.js';
import { findings } from '../rules-b/render.js';

const NOW = '2026-03-02T10:15:00Z';

describe('sensitive-access-schedule', () => {
  it('the reason lists every matching tag, comma-separated', () => {
    const a = account({ users: [user('priya', { tags: { employment: 'contractor', team: 'ops' } })] });
    expect(findings(check, a, NOW, { scheduledTags: [{ key: 'employment', values: ['contractor'] }, { key: 'team' }] }).map((f) => [f.messageId, f.data])).toEqual([
      ['noSchedule', { kind: 'user', name: 'priya', reason: 'employment=contractor, team=ops', tag: 'iamsim:schedule' }],
    ]);
  });
  it('spaces around a well-formed schedule are ignored', () => {
    expect(findings(check, account({ users: [user('priya', { tags: { employment: 'contractor', 'iamsim:schedule': '  Mon-Fri 09:00-17:30 Europe/London ' } })] }), NOW)).toEqual([]);
  });
});
