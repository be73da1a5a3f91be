import check from '../../src/checks/rules/unused-access-key.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, key, NOW, user } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'key used yesterday', account: account({ users: [user('alice', { accessKeys: [key('AKIAALICE0000000001')] })], keyUse: { AKIAALICE0000000001: daysAgo(1) } }), now: NOW },
    { name: 'new key never used yet', account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001', daysAgo(10))] })] }), now: NOW },
    { name: 'inactive old key does not count as unused', account: account({ users: [user('carol', { accessKeys: [key('AKIACAROL0000000001', daysAgo(400), 'Inactive')] })] }), now: NOW },
    { name: 'used 89 days ago (limit 90)', account: account({ users: [user('dan', { accessKeys: [key('AKIADAN000000000001')] })], keyUse: { AKIADAN000000000001: daysAgo(89) } }), now: NOW },
    { name: 'used 50 days ago with a custom limit of 60', account: account({ users: [user('erin', { accessKeys: [key('AKIAERIN00000000001')] })], keyUse: { AKIAERIN00000000001: daysAgo(50) } }), now: NOW, options: { unusedDays: 60 } },
  ],
  invalid: [
    {
      name: 'one finding per key: unused and never used',
      account: account({
        users: [user('alice', { accessKeys: [key('AKIAALICE0000000001'), key('AKIAALICE0000000002', daysAgo(120))] })],
        keyUse: { AKIAALICE0000000001: daysAgo(91) },
      }),
      now: NOW,
      reports: [
        { messageId: 'unused', resource: 'AKIAALICE0000000001', data: { user: 'alice', days: 91, limit: 90 }, fixed: true },
        { messageId: 'neverUsed', resource: 'AKIAALICE0000000002', data: { days: 120 }, fixed: true },
      ],
      after: { users: { alice: { accessKeys: [{ id: 'AKIAALICE0000000001', status: 'Inactive' }, { id: 'AKIAALICE0000000002', status: 'Inactive' }] } } },
    },
    {
      name: 'the cis preset threshold of 45 days',
      account: account({ users: [user('bob', { accessKeys: [key('AKIABOB000000000001')] })], keyUse: { AKIABOB000000000001: daysAgo(50) } }),
      now: NOW,
      options: { unusedDays: 45 },
      reports: [{ messageId: 'unused', resource: 'AKIABOB000000000001', data: { days: 50, limit: 45 } }],
      after: { users: { bob: { accessKeys: [{ status: 'Inactive' }] } } },
    },
    {
      name: 'the used key of the same user is left alone',
      account: account({ users: [user('carol', { accessKeys: [key('AKIACAROL0000000001'), key('AKIACAROL0000000002')] })], keyUse: { AKIACAROL0000000001: daysAgo(2) } }),
      now: NOW,
      reports: [{ messageId: 'neverUsed', resource: 'AKIACAROL0000000002' }],
      after: { users: { carol: { accessKeys: [{ status: 'Active' }, { status: 'Inactive' }] } } },
    },
  ],
});
