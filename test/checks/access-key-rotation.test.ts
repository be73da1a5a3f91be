import check from '../../src/checks/rules/access-key-rotation.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, key, NOW, user } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'a key 30 days old', account: account({ users: [user('alice', { accessKeys: [key('AKIAALICE0000000001', daysAgo(30))] })] }), now: NOW },
    { name: 'an old inactive key', account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001', daysAgo(300), 'Inactive')] })] }), now: NOW },
  ],
  invalid: [
    {
      name: 'old key, room for a new one: rotate',
      account: account({ users: [user('alice', { accessKeys: [key('AKIAALICE0000000001', daysAgo(120))] })], keyUse: { AKIAALICE0000000001: daysAgo(1) } }),
      now: NOW,
      reports: [{ messageId: 'old', resource: 'AKIAALICE0000000001', data: { days: 120, limit: 90 }, fixed: false, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: (a) => a.users['alice']!.accessKeys.length === 2 && a.users['alice']!.accessKeys[0]!.status === 'Inactive' && a.users['alice']!.accessKeys[1]!.status === 'Active',
    },
    {
      name: 'two keys, one old: deactivate it',
      account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001', daysAgo(200)), key('AKIABOB000000000002', daysAgo(5))] })] }),
      now: NOW,
      reports: [{ messageId: 'old', resource: 'AKIABOB000000000001', suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { bob: { accessKeys: [{ status: 'Inactive' }, { status: 'Active' }] } } },
    },
  ],
});
