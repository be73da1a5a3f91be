/** `iamsim account show` driven in-process: text and JSON summaries, --at, and bad files (exit 2). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Map as IMap } from 'immutable';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { saveAccount } from '../../src/model/serialize.js';
import { build, EC2_TRUST, op, S3_READ } from '../model/helpers.js';

let dir = '';
const fake = (): CliIo & { stdout: string; stderr: string } => {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s), isTTY: false, env: {}, cwd: '' };
  io.cwd = dir;
  return io;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamsim-account-'));
  const a = build([
    op('PlaceAccountInOrganization', { RootId: 'r-abcd', OrganizationalUnits: [{ Name: 'Prod', Id: 'ou-abcd-11111111' }], ManagementAccountId: '999999999999' }),
    op('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90 }),
    op('CreateRootAccessKey', { AccessKeyId: 'AKIAROOT000000000001' }),
    op('CreateUser', { UserName: 'alice', Tags: { team: 'data' } }),
    op('CreateLoginProfile', { UserName: 'alice', Password: 'correct-horse-battery' }),
    op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' }),
    op('CreateAccessKey', { UserName: 'alice', AccessKeyId: 'AKIAALICE00000000001' }),
    op('CreateGroup', { GroupName: 'devs' }),
    op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' }),
    op('AttachGroupPolicy', { GroupName: 'devs', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    op('CreatePolicy', { PolicyName: 'reader', PolicyDocument: S3_READ }),
    op('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::123456789012:policy/reader' }),
    op('PutUserPolicy', { UserName: 'alice', PolicyName: 'extra', PolicyDocument: S3_READ }),
    op('CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST }),
    op('CreateInstanceProfile', { InstanceProfileName: 'web' }),
    op('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web' }),
    op('RunInstances', { InstanceId: 'i-00000001', IamInstanceProfile: 'web', Applications: [{ Name: 'api' }, { Name: 'batch', AccessKeyId: 'AKIAALICE00000000001' }] }),
    op('CreateTrail', { Name: 'main', S3BucketName: 'trail-logs' }),
  ]);
  const withUsage = { ...a, usage: { ...a.usage, accessKeys: IMap([['AKIAALICE00000000001', { date: '2026-03-01T00:00:00Z', service: 's3', region: 'us-east-1' }]]) } };
  writeFileSync(join(dir, 'acct.json'), saveAccount(withUsage));
  writeFileSync(join(dir, 'broken.json'), '{ "formatVersion": 1, ');
  const bad = JSON.parse(saveAccount(a)) as Record<string, any>;
  bad['users']['alice']['created'] = 'last tuesday';
  writeFileSync(join(dir, 'invalid.json'), JSON.stringify(bad));
});

describe('iamsim account show', () => {
  it('prints principals, policies (attached, inline, via group), credentials with ages, MFA, password policy and org', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'acct.json'], io)).toBe(0);
    const t = io.stdout;
    expect(t).toContain('Account 123456789012, as of 2026-03-01T00:00:00Z');
    expect(t).toMatch(/root Root \[r-abcd\]\s+SCPs: FullAWSAccess/);
    expect(t).toMatch(/ou Prod \[ou-abcd-11111111\]/);
    expect(t).toContain('minimum length 14; requires symbols; expires after 90 days');
    expect(t).toContain('access keys: AKIAROOT000000000001 Active, 59 days old, last used never');
    expect(t).toContain('AKIAALICE00000000001 Active, 59 days old, last used today (s3, us-east-1)');
    expect(t).toContain('MFA: virtual arn:aws:iam::123456789012:mfa/alice');
    expect(t).toContain('reader (attached), extra (inline), ReadOnlyAccess (group devs)');
    expect(t).toContain('devs  members: alice');
    expect(t).toContain('web  trusted by: ec2.amazonaws.com');
    expect(t).toContain('app batch: access key AKIAALICE00000000001 of user alice');
    expect(t).toContain('main (NOT logging');
    expect(io.stderr).toBe('');
  });

  it('--at measures ages at the given instant', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'acct.json', '--at', '2026-12-27T00:00:00Z'], io)).toBe(0);
    expect(io.stdout).toContain('AKIAALICE00000000001 Active, 360 days old, last used 301 days ago');
  });

  it('--format json gives the summary as data', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'acct.json', '--format', 'json'], io)).toBe(0);
    const s = JSON.parse(io.stdout) as { at: string; users: { name: string; accessKeys: { ageDays: number }[]; policies: { via: string }[] }[]; root: { accessKeys: unknown[] } };
    expect(s.at).toBe('2026-03-01T00:00:00Z');
    expect(s.users.map((u) => u.name)).toEqual(['alice']);
    expect(s.users[0]!.accessKeys[0]!.ageDays).toBe(59);
    expect(s.users[0]!.policies.map((p) => p.via)).toEqual(['attached', 'inline', 'group devs']);
    expect(s.root.accessKeys).toHaveLength(1);
  });

  it('exits 2 with file:line:col for a broken JSON file', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'broken.json'], io)).toBe(2);
    expect(io.stderr).toMatch(/^broken\.json:1:\d+: not valid JSON/);
    expect(io.stdout).toBe('');
  });

  it('exits 2 naming the JSON path for a schema violation', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'invalid.json'], io)).toBe(2);
    expect(io.stderr).toContain('invalid.json at /users/alice/created');
    expect(io.stderr).toContain('hint:');
  });

  it('exits 2 for a missing file and a bad --at', async () => {
    const io = fake();
    expect(await run(['account', 'show', 'nope.json'], io)).toBe(2);
    expect(io.stderr).toContain('no such file');
    const io2 = fake();
    expect(await run(['account', 'show', 'acct.json', '--at', 'yesterday'], io2)).toBe(2);
    expect(io2.stderr).toContain('not an instant');
  });
});
