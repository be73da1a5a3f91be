/** `iamsim generate` driven in-process: files written, truth alongside, byte-identical per seed, exit 2 on bad input. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { loadAccount } from '../../src/model/serialize.js';

let dir = '';
const fake = (isTTY = false): CliIo & { stdout: string; stderr: string } => {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s), isTTY, env: {}, cwd: '' };
  io.cwd = dir;
  return io;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamsim-generate-'));
});

describe('iamsim generate', () => {
  it('writes the account and <out>.truth.json (15 staff, iam-admin and one dedicated victim), with no progress bar off a TTY', async () => {
    const io = fake();
    const code = await run(['generate', '--seed', '42', '--users', '15', '--roles', '2', '--instances', '3', '--days', '90', '--violations', 'root-mfa-missing,unused-access-key', '--out', 'a.json'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^wrote a\.json: 17 users, 2 roles, 3 instances, \d+ events; audit at 2026-04-01T00:00:00Z\nwrote a\.json\.truth\.json: 3 expected finding\(s\) from 2 injected violation\(s\)\n$/);
    const loaded = loadAccount(readFileSync(join(dir, 'a.json'), 'utf8'), 'a.json');
    expect(loaded.ok).toBe(true);
    const truth = JSON.parse(readFileSync(join(dir, 'a.json.truth.json'), 'utf8')) as { injected: string[]; findings: { checkId: string }[]; now: string };
    expect(truth.injected).toEqual(['root-mfa-missing', 'unused-access-key']);
    expect(truth.findings.map((f) => f.checkId)).toEqual(['access-key-rotation', 'root-mfa-missing', 'unused-access-key']);
    expect(truth.now).toBe('2026-04-01T00:00:00Z');
  });

  it('gives byte-identical files for the same seed', async () => {
    for (const out of ['b1.json', 'b2.json']) expect(await run(['generate', '--seed', 'same', '--users', '10', '--violations', 'all', '--out', out], fake())).toBe(0);
    expect(readFileSync(join(dir, 'b2.json'), 'utf8')).toBe(readFileSync(join(dir, 'b1.json'), 'utf8'));
    expect(readFileSync(join(dir, 'b2.json.truth.json'), 'utf8')).toBe(readFileSync(join(dir, 'b1.json.truth.json'), 'utf8'));
  });

  it('draws a progress bar on stderr on a TTY', async () => {
    const io = fake(true);
    expect(await run(['generate', '--seed', '1', '--users', '5', '--out', 'tty.json'], io)).toBe(0);
    expect(io.stderr).toContain('\ractivity  [##############################] 100%\n');
    expect(io.stdout).toContain('wrote tty.json');
  });

  it('refuses bad input with exit 2, a message and no stack trace, writing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--users', 'many'], /--users "many" is not a whole number/],
      [['--users', '0'], /--users "0" is not a whole number of at least 1/],
      [['--users', '3', '--violations', 'root-mfa-missing,nope'], /--violations: unknown check id 'nope'/],
      [['--users', '3', '--start', 'tomorrow'], /--start: start must be an instant/],
    ];
    for (const [args, message] of cases) {
      const io = fake();
      expect(await run(['generate', '--seed', '1', ...args, '--out', 'bad.json'], io)).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
    const io = fake();
    expect(await run(['generate', '--seed', '1', '--users', '2', '--out', 'a.json'], io)).toBe(2);
    expect(io.stderr).toMatch(/a\.json already exists/);
  });
});
