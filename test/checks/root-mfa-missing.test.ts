import check from '../../src/checks/rules/root-mfa-missing.js';
import { runCaseTable } from './case-table.js';
import { account, key, mfa, NOW } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'hardware MFA', account: account(), now: NOW },
    { name: 'virtual MFA', account: account({ root: { mfa: [mfa('root', 'virtual')] } }), now: NOW },
    { name: 'no root credentials at all (centralized root access)', account: account({ root: { mfa: [], hasPassword: false } }), now: NOW },
  ],
  invalid: [
    { name: 'no MFA at all', account: account({ root: { mfa: [] } }), now: NOW, reports: [{ messageId: 'noMfa', resource: 'root', severity: 'critical', fixed: false, suggestions: 0 }] },
    { name: 'no password but an access key, and no MFA', account: account({ root: { mfa: [], hasPassword: false, accessKeys: [key('AKIAROOT00000000001')] } }), now: NOW, reports: [{ messageId: 'noMfa' }] },
  ],
});
