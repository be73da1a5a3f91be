import { describe, expect, it } from 'vitest';
import { Map as IMap } from 'immutable';
import { emptyAccount } from '../../src/model/empty-account.js';
import type { Account, User } from '../../src/model/types.js';
import { defineCheck, erase } from '../../src/checks/define-check.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { loadConfig } from '../../src/checks/config.js';
import { ALL_CHECKS } from '../../src/checks/registry.js';

const NOW = '2026-06-01T00:00:00Z';

function user(name: string, extra: Partial<User> = {}): User {
  return {
    name, path: '/', arn: `arn:aws:iam::111122223333:user/${name}`, id: `AIDA${name.toUpperCase().padEnd(17, 'X')}`, created: '2025-01-01T00:00:00Z',
    attachedPolicies: [], inlinePolicies: {}, tags: {}, loginProfile: null, mfa: [], accessKeys: [], groups: [], boundary: null, ...extra,
  };
}

function withUsers(...users: User[]): Account {
  const a = emptyAccount('111122223333', '2025-01-01T00:00:00Z');
  return { ...a, users: Object.fromEntries(users.map((u) => [u.name, u])), root: { ...a.root, mfa: [{ serial: 'arn:aws:iam::111122223333:mfa/root', kind: 'hardware', enabled: '2025-01-01T00:00:00Z' }] } };
}

const oldKeyAccount = withUsers(
  user('ci-bot', { tags: { owner: 'platform' }, accessKeys: [{ id: 'AKIAOLDKEY000000001', status: 'Active', created: '2025-01-01T00:00:00Z' }] }),
  user('alice', { accessKeys: [{ id: 'AKIAOLDKEY000000002', status: 'Active', created: '2025-01-01T00:00:00Z' }] }),
);

const boom = erase(defineCheck({
  meta: { id: 'boom', practice: 1, title: 'Throws', severity: 'low', rationale: 'test', references: ['x'], remediation: 'manual', messages: { m: 'never' }, defaults: {} },
  detect(): never { throw new Error('kaboom'); },
}));

describe('runChecks', () => {
  it('renders messages from templates and carries check metadata', () => {
    const run = runChecks(oldKeyAccount, { now: NOW, checks: ['unused-access-key'] });
    expect(run.findings.map((f) => f.message)).toEqual([
      'Access key AKIAOLDKEY000000001 of user ci-bot was created 516 days ago and never used (limit 90)',
      'Access key AKIAOLDKEY000000002 of user alice was created 516 days ago and never used (limit 90)',
    ]);
    expect(run.findings[0]).toMatchObject({ checkId: 'unused-access-key', practice: 11, severity: 'medium', remediation: 'auto' });
    expect(run.ran).toEqual(['unused-access-key']);
  });

  it('turns a throwing check into a check-error finding and goes on', () => {
    const run = runChecks(oldKeyAccount, { now: NOW, registry: [boom, ...ALL_CHECKS], checks: ['boom', 'unused-access-key'] });
    expect(run.errors).toEqual([{ checkId: 'boom', message: 'kaboom' }]);
    expect(run.findings[0]).toMatchObject({ checkId: 'boom', messageId: 'check-error' });
    expect(run.findings.filter((f) => f.checkId === 'unused-access-key')).toHaveLength(2);
  });

  it('reports unknown check ids and invalid options as not evaluated', () => {
    const run = runChecks(oldKeyAccount, { now: NOW, checks: ['nope', 'unused-access-key'], options: { 'unused-access-key': { unusedDays: 'x' } } });
    expect(run.notEvaluated.map((n) => [n.checkId, n.reason])).toEqual([['nope', 'unknown-check'], ['unused-access-key', 'invalid-options']]);
    expect(run.findings).toEqual([]);
  });

  it('layers defaults, preset, config and caller options', () => {
    const a = withUsers(user('bob', { accessKeys: [{ id: 'AKIAOLDKEY000000003', status: 'Active', created: '2026-04-01T00:00:00Z' }] }));
    expect(runChecks(a, { now: NOW, checks: ['unused-access-key'] }).findings).toHaveLength(0);
    expect(runChecks(a, { now: NOW, checks: ['unused-access-key'], preset: 'cis' }).findings).toHaveLength(1);
    const cfg = loadConfig('preset: cis\nchecks:\n  unused-access-key:\n    options:\n      unusedDays: 100\n', 'c.yaml');
    if (!cfg.ok) throw new Error('config');
    expect(runChecks(a, { now: NOW, checks: ['unused-access-key'], config: cfg.value }).findings).toHaveLength(0);
    expect(runChecks(a, { now: NOW, checks: ['unused-access-key'], config: cfg.value, options: { 'unused-access-key': { unusedDays: 10 } } }).findings).toHaveLength(1);
  });

  it('reports suppressed findings as suppressed, by ARN glob or tag, and ignores expired suppressions', () => {
    const cfg = loadConfig(
      [
        'suppressions:',
        '  - check: unused-access-key',
        '    resource: "arn:aws:iam::*:user/ci-*"',
        '    reason: CI key rotated by the pipeline',
        '  - check: "*"',
        '    tag: owner=nobody',
        '    reason: never matches',
        '  - check: unused-access-key',
        '    resource: "*alice*"',
        '    reason: expired',
        '    expires: 2026-05-01',
      ].join('\n'),
      'c.yaml',
    );
    if (!cfg.ok) throw new Error(JSON.stringify(cfg.error));
    const run = runChecks(oldKeyAccount, { now: NOW, checks: ['unused-access-key'], config: cfg.value });
    expect(run.findings).toHaveLength(2);
    expect(run.findings[0]?.suppressed).toEqual({ reason: 'CI key rotated by the pipeline', by: 'suppressions[0] (check unused-access-key, resource arn:aws:iam::*:user/ci-*)' });
    expect(run.findings[1]?.suppressed).toBeUndefined();
    const byTag = loadConfig('suppressions:\n  - check: unused-access-key\n    tag: owner=platform\n    reason: owned\n    expires: 2026-06-30T00:00:00Z\n', 'c.yaml');
    if (!byTag.ok) throw new Error('tag');
    const run2 = runChecks(oldKeyAccount, { now: NOW, checks: ['unused-access-key'], config: byTag.value });
    expect(run2.findings.map((f) => f.suppressed?.reason ?? null)).toEqual(['owned', null]);
  });

  it('skips checks disabled in the config and overrides severity', () => {
    const cfg = loadConfig('checks:\n  unused-access-key:\n    enabled: false\n  access-key-rotation:\n    severity: critical\n', 'c.yaml');
    if (!cfg.ok) throw new Error('cfg');
    const run = runChecks(oldKeyAccount, { now: NOW, config: cfg.value });
    expect(run.notEvaluated).toContainEqual({ checkId: 'unused-access-key', reason: 'disabled', detail: 'disabled in the config file' });
    expect(run.findings.filter((f) => f.checkId === 'access-key-rotation').map((f) => f.severity)).toEqual(['critical', 'critical']);
  });

  it('does not read usage it does not need: an empty account has only root findings', () => {
    const a = emptyAccount('111122223333', '2025-01-01T00:00:00Z');
    const run = runChecks({ ...a, usage: { ...a.usage, accessKeys: IMap() } }, { now: NOW });
    expect(run.errors).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('reports every problem with file:line:col and a hint', () => {
    const r = loadConfig('preset: nist\nchecks:\n  x:\n    optons: 1\nsuppressions:\n  - check: a\n    reason: b\n    expires: nope\n', 'iamsim.config.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.line, e.col, e.message])).toEqual([
      [1, 9, '/preset must be equal to one of the allowed values'],
      [4, 5, "unknown property 'optons' at /checks/x"],
      [6, 5, '/suppressions/0 names neither a resource nor a tag'],
      [8, 14, '/suppressions/0/expires is not a date or instant'],
    ]);
    expect(r.error.every((e) => e.hint !== undefined && e.file === 'iamsim.config.yaml')).toBe(true);
  });

  it('reports unknown check ids with their position and a guess', () => {
    const r = loadConfig('checks:\n  unused-acess-key:\n    enabled: false\nsuppressions:\n  - check: root-mfa\n    resource: "*"\n    reason: r\n', 'c.yaml', { checkIds: ALL_CHECKS.map((c) => c.meta.id) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.line, e.col, e.message, e.hint])).toEqual([
      [2, 3, "unknown check 'unused-acess-key'", "did you mean 'unused-access-key'?"],
      [5, 12, "unknown check 'root-mfa'", 'run `iamsim checks` to list the check ids'],
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const r = loadConfig('checks: [\n', 'c.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'yaml-syntax', file: 'c.yaml', line: expect.any(Number) });
  });
});
