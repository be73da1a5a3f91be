import { expect } from 'vitest';
import check, { SCHEDULE_FORMAT } from '../../src/checks/rules/sensitive-access-schedule.js';
import { runCaseTable } from '../../src/checks/tester.js';
import { account, role, user } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-02T10:15:00Z';

runCaseTable(check, {
  valid: [
    { name: 'a contractor on a recorded schedule', now: NOW, account: account({ users: [user('priya', { tags: { employment: 'contractor', 'iamsim:schedule': 'Mon-Fri 09:00-17:30 Europe/London' } })] }) },
    { name: 'weekdays shorthand without a zone', now: NOW, account: account({ users: [user('priya', { tags: { employment: 'Contractor', 'iamsim:schedule': 'weekdays 08:00-18:00' } })] }) },
    { name: 'employees and partners are not required to have one', now: NOW, account: account({ users: [user('dev', { tags: { employment: 'staff' } }), user('acme', { tags: { employment: 'partner' } })] }) },
  ],
  invalid: [
    {
      name: 'a contractor with standing access',
      now: NOW,
      account: account({ users: [user('priya', { tags: { employment: 'contractor' } })] }),
      reports: [{ messageId: 'noSchedule', resource: 'priya', data: { reason: 'employment=contractor', tag: 'iamsim:schedule' }, fixed: false }],
    },
    {
      name: 'a vendor role and a malformed schedule',
      now: NOW,
      account: account({ users: [user('priya', { tags: { employment: 'contractor', 'iamsim:schedule': 'office hours' } })], roles: [role('vendor-ci', { tags: { employment: 'vendor' } })] }),
      reports: [{ messageId: 'badSchedule', resource: 'priya', data: { value: 'office hours' } }, { messageId: 'noSchedule', resource: 'vendor-ci' }],
    },
  ],
}, hooks);

expect(SCHEDULE_FORMAT.test('Mon,Wed,Fri 09:00-12:00 UTC')).toBe(true);
