import check from '../../src/checks/rules/generic-user-name.js';
import { runCaseTable } from './case-table.js';
import { account, key, loginProfile, NOW, user } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'personal names', account: account({ users: [user('alice.smith', { loginProfile: loginProfile() }), user('iam-admin', { loginProfile: loginProfile() })] }), now: NOW },
    { name: 'a generic name without console access (a workload)', account: account({ users: [user('test', { accessKeys: [key('AKIATEST00000000001')] })] }), now: NOW },
  ],
  invalid: [
    {
      name: 'admin, team-2 and shared-ops with console passwords',
      account: account({ users: [user('admin', { loginProfile: loginProfile() }), user('team-2', { loginProfile: loginProfile() }), user('shared-ops', { loginProfile: loginProfile() })] }),
      now: NOW,
      reports: [
        { messageId: 'generic', resource: 'admin', suggestions: 1 },
        { messageId: 'generic', resource: 'team-2', suggestions: 1 },
        { messageId: 'generic', resource: 'shared-ops', suggestions: 1 },
      ],
      applySuggestions: true,
      after: (a) => a.users['admin']!.loginProfile === null && a.users['admin-1'] !== undefined && a.users['shared-ops-2'] !== undefined,
    },
    {
      name: 'workloads too when asked',
      account: account({ users: [user('test', { accessKeys: [key('AKIATEST00000000001')] })] }),
      now: NOW,
      options: { includeWithoutPassword: true },
      reports: [{ messageId: 'generic', resource: 'test', suggestions: 0 }],
    },
  ],
});
