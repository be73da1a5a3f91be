import check from '../../src/checks/rules/root-access-key-active.js';
import { runCaseTable } from './case-table.js';
import { account, daysAgo, key, NOW } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'no root keys', account: account(), now: NOW },
    { name: 'an inactive root key', account: account({ root: { accessKeys: [key('AKIAROOT00000000001', daysAgo(400), 'Inactive')] } }), now: NOW },
  ],
  invalid: [
    {
      name: 'an unused active root key is deactivated automatically',
      account: account({ root: { accessKeys: [key('AKIAROOT00000000001', daysAgo(400))] }, keyUse: { AKIAROOT00000000001: daysAgo(200) } }),
      now: NOW,
      reports: [{ messageId: 'activeUnused', resource: 'AKIAROOT00000000001', severity: 'critical', fixed: true, suggestions: 0 }],
      after: { root: { accessKeys: [{ id: 'AKIAROOT00000000001', status: 'Inactive' }] } },
    },
    {
      name: 'a never-used root key older than the window is deactivated',
      account: account({ root: { accessKeys: [key('AKIAROOT00000000002', daysAgo(100))] } }),
      now: NOW,
      reports: [{ messageId: 'activeUnused', fixed: true }],
      after: { root: { accessKeys: [{ status: 'Inactive' }] } },
    },
    {
      name: 'a root key in use only gets a suggestion; the unused one is fixed',
      account: account({
        root: { accessKeys: [key('AKIAROOT00000000003', daysAgo(20)), key('AKIAROOT00000000004', daysAgo(300))] },
        keyUse: { AKIAROOT00000000003: daysAgo(1) },
      }),
      now: NOW,
      reports: [
        { messageId: 'activeInUse', resource: 'AKIAROOT00000000003', fixed: false, suggestions: 1 },
        { messageId: 'activeUnused', resource: 'AKIAROOT00000000004', fixed: true },
      ],
      after: { root: { accessKeys: [{ status: 'Active' }, { status: 'Inactive' }] } },
    },
    {
      name: 'a brand-new root key nothing has used yet is deactivated too',
      account: account({ root: { accessKeys: [key('AKIAROOT00000000005', daysAgo(3))] } }),
      now: NOW,
      reports: [{ messageId: 'activeUnused', data: { lastUsed: 'never' }, fixed: true }],
    },
  ],
});
