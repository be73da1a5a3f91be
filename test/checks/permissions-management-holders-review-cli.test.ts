/** `iamsim review FILE`, driven in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { saveAccount } from '../../src/model/serialize.js';
import { account, doc, managed, role, user } from './universe-fixtures.js';

function io(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false, env: {}, cwd, stdout: () => out, stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'iamsim-review-'));
const legacy = managed('Legacy', doc({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:PutBucketPolicy'], Resource: '*' }));
const acct = account({
  users: [user('alice', { attachedPolicies: [legacy.arn] }), user('bob', { attachedPolicies: ['arn:aws:iam::aws:policy/IAMFullAccess'] })],
  roles: [role('app', { inlinePolicies: { ec2: doc({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }) } })],
  policies: [legacy],
});
writeFileSync(join(dir, 'account.json'), saveAccount(acct));

describe('iamsim review', () => {
  it('a missing file is named once, in words, with a hint (exit 2)', async () => {
    const x = io(dir);
    expect(await run(['review', 'nope.json'], x)).toBe(2);
    expect(x.stderr()).toBe('nope.json: cannot read the file: no such file\n  hint: check the path; it is resolved against the current directory\n');
  });

  it('prints the console-style summary per principal and flags an overdue review (exit 1)', async () => {
    const x = io(dir);
    const code = await run(['review', 'account.json', '--at', '2026-06-01', '--max-holders', '2'], x);
    const out = x.stdout();
    expect(code).toBe(1);
    expect(out).toContain('user alice  (arn:aws:iam::111122223333:user/alice)');
    expect(out).toMatch(/Amazon S3\s+Full: List {2}Limited: Read, Permissions management\s+All resources\s+None/);
    expect(out).toMatch(/role app[\s\S]*Amazon EC2\s+Limited: List\s+All resources\s+aws:requestedregion/);
    expect(out).toContain('Policy Legacy has never been reviewed');
    expect(out).not.toContain('more than the maximum');
  });

  it('flags Permissions management holders beyond the maximum, and renders JSON', async () => {
    const x = io(dir);
    const code = await run(['review', 'account.json', '--at', '2026-06-01', '--max-holders', '1', '--cadence', '365', '--format', 'json'], x);
    expect(code).toBe(1);
    const j = JSON.parse(x.stdout()) as { principals: { name: string; permissionsManagementCount: number }[]; findings: { checkId: string; resource: { name: string } }[] };
    expect(j.principals.map((p) => p.name)).toEqual(['alice', 'bob', 'app']);
    expect(j.principals[0]?.permissionsManagementCount).toBe(1);
    expect(j.findings.map((f) => [f.checkId, f.resource.name])).toEqual([['permissions-management-holders', 'alice'], ['permissions-management-holders', 'bob']]);
  });

  it('exits 0 when nothing is flagged, and 2 for a bad flag or file', async () => {
    expect(await run(['review', 'account.json', '--at', '2026-02-01'], io(dir))).toBe(0);
    const bad = io(dir);
    expect(await run(['review', 'account.json', '--max-holders', 'many'], bad)).toBe(2);
    expect(bad.stderr()).toContain('--max-holders');
    expect(await run(['review', 'missing.json'], io(dir))).toBe(2);
  });
});
