import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/checks/config.js';
import { defineCheck, erase } from '../../src/checks/define-check.js';
import { MAX_PASSES, remediate, undoRemediation } from '../../src/checks/remediate.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { snapshot } from '../../src/checks/deep-freeze.js';
import { account, daysAgo, key, loginProfile, NOW, user } from './fixtures.js';

const messy = account({
  passwordPolicy: null,
  users: [
    user('dana', { loginProfile: loginProfile({ password: { length: 8, upper: false, lower: true, numbers: false, symbols: false, common: false, dictionary: false } }), accessKeys: [key('AKIADANA00000000001', daysAgo(300))] }),
    user('eve', { loginProfile: loginProfile() }),
  ],
  passwordUse: { dana: daysAgo(200), eve: daysAgo(1) },
});

describe('remediate', () => {
  it('applies every automatic fix until nothing changes, and automatic findings are gone afterwards', () => {
    const checks = ['password-policy-strength', 'weak-user-password', 'console-user-without-mfa', 'unused-console-password', 'unused-access-key'];
    const r = remediate(messy, { now: NOW, checks });
    expect(r.failed).toEqual([]);
    expect(r.passes).toBeGreaterThanOrEqual(1);
    expect(r.passes).toBeLessThanOrEqual(MAX_PASSES);
    expect(r.applied.map((a) => `${a.checkId} ${a.resource.name}`)).toEqual([
      'password-policy-strength password policy',
      'console-user-without-mfa dana',
      'console-user-without-mfa eve',
      'unused-console-password dana',
      'unused-access-key AKIADANA00000000001',
    ]);
    const after = runChecks(r.account, { now: NOW, checks });
    expect(after.findings.filter((f) => f.fix !== undefined).map((f) => `${f.checkId} ${f.resource.name}`)).toEqual([]);
    expect(remediate(r.account, { now: NOW, checks }).applied).toEqual([]);
  });

  it('leaves the input untouched and its inverse patches restore it', () => {
    const before = snapshot(messy);
    const r = remediate(messy, { now: NOW });
    expect(snapshot(messy)).toBe(before);
    expect(snapshot(undoRemediation(r))).toBe(before);
    expect(snapshot(applyPatches(messy, [...r.patches]))).toBe(snapshot(r.account));
  });

  it('never fixes a suppressed finding', () => {
    const cfg = loadConfig('suppressions:\n  - check: unused-access-key\n    resource: "*dana*"\n    reason: handled by the vault\n', 'c.yaml');
    if (!cfg.ok) throw new Error('cfg');
    const r = remediate(messy, { now: NOW, checks: ['unused-access-key'], config: cfg.value });
    expect(r.applied).toEqual([]);
    expect(r.account.users['dana']!.accessKeys[0]!.status).toBe('Active');
  });

  it('fixes only the findings asked for', () => {
    const r = remediate(messy, { now: NOW, findings: [{ checkId: 'unused-console-password', messageId: 'unused', resource: { kind: 'login-profile', arn: 'arn:aws:iam::111122223333:user/dana/login-profile' } }] });
    expect(r.applied.map((a) => a.checkId)).toEqual(['unused-console-password']);
    expect(r.account.users['dana']!.loginProfile).toBeNull();
  });

  it('applies suggestions only when asked, each at most once', () => {
    const without = remediate(messy, { now: NOW, checks: ['no-iam-administrator'] });
    expect(without.applied).toEqual([]);
    const withS = remediate(messy, { now: NOW, checks: ['no-iam-administrator'], includeSuggestions: true });
    expect(withS.applied.map((a) => [a.checkId, a.kind])).toEqual([['no-iam-administrator', 'suggestion']]);
    expect(withS.account.users['iam-admin']?.groups).toEqual(['Administrators']);
  });

  it('stops after MAX_PASSES when a fix keeps producing new work, and reports fixes that fail', () => {
    let n = 0;
    const churn = erase(defineCheck({
      meta: { id: 'churn', practice: 11, title: 't', severity: 'low', rationale: 'r', references: ['x'], remediation: 'auto', messages: { m: 'x' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: {}, resource: { kind: 'account', arn: 'arn:aws:iam::111122223333:root' }, fix: [{ op: 'CreateUser', input: { UserName: `churn-${n++}` } }] }],
    }));
    const r = remediate(messy, { now: NOW, registry: [churn] });
    expect(r.passes).toBe(MAX_PASSES);
    const broken = erase(defineCheck({
      meta: { id: 'broken', practice: 11, title: 't', severity: 'low', rationale: 'r', references: ['x'], remediation: 'auto', messages: { m: 'x' }, defaults: {} },
      detect: () => [{ messageId: 'm', data: {}, resource: { kind: 'account', arn: 'arn:aws:iam::111122223333:root' }, fix: [{ op: 'DeleteUser', input: { UserName: 'nobody' } }] }],
    }));
    const b = remediate(messy, { now: NOW, registry: [broken, ...ALL_CHECKS], checks: ['broken'] });
    expect(b.applied).toEqual([]);
    expect(b.failed).toHaveLength(1);
    expect(b.failed[0]!.error).toMatch(/NoSuchEntity/);
  });
});
