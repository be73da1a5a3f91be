/** `iamsim import`, `audit --aws`, `collect` and `export`, driven in-process with a fake io. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { exportAws } from '../../src/export/export-aws.js';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import { authzWithUsers, copyDir, exportDir, fakeIo, fixturesDir, samplesDir } from './helpers.js';
import { NOW, violatingAccount } from './practice-accounts.js';

const REPORT = join(samplesDir, 'credential-report.2022.csv');
const TESTBENCH = join(fixturesDir, 'testbench-2022', 'authorization-details.json');

describe('iamsim import', () => {
  it('writes a loadable account to a new file and lists what each missing input would add', async () => {
    const input = copyDir([REPORT, TESTBENCH]);
    const work = mkdtempSync(join(tmpdir(), 'iamsim-cli-'));
    const io = fakeIo(work);
    expect(await run(['import', input, '--out', 'acct.json'], io)).toBe(0);
    const loaded = loadAccount(readFileSync(join(work, 'acct.json'), 'utf8'));
    expect(loaded.ok && Object.keys(loaded.value.users).length).toBe(4);
    expect(io.stdout).toContain('snapshot 2023-01-03T10:27:00Z, from report newest date');
    expect(io.stdout).toContain('CloudTrail events: would add who did what');
    expect(readdirSync(input).sort()).toEqual(['authorization-details.json', 'credential-report.2022.csv']);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('auditing the written account file uses its snapshot time, not the clock', async () => {
    const work = mkdtempSync(join(tmpdir(), 'iamsim-cli-'));
    expect(await run(['import', copyDir([REPORT, TESTBENCH]), '--out', 'acct.json'], fakeIo(work))).toBe(0);
    const io = fakeIo(work);
    expect(await run(['audit', 'acct.json', '--format', 'json'], io)).toBe(1);
    const out = JSON.parse(io.stdout) as { now: string; notEvaluated: { checkId: string }[] };
    expect(out.now).toBe('2023-01-03T10:27:00Z');
    expect(out.notEvaluated.map((n) => n.checkId)).toContain('root-user-activity');
  });

  it('refuses an --out inside the input directory, and fails with exit 2 naming the file when the details are broken', async () => {
    const input = exportDir({ 'authz.json': '{"UserDetailList": [{"UserName": "a"' });
    const io = fakeIo(input);
    expect(await run(['import', '.', '--out', 'x.json'], io)).toBe(2);
    expect(io.stderr).toContain('inside the input directory');
    const io2 = fakeIo(tmpdir());
    expect(await run(['import', input, '--out', join(mkdtempSync(join(tmpdir(), 'o-')), 'x.json')], io2)).toBe(2);
    expect(io2.stderr).toMatch(/authz\.json.*authorization details: the JSON ends early/);
    expect(io2.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an --out that already exists (exit 2) and leaves it as it was', async () => {
    const work = mkdtempSync(join(tmpdir(), 'iamsim-cli-'));
    writeFileSync(join(work, 'acct.json'), 'mine');
    const io = fakeIo(work);
    expect(await run(['import', copyDir([REPORT, TESTBENCH]), '--out', 'acct.json'], io)).toBe(2);
    expect(io.stderr).toContain('--out: acct.json already exists');
    expect(io.stderr).toContain('choose a new file name or delete it first');
    expect(readFileSync(join(work, 'acct.json'), 'utf8')).toBe('mine');
  });

  it('a missing directory is a usage error', async () => {
    const io = fakeIo(tmpdir());
    expect(await run(['import', 'no-such-dir-xyz', '--out', 'x.json'], io)).toBe(2);
    expect(io.stderr).toContain('does not exist');
  });
});

describe('iamsim audit --aws', () => {
  it('audits an export directly at the snapshot time, exit 1 on findings, JSON lists not-evaluated checks', async () => {
    const input = copyDir([REPORT, TESTBENCH]);
    const io = fakeIo(tmpdir());
    expect(await run(['audit', '--aws', input, '--format', 'json'], io)).toBe(1);
    const out = JSON.parse(io.stdout) as { now: string; findings: { checkId: string }[]; notEvaluated: { checkId: string; reason: string; detail: string }[] };
    expect(out.now).toBe('2023-01-03T10:27:00Z');
    expect(out.findings.map((f) => f.checkId)).toContain('root-mfa-missing');
    expect(out.notEvaluated).toContainEqual({ checkId: 'root-user-activity', reason: 'missing-input', detail: 'needs CloudTrail events' });
  });

  it('--as-of sets the snapshot; text output starts with the import summary', async () => {
    const input = copyDir([REPORT, TESTBENCH]);
    const io = fakeIo(tmpdir());
    expect(await run(['audit', '--aws', input, '--as-of', '2023-06-01'], io)).toBe(1);
    expect(io.stdout).toMatch(/^Imported .* \(snapshot 2023-06-01T00:00:00Z, from as of\)/);
    expect(io.stdout).toContain('not evaluated: root-user-activity: missing-input (needs CloudTrail events)');
  });

  it('usage errors: neither or both of FILE and --aws; a bad --as-of', async () => {
    const io = fakeIo(tmpdir());
    expect(await run(['audit'], io)).toBe(2);
    expect(await run(['audit', '--aws', exportDir({ 'a.json': authzWithUsers(['ana']) }), '--as-of', 'yesterday'], io)).toBe(2);
    expect(io.stderr).toContain('--as-of: "yesterday" is not a date');
  });
});

describe('iamsim collect', () => {
  it('prints only read-only AWS CLI commands, one for each input kind', async () => {
    const io = fakeIo(tmpdir());
    expect(await run(['collect', '--days', '30'], io)).toBe(0);
    const commands = io.stdout.split('\n').flatMap((l) => [...l.matchAll(/\baws ([a-z0-9-]+) ([a-z0-9-]+)/g)].map((m) => `${m[1]} ${m[2]}`));
    for (const c of commands) expect(c).toMatch(/ (get|list|describe|lookup|generate)-/);
    for (const c of ['iam get-account-authorization-details', 'iam get-credential-report', 'iam get-account-password-policy', 'iam get-account-summary', 'iam list-virtual-mfa-devices', 'iam get-service-last-accessed-details', 'cloudtrail lookup-events', 'ec2 describe-instances', 'cloudtrail describe-trails', 'cloudtrail get-trail-status']) {
      expect(commands).toContain(c);
    }
    expect(io.stdout).toContain("date -u -d '-30 days'");
    expect(await run(['collect', '--days', '365'], io)).toBe(2);
  });
});

describe('iamsim export', () => {
  it('writes AWS-format files that audit --aws reads; never overwrites', async () => {
    const work = mkdtempSync(join(tmpdir(), 'iamsim-export-'));
    writeFileSync(join(work, 'acct.json'), saveAccount(violatingAccount()));
    const io = fakeIo(work);
    expect(await run(['export', '--aws', 'out', '--from', 'acct.json', '--at', NOW], io)).toBe(0);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(exportAws(violatingAccount(), { at: NOW }).map((f) => f.name).sort());
    const io2 = fakeIo(work);
    expect(await run(['audit', '--aws', 'out', '--format', 'json'], io2)).toBe(1);
    expect((JSON.parse(io2.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(20);
    const io3 = fakeIo(work);
    expect(await run(['export', '--aws', 'out', '--from', 'acct.json'], io3)).toBe(2);
    expect(io3.stderr).toContain('already holds');
    expect(existsSync(join(work, 'out', 'authorization-details.json'))).toBe(true);
  });
});
