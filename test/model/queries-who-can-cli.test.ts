import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerWhoCan, type AccountLoader } from '../../src/cli/commands/account-who-can.js';
import type { CliIo } from '../../src/cli/io.js';
import { run as runCli } from '../../src/cli/program.js';
import { saveAccount } from '../../src/model/serialize.js';
import { err, ok } from '../../src/result.js';
import { fixture } from './request-fixture.js';

/** Stands in for serialize.ts's loadAccount: '{}' loads the fixture; anything else fails with a JSON-path error. */
const loader: AccountLoader = (text, file) =>
  text.trim() === '{}' ? ok(fixture()) : err([{ code: 'bad-account', message: 'formatVersion is required', path: '/formatVersion', file }]);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-whocan-'));
  writeFileSync(join(dir, 'good.json'), '{}');
  writeFileSync(join(dir, 'bad.json'), '[]');
  let out = '';
  let errText = '';
  const io: CliIo = { out: (s) => { out += s; }, err: (s) => { errText += s; }, isTTY: false, env: {}, cwd: dir };
  const box = { code: 0 };
  const program = new Command('iamsim').exitOverride();
  const account = program.command('account');
  registerWhoCan(account, io, box, loader);
  try {
    await program.parseAsync(['account', 'who-can', ...args], { from: 'user' });
  } catch (e) {
    errText += e instanceof Error ? e.message : String(e);
    return { code: 2, out, err: errText };
  }
  return { code: box.code, out, err: errText };
}

describe('iamsim account who-can', () => {
  it('prints who is allowed, as text', async () => {
    const r = await run(['s3:PutObject', 'arn:aws:s3:::data-bucket/k', 'good.json', '--at', '2025-06-01T12:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Who can s3:PutObject on arn:aws:s3:::data-bucket/k');
    expect(r.out).toMatch(/ALLOWED\s+user\s+bob/);
    expect(r.out).toMatch(/denied\s+user\s+alice/);
    expect(r.out).toContain('5 allowed, 2 denied');
    expect(r.out).toContain('without MFA');
  });

  it('--format json gives the WhoCanAnswer; --no-root and --console --mfa change the assumed context', async () => {
    const r = await run(['s3:GetObject', 'arn:aws:s3:::data-bucket/k', 'good.json', '--format', 'json', '--no-root', '--console', '--mfa']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { allowed: { name: string }[]; assumed: { via: string; mfa: boolean } };
    expect(j.assumed).toMatchObject({ via: 'console', mfa: true });
    expect(j.allowed.map((e) => e.name)).not.toContain('root');
    expect(j.allowed.map((e) => e.name)).toContain('alice');
  });

  it('a bad account file exits 2 with the JSON path', async () => {
    const r = await run(['s3:GetObject', '*', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.json at /formatVersion: formatVersion is required');
  });

  it('a missing file or a malformed action is a usage error', async () => {
    await expect(run(['s3:GetObject', '*', 'nope.json'])).resolves.toMatchObject({ code: 2 });
    const bad = await run(['GetObject', '*', 'good.json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not an action');
  });
});

describe('iamsim account who-can, end to end through the program and the real account loader', () => {
  it('loads a saved account and answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-whocan-e2e-'));
    writeFileSync(join(dir, 'account.json'), saveAccount(fixture()));
    let out = '';
    let errText = '';
    const io: CliIo = { out: (s) => { out += s; }, err: (s) => { errText += s; }, isTTY: false, env: {}, cwd: dir };
    const code = await runCli(['account', 'who-can', 's3:PutObject', 'arn:aws:s3:::data-bucket/k', 'account.json', '--format', 'json', '--at', '2025-06-01T12:00:00Z'], io);
    expect(errText).toBe('');
    expect(code).toBe(0);
    const j = JSON.parse(out) as { allowed: { name: string }[]; denied: { name: string }[] };
    expect(j.allowed.map((e) => e.name)).toEqual(['bob', 'carol', 'AWSServiceRoleForSupport', 'admin-role', 'root']);
    expect(j.denied.map((e) => e.name)).toEqual(['alice', 'app-role']);
  });
});
