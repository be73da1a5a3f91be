import check from '../../src/checks/rules/root-virtual-mfa-only.js';
import { runCaseTable } from './case-table.js';
import { account, mfa, NOW } from './fixtures.js';

runCaseTable(check, {
  valid: [
    { name: 'hardware MFA', account: account(), now: NOW },
    { name: 'virtual and hardware', account: account({ root: { mfa: [mfa('root-v', 'virtual'), mfa('root-h', 'hardware')] } }), now: NOW },
    { name: 'no MFA is root-mfa-missing, not this check', account: account({ root: { mfa: [] } }), now: NOW },
    { name: 'virtual only, hardware not required', account: account({ root: { mfa: [mfa('root', 'virtual')] } }), now: NOW, options: { requireHardware: false } },
  ],
  invalid: [
    {
      name: 'virtual only',
      account: account({ root: { mfa: [mfa('root', 'virtual')] } }),
      now: NOW,
      reports: [{ messageId: 'virtualOnly', resource: 'root', data: { devices: 'arn:aws:iam::111122223333:mfa/root' }, fixed: false }],
    },
  ],
});
