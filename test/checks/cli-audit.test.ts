/** `iamsim checks` and `iamsim audit` driven in-process through run() with a fake io and a temp directory. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { account, daysAgo, key, loginProfile, user } from './fixtures.js';

let dir = '';
const fake = (cwd = dir): CliIo & { stdout: string; stderr: string } => {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s), isTTY: false, env: {}, cwd };
  return io;
};
const P11 = 'unused-access-key,unused-console-password,password-policy-strength,console-user-without-mfa';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamsim-audit-'));
  const a = account({
    passwordPolicy: null,
    users: [user('dana', { tags: { owner: 'data' }, loginProfile: loginProfile(), accessKeys: [key('AKIADANA00000000001', daysAgo(300))] })],
    passwordUse: { dana: daysAgo(200) },
  });
  writeFileSync(join(dir, 'acct.json'), saveAccount(a));
  writeFileSync(join(dir, 'broken.json'), '{"formatVersion": 1, "users": ');
  writeFileSync(join(dir, 'suppress.yaml'), 'suppressions:\n  - check: "*"\n    tag: owner=data\n    reason: the data team owns this account\n');
  writeFileSync(join(dir, 'bad-config.yaml'), 'failOn: urgent\nchecks:\n  unused-access-key:\n    optoins: {}\n');
  writeFileSync(join(dir, 'bad-options.yaml'), 'checks:\n  unused-access-key:\n    options: { unusedDays: soon }\n');
});

describe('iamsim checks', () => {
  it('lists every check as JSON with id, practice, title, severity, references and remediation kind', async () => {
    const io = fake();
    expect(await run(['checks', '--format', 'json'], io)).toBe(0);
    const rows = JSON.parse(io.stdout) as { id: string; practice: number; title: string; severity: string; references: string[]; remediation: string }[];
    const ids = rows.map((r) => r.id);
    for (const id of ['root-user-activity', 'root-access-key-active', 'shared-credential-use', 'password-policy-strength', 'console-user-without-mfa', 'unused-access-key']) expect(ids).toContain(id);
    for (const r of rows) {
      expect(r.references.length).toBeGreaterThan(0);
      expect(['auto', 'suggest', 'manual']).toContain(r.remediation);
    }
    expect(new Set(rows.map((r) => r.practice))).toEqual(new Set([...rows.map((r) => r.practice)]));
  });

  it('prints a text table grouped by practice', async () => {
    const io = fake();
    expect(await run(['checks'], io)).toBe(0);
    expect(io.stdout).toMatch(/Practice 2\n {2}root-access-key-active +critical auto/);
  });
});

describe('iamsim audit', () => {
  it('exits 1 with findings at or above --fail-on, 0 below', async () => {
    const io = fake();
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', P11], io)).toBe(1);
    expect(io.stdout).toContain('User dana has a console password and no MFA device');
    expect(io.stdout).toContain('4 finding(s): 0 critical, 2 high, 2 medium, 0 low; 0 suppressed; 4 check(s) ran');
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', P11, '--fail-on', 'critical'], fake())).toBe(0);
  });

  it('audits a saved account as of its latest recorded activity when --at is not given', async () => {
    const io = fake();
    await run(['audit', 'acct.json', '--checks', 'unused-console-password', '--format', 'json'], io);
    const out = JSON.parse(io.stdout) as { now: string; findings: unknown[] };
    expect(out.now).toBe(daysAgo(200));
    expect(out.findings).toEqual([]);
  });

  it('prints JSON with findings and a summary', async () => {
    const io = fake();
    await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', 'unused-access-key', '--format', 'json'], io);
    const out = JSON.parse(io.stdout) as { findings: { checkId: string; message: string }[]; summary: { failing: number; failOn: string } };
    expect(out.findings.map((f) => f.checkId)).toEqual(['unused-access-key']);
    expect(out.summary).toMatchObject({ failing: 1, failOn: 'low' });
  });

  it('applies the cis preset', async () => {
    const io = fake();
    await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', 'unused-access-key', '--preset', 'cis', '--format', 'json'], io);
    expect((JSON.parse(io.stdout) as { findings: { message: string }[] }).findings[0]?.message).toContain('(limit 45)');
  });

  it('reports suppressed findings as suppressed and does not fail on them', async () => {
    const io = fake();
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', P11, '--config', 'suppress.yaml', '--fail-on', 'critical'], io)).toBe(0);
    expect(io.stdout).toContain('SUPPRESSED');
    expect(io.stdout).toContain('suppressed: the data team owns this account');
    expect(io.stdout).toContain('1 finding(s): 0 critical, 1 high, 0 medium, 0 low; 3 suppressed');
    const json = fake();
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', 'unused-access-key', '--config', 'suppress.yaml', '--format', 'json'], json)).toBe(0);
    const out = JSON.parse(json.stdout) as { findings: { suppressed?: { reason: string } }[] };
    expect(out.findings.map((f) => f.suppressed?.reason)).toEqual(['the data team owns this account']);
  });

  it('exits 2 for bad input: unreadable file, broken JSON, bad config, unknown check or preset, bad --at', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', 'missing.json'], /^missing\.json: cannot read the file: no such file\n {2}hint: check the path/],
      [['audit', 'broken.json'], /^broken\.json:1:31: not valid JSON/],
      [['audit', 'acct.json', '--config', 'bad-config.yaml'], /bad-config\.yaml:1:9: \/failOn must be equal to one of the allowed values[\s\S]*bad-config\.yaml:4:5: unknown property 'optoins'/],
      [['audit', 'acct.json', '--checks', 'nope'], /unknown check\(s\) nope/],
      [['audit', 'acct.json', '--config', 'bad-options.yaml'], /bad-options\.yaml:3:14: unused-access-key: option \/unusedDays must be integer/],
      [['audit', 'acct.json', '--preset', 'nist'], /unknown preset "nist"/],
      [['audit', 'acct.json', '--at', 'yesterday'], /"yesterday" is not a date/],
      [['audit', 'acct.json', '--fix'], /--fix needs --out/],
    ];
    for (const [argv, re] of cases) {
      const io = fake();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr, argv.join(' ')).toMatch(re);
    }
  });

  it('--fix --out writes the remediated account to a new file, prints the diff, and never overwrites the input', async () => {
    const before = readFileSync(join(dir, 'acct.json'), 'utf8');
    const io = fake();
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--checks', P11, '--fix', '--out', 'fixed.json'], io)).toBe(0);
    expect(io.stdout).toContain('Applied 4 fix(es) in 1 pass(es); wrote fixed.json');
    expect(io.stdout).toContain('~ users.dana.accessKeys[0].status: "Active" → "Inactive"');
    expect(io.stdout).toMatch(/~ users\.dana\.loginProfile: \{.* → null/);
    expect(io.stdout).toContain('+ users.dana.attachedPolicies[0] = "arn:aws:iam::111122223333:policy/DenyAllWithoutMFA"');
    expect(readFileSync(join(dir, 'acct.json'), 'utf8')).toBe(before);
    const fixed = loadAccount(readFileSync(join(dir, 'fixed.json'), 'utf8'), 'fixed.json');
    expect(fixed.ok && fixed.value.users['dana']?.accessKeys[0]?.status).toBe('Inactive');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = fake();
    expect(await run(['audit', 'acct.json', '--fix', '--out', resolve(dir, 'acct.json')], again)).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite the input file');
    const fixedBefore = readFileSync(join(dir, 'fixed.json'), 'utf8');
    const existing = fake();
    expect(await run(['audit', 'acct.json', '--at', '2026-06-01', '--fix', '--out', 'fixed.json'], existing)).toBe(2);
    expect(existing.stderr).toContain('--out: fixed.json already exists');
    expect(existing.stderr).toContain('hint: choose a new file name or delete it first');
    expect(readFileSync(join(dir, 'fixed.json'), 'utf8')).toBe(fixedBefore);
  });

  it('audits the end state of a scenario at the scenario end', async () => {
    const io = fake(resolve('.'));
    expect(await run(['audit', 'scenarios/practice-11-unused-credentials.yaml', '--checks', 'inactive-user', '--format', 'json'], io)).toBe(1);
    const out = JSON.parse(io.stdout) as { now: string; findings: { resource: { name: string } }[] };
    expect(out.findings.map((f) => f.resource.name)).toEqual(['dana']);
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
  });
});
