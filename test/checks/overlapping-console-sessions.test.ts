import check from '../../src/checks/rules/overlapping-console-sessions.js';
import { runCaseTable } from './case-table.js';
import { account, event, loginProfile, NOW, user } from './fixtures.js';

const at = (h: number, m = 0): string => `2026-05-20T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
const ops = user('ops', { loginProfile: loginProfile() });

runCaseTable(check, {
  valid: [
    {
      name: 'office in the morning, home in the evening (sequential)',
      account: account({
        users: [ops],
        events: [
          event('ops', at(9), { name: 'ConsoleLogin', ip: '198.51.100.1' }),
          event('ops', at(10), { ip: '198.51.100.1' }),
          event('ops', at(19), { name: 'ConsoleLogin', ip: '203.0.113.5' }),
          event('ops', at(20), { ip: '203.0.113.5' }),
        ],
      }),
      now: NOW,
    },
    {
      name: 'two sessions from the same IP',
      account: account({ users: [ops], events: [event('ops', at(9), { name: 'ConsoleLogin' }), event('ops', at(9, 30), { name: 'ConsoleLogin' }), event('ops', at(10))] }),
      now: NOW,
    },
  ],
  invalid: [
    {
      name: 'a second sign-in from another IP while the first session is still in use',
      account: account({
        users: [ops],
        events: [
          event('ops', at(9), { name: 'ConsoleLogin', ip: '198.51.100.1' }),
          event('ops', at(9, 30), { name: 'ConsoleLogin', ip: '203.0.113.5' }),
          event('ops', at(10), { ip: '198.51.100.1' }),
          event('ops', at(10, 5), { ip: '203.0.113.5' }),
        ],
      }),
      now: NOW,
      reports: [{ messageId: 'overlap', resource: 'ops', data: { count: 1, ips: '198.51.100.1, 203.0.113.5' }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => a.users['ops']!.loginProfile === null && a.users['ops-1'] !== undefined && a.users['ops-2'] !== undefined,
    },
  ],
});
