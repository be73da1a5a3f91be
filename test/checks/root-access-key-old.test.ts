import check from '../../src/checks/rules/root-access-key-old.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, key, NOW } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'no root keys', account: account(), now: NOW },
    { name: 'a young root key', account: account({ root: { accessKeys: [key('AKIAROOT00000000001', daysAgo(10))] } }), now: NOW },
    { name: 'an old inactive root key', account: account({ root: { accessKeys: [key('AKIAROOT00000000001', daysAgo(500), 'Inactive')] } }), now: NOW },
  ],
  invalid: [
    {
      name: 'a 100-day-old active root key: suggest deleting it',
      account: account({ root: { accessKeys: [key('AKIAROOT00000000001', daysAgo(100))] } }),
      now: NOW,
      reports: [{ messageId: 'old', data: { days: 100, limit: 90 }, severity: 'high', fixed: false, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { root: { accessKeys: [] } },
    },
  ],
});
