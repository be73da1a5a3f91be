/** `iamsim simulate` and `iamsim validate`, driven in-process: exit codes, colour, JSON, the directory table, determinism. */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

interface Captured { code: number; out: string; err: string }

async function cli(args: readonly string[], o: { isTTY?: boolean; env?: Record<string, string>; cwd?: string } = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: o.isTTY ?? false, env: o.env ?? {}, cwd: o.cwd ?? process.cwd() };
  const code = await run(args, io);
  return { code, out, err };
}

const FAILING = `# yaml-language-server: $schema=../schemas/scenario.schema.json
name: an expectation that does not hold
start: 2026-03-02T09:00:00Z
account:
  users:
    bob: { keys: 1, policies: [ReadOnlyAccess] }
steps:
  - request: { as: bob, action: s3:GetObject, resource: "arn:aws:s3:::reports/q1.csv" }
    expect: Allow
  - request: { as: bob, action: s3:PutObject, resource: "arn:aws:s3:::reports/q1.csv" }
    expect: Allow
`;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-sim-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('iamsim simulate', () => {
  it('prints the contractor story and exits 0', async () => {
    const r = await cli(['simulate', 'scenarios/contractor.yaml']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain("A contractor's access ends with the contract");
    expect(r.out).toMatch(/10:15 {2}✓ {2}priya s3:PutObject arn:aws:s3:::partner-drop\/acme\/q1\.csv from 203\.0\.113\.20\n {10}→ Allow by identity: AcmePartnerDrop\/PartnerDrop/);
    expect(r.out).toMatch(/PASS {2}26 of 26 expectations met/);
    expect(r.out).not.toContain('\u001b[');
  });

  it('exits 1 and names the line of an unmet expectation', async () => {
    const dir = tempDir({ 'failing.yaml': FAILING });
    const r = await cli(['simulate', 'failing.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ failing.yaml:10: bob s3:PutObject arn:aws:s3:::reports/q1.csv from 192.0.2.10: expected effect Allow, got ImplicitDeny');
    expect(r.out).toContain('FAIL  1 of 2 expectations met');
  });

  it('exits 2 with file:line:col errors for an invalid file, and prints no story', async () => {
    const r = await cli(['simulate', 'test/fixtures/scenarios/unknown-user.yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("test/fixtures/scenarios/unknown-user.yaml:7:20: unknown user 'priyaa'\n  hint: did you mean 'priya'?\n");
  });

  it('colours only on a TTY, and never with NO_COLOR', async () => {
    const tty = await cli(['simulate', 'scenarios/contractor.yaml'], { isTTY: true });
    expect(tty.out).toContain('\u001b[32m✓\u001b[0m');
    const noColor = await cli(['simulate', 'scenarios/contractor.yaml'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toContain('\u001b[');
    expect(noColor.out).toBe((await cli(['simulate', 'scenarios/contractor.yaml'])).out);
  });

  it('--explain shows the deciding statement and each condition with the request\'s values', async () => {
    const r = await cli(['simulate', 'scenarios/contractor.yaml', '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 → false');
    expect(r.out).toContain('DateLessThan aws:CurrentTime 2026-07-06T09:00:00Z not < 2026-07-01T00:00:00Z → false');
    expect(r.out).toContain('because of user/sam/inline/iamsim-sensitive-access-guard statement #1 (Sid DenyFromContractEnd)');
  });

  it('--format json matches schemas/replay-result.schema.json', async () => {
    const r = await cli(['simulate', 'scenarios/contractor.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { summary: { ok: boolean; expectations: number } };
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync('schemas/replay-result.schema.json', 'utf8')) as object);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(json.summary).toMatchObject({ ok: true, expectations: 26 });
  });

  it('never reads the wall clock: the output is byte-identical whatever the date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const a = await cli(['simulate', 'scenarios/contractor.yaml', '--format', 'json', '--explain']);
    vi.setSystemTime(new Date('2040-06-15T12:34:56Z'));
    const b = await cli(['simulate', 'scenarios/contractor.yaml', '--format', 'json', '--explain']);
    expect(b.out).toBe(a.out);
  });

  it('runs every scenario in a directory and prints a summary table (regression mode)', async () => {
    const dir = tempDir({ 'failing.yaml': FAILING });
    copyFileSync('scenarios/contractor.yaml', join(dir, 'contractor.yaml'));
    copyFileSync('test/fixtures/scenarios/bad-time.yaml', join(dir, 'z-bad-time.yaml'));
    const r = await cli(['simulate', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    const table = r.out.split('\n');
    expect(table[0]).toMatch(/^scenario\s+steps\s+expectations\s+met\s+failed\s+result$/);
    expect(r.out).toMatch(/contractor\.yaml\s+36\s+26\s+26\s+0\s+PASS/);
    expect(r.out).toMatch(/failing\.yaml\s+2\s+2\s+1\s+1\s+FAIL/);
    expect(r.out).toMatch(/z-bad-time\.yaml\s+-\s+-\s+-\s+-\s+INVALID \(1 error\)/);
    expect(r.out).toContain('3 scenarios: 1 passed, 1 failed, 1 invalid');
    expect(r.err).toContain('z-bad-time.yaml:5:9: bad time');
  });

  it('a directory whose scenarios all pass exits 0', async () => {
    const r = await cli(['simulate', 'scenarios', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { format: string; scenarios: { file: string; valid: boolean }[] };
    expect(json.format).toBe('iamsim-replay-set/1');
    expect(json.scenarios.every((s) => s.valid)).toBe(true);
  });

  it('--seed changes the activity draw, and the same seed repeats it', async () => {
    const scenario = `name: activity
start: 2026-03-02T09:00:00Z
seed: 3
account:
  users:
    ci: { keys: 1, policies: [ReadOnlyAccess] }
steps:
  - activity:
      as: ci
      count: 40
      over: 5d
      from: [203.0.113.5, 203.0.113.6]
      requests:
        - { action: s3:GetObject, resource: "arn:aws:s3:::a/x" }
        - { action: s3:PutObject, resource: "arn:aws:s3:::a/x" }
`;
    const dir = tempDir({ 'activity.yaml': scenario });
    const a = await cli(['simulate', 'activity.yaml', '--format', 'json'], { cwd: dir });
    const b = await cli(['simulate', 'activity.yaml', '--format', 'json'], { cwd: dir });
    const c = await cli(['simulate', 'activity.yaml', '--format', 'json', '--seed', '4'], { cwd: dir });
    expect(b.out).toBe(a.out);
    const allowed = (s: string): unknown => (JSON.parse(s) as { events: { data: { allowed: number } }[] }).events[0]!.data.allowed;
    expect(allowed(c.out)).not.toBe(allowed(a.out));
  });
});

describe('iamsim validate', () => {
  it('accepts the shipped scenarios', async () => {
    const r = await cli(['validate', 'scenarios']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('scenarios/contractor.yaml: valid');
  });

  it('reports every error of every file at once and exits 2', async () => {
    const r = await cli(['validate', 'test/fixtures/scenarios/many-errors.yaml', 'test/fixtures/scenarios/bad-duration.yaml']);
    expect(r.code).toBe(2);
    expect(r.err.match(/^test\/fixtures\/scenarios\/[a-z-]+\.yaml:\d+:\d+: /gm)).toHaveLength(5);
    expect(r.err).toContain('2 of 2 scenarios invalid (5 errors)');
  });

  it('--format json lists the errors with positions', async () => {
    const r = await cli(['validate', 'test/fixtures/scenarios/unknown-check.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: { valid: boolean; errors: { line: number; col: number; code: string }[] }[] };
    expect(json.files[0]).toMatchObject({ valid: false, errors: [{ line: 4, col: 13, code: 'unknown-check' }] });
  });
});
