/**
 * Import and audit of the real AWS export files in ../shared/samples. Every expected finding below is listed by hand
 * from reading the files (the reasoning is in the comments), not from a snapshot of the output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { audit, copyDir, findingKeys, fixturesDir, mustImport, samplesDir } from './helpers.js';

const AUTHZ = join(samplesDir, 'authorization-details.cloudsplaining-example.json');
const REPORT = join(samplesDir, 'credential-report.2022.csv');

describe('cloudsplaining authorization details (3 users, 2 groups, 3 roles, 32 policies)', () => {
  it('imports every principal, customer policy and instance profile, keeping AWS managed policies as ARNs', async () => {
    const r = await mustImport(copyDir([AUTHZ]));
    const a = r.account;
    expect(a.id).toBe('012345678901');
    expect(Object.keys(a.users).sort()).toEqual(['biden', 'obama', 'userwithlotsofpermissions']);
    expect(Object.keys(a.groups).sort()).toEqual(['admin', 'biden']);
    expect(Object.keys(a.roles).sort()).toEqual(['MyOtherRole', 'MyRole', 'OverprivilegedEC2']);
    expect(a.users['obama']!.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(a.users['obama']!.created).toBe('2019-12-18T19:10:08Z');
    expect(a.users['biden']!.groups).toEqual(['biden']);
    expect(Object.keys(a.users['biden']!.inlinePolicies)).toEqual(['InsecureUserPolicy']);
    expect(a.roles['OverprivilegedEC2']!.attachedPolicies).toEqual(['arn:aws:iam::012345678901:policy/InsecurePolicy']);
    expect(a.instanceProfiles['OverprivilegedEC2']!.roles).toEqual(['OverprivilegedEC2']);
    expect(a.usage.roles.get('OverprivilegedEC2')).toEqual({ date: '2019-01-20T18:48:00Z', region: 'us-east-1' });
    expect(a.usage.roles.has('MyRole')).toBe(false);
    // The 2 customer policies, plus the 3 AWS managed ones iamsim's catalog no longer has (retired), kept from the export.
    expect(Object.keys(a.policies).sort()).toEqual([
      'arn:aws:iam::012345678901:policy/InsecurePolicy',
      'arn:aws:iam::012345678901:policy/NotYourPolicy',
      'arn:aws:iam::aws:policy/AWSCloudTrailFullAccess',
      'arn:aws:iam::aws:policy/AWSLambdaFullAccess',
      'arn:aws:iam::aws:policy/service-role/AWSConfigRole',
    ]);
    expect(r.problems.filter((p) => p.code === 'retired-aws-policy')).toHaveLength(3);
    expect(a.passwordPolicy).toBeNull();
    expect(a.importedFrom).toEqual({ inputs: ['authorization-details'], snapshot: '2020-01-29T23:23:12Z' });
    const reloaded = loadAccount(saveAccount(a));
    expect(reloaded.ok).toBe(true);
  });

  it('audits: findings listed by hand; credential checks not evaluated for want of the credential report', async () => {
    const r = await mustImport(copyDir([AUTHZ]));
    const run = audit(r);
    const keys = findingKeys(run);
    // No password-policy file: the account has none.
    expect(keys).toContain('password-policy-strength password policy');
    // The three retired AWS managed policies carried in by the export are AWS's: never flagged as unreviewed customer policies.
    expect(run.findings.filter((f) => f.checkId === 'policy-review-cadence' && f.resource.arn.startsWith('arn:aws:iam::aws:policy/'))).toEqual([]);
    // obama attaches AdministratorAccess directly; userwithlotsofpermissions and biden hold inline InsecureUserPolicy; biden also AWSLambdaFullAccess.
    expect(keys.filter((k) => k.startsWith('user-direct-policies'))).toEqual(['user-direct-policies biden', 'user-direct-policies obama', 'user-direct-policies userwithlotsofpermissions']);
    // AdministratorAccess (obama directly, userwithlotsofpermissions via group admin) and biden's policies hold permissions-management actions; so does the role's s3:PutObjectAcl.
    expect(keys.filter((k) => k.startsWith('permissions-management-holders'))).toEqual([
      'permissions-management-holders OverprivilegedEC2', 'permissions-management-holders biden', 'permissions-management-holders obama', 'permissions-management-holders userwithlotsofpermissions',
    ]);
    // Without the credential report nothing is said about passwords, MFA or keys: not passed, not failed, not evaluated.
    const ne = new Map(run.notEvaluated.map((n) => [n.checkId, n] as const));
    for (const id of ['root-mfa-missing', 'console-user-without-mfa', 'unused-access-key', 'access-key-rotation', 'inactive-user', 'unused-console-password']) {
      expect(ne.get(id)?.reason).toBe('missing-input');
      expect(ne.get(id)?.detail).toContain('the credential report');
    }
    expect(ne.get('root-user-activity')?.detail).toBe('needs CloudTrail events');
    expect(ne.get('weak-user-password')?.detail).toContain('password strength');
    expect(run.findings.some((f) => f.checkId === 'root-mfa-missing')).toBe(false);
  });
});

describe('real credential report of account 278368863034 (with hand-written authorization details)', () => {
  const dir = (): string => copyDir([REPORT, join(fixturesDir, 'testbench-2022', 'authorization-details.json')]);

  it('reads the root row into account.root and each user row into that user', async () => {
    const r = await mustImport(dir());
    const a = r.account;
    // The CSV has no generation time: the snapshot is its newest date, jake's key use at 2023-01-03T10:27:00+00:00.
    expect(r.snapshot).toBe('2023-01-03T10:27:00Z');
    expect(r.snapshotSource).toBe('report-newest-date');
    expect(Object.keys(a.users).sort()).toEqual(['cloudgoat', 'jake', 'test_account', 'test_key_account']);
    expect(a.root).toMatchObject({ created: '2022-03-08T16:02:25Z', mfa: [], accessKeys: [] });
    expect(a.usage.passwords.get('<root_account>')).toBe('2022-12-21T16:19:23Z');
    // cloudgoat: console disabled, key 1 active, used for rds in us-east-1.
    const cg = a.users['cloudgoat']!;
    expect(cg.loginProfile).toBeNull();
    expect(cg.accessKeys).toHaveLength(1);
    expect(cg.accessKeys[0]).toMatchObject({ status: 'Active', created: '2022-05-27T10:25:44Z' });
    expect(a.usage.accessKeys.get(cg.accessKeys[0]!.id)).toEqual({ date: '2022-12-21T18:30:00Z', service: 'rds', region: 'us-east-1' });
    // jake: password used 2023-01-03, no MFA, key 1 active.
    expect(a.users['jake']!.loginProfile?.passwordLastChanged).toBe('2022-05-18T09:05:13Z');
    expect(a.usage.passwords.get('jake')).toBe('2023-01-03T09:38:09Z');
    expect(a.users['jake']!.mfa).toEqual([]);
    // test_account: password never used (no_information), no keys.
    expect(a.users['test_account']!.loginProfile).not.toBeNull();
    expect(a.usage.passwords.has('test_account')).toBe(false);
    expect(a.users['test_account']!.accessKeys).toEqual([]);
    // test_key_account: key never used (N/A).
    expect(a.usage.accessKeys.has(a.users['test_key_account']!.accessKeys[0]!.id)).toBe(false);
  });

  it('audits: exactly the findings read off the report by hand', async () => {
    const run = audit(await mustImport(dir()));
    expect(findingKeys(run)).toEqual([
      // cloudgoat's key 1 was rotated 2022-05-27: 221 days before the snapshot (limit 90); jake's on 2022-05-18: 230 days.
      `access-key-rotation ${run.findings.find((f) => f.checkId === 'access-key-rotation' && f.message.includes('cloudgoat'))!.resource.name}`,
      `access-key-rotation ${run.findings.find((f) => f.checkId === 'access-key-rotation' && f.message.includes('jake'))!.resource.name}`,
      // jake and test_account have passwords (password_enabled true) and mfa_active false.
      'console-user-without-mfa jake',
      'console-user-without-mfa test_account',
      // Only read-only policies in the hand-written details: nobody but root administers the account.
      'no-iam-administrator 278368863034',
      // No password-policy file.
      'password-policy-strength password policy',
      // Root row: mfa_active false.
      'root-mfa-missing root',
      // cloudgoat and test_key_account attach a managed policy directly.
      'user-direct-policies cloudgoat',
      'user-direct-policies test_key_account',
    ].sort());
    // Real-world accuracy: cloudgoat's disabled console and the never-used, 15-day-old key are not "unused credentials";
    // the root row is not a user; one finding per access key.
    expect(run.findings.filter((f) => f.checkId === 'unused-console-password' || f.checkId === 'unused-access-key' || f.checkId === 'inactive-user')).toEqual([]);
    expect(run.findings.some((f) => f.resource.kind === 'user' && f.resource.name === '<root_account>')).toBe(false);
    expect(run.findings.filter((f) => f.checkId === 'access-key-rotation').map((f) => f.resource.kind)).toEqual(['access-key', 'access-key']);
  });

  it('--as-of moves the snapshot, and with it every age', async () => {
    const r = await mustImport(dir(), '2023-06-01T00:00:00Z');
    expect(r.snapshot).toBe('2023-06-01T00:00:00Z');
    const keys = findingKeys(audit(r));
    // By June 2023, test_key_account's key (created 2022-12-19, never used) is 163 days old: unused, and due for rotation.
    expect(keys.filter((k) => k.startsWith('unused-access-key'))).toHaveLength(3);
    // test_account's password, never used and set 2022-12-19, is now unused too.
    expect(keys).toContain('unused-console-password test_account');
  });
});
