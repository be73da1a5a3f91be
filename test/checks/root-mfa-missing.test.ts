import check from '../../src/checks/rules/root-mfa-missing.js';
import { runCaseTable } from './case-table.js';
import { account, mfa, NOW } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'hardware MFA', account: account(), now: NOW },
    { name: 'virtual MFA', account: account({ root: { mfa: [mfa('root', 'virtual')] } }), now: NOW },
  ],
  invalid: [
    { name: 'no MFA at all', account: account({ root: { mfa: [] } }), now: NOW, reports: [{ messageId: 'noMfa', resource: 'root', severity: 'critical', fixed: false, suggestions: 0 }] },
  ],
});
