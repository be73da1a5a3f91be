import check from '../../src/checks/rules/multiple-active-access-keys.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, key, NOW, user } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'one active key', account: account({ users: [user('alice', { accessKeys: [key('AKIAALICE0000000001')] })] }), now: NOW },
    { name: 'one active and one inactive key', account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001'), key('AKIABOB000000000002', daysAgo(3), 'Inactive')] })] }), now: NOW },
  ],
  invalid: [
    {
      name: 'two active keys: deactivate the one used least recently',
      account: account({
        users: [user('alice', { accessKeys: [key('AKIAALICE0000000001', daysAgo(300)), key('AKIAALICE0000000002', daysAgo(10))] })],
        keyUse: { AKIAALICE0000000001: daysAgo(1), AKIAALICE0000000002: daysAgo(5) },
      }),
      now: NOW,
      reports: [{ messageId: 'twoActive', resource: 'alice', data: { count: 2 }, suggestions: 1 }],
      applySuggestions: true,
      suggestionsClear: true,
      after: { users: { alice: { accessKeys: [{ status: 'Active' }, { status: 'Inactive' }] } } },
    },
    {
      name: 'two active keys never used: deactivate the older',
      account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001', daysAgo(30)), key('AKIABOB000000000002', daysAgo(10))] })] }),
      now: NOW,
      reports: [{ messageId: 'twoActive', resource: 'bob' }],
      applySuggestions: true,
      after: { users: { bob: { accessKeys: [{ status: 'Inactive' }, { status: 'Active' }] } } },
    },
  ],
});
