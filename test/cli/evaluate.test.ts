/** `iamsim evaluate` driven in-process through run() with a fake io: flags, --explain, --expect, JSON, batch, bad input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { principalFromArn } from '../../src/cli/commands/evaluate.js';

let dir = '';
const fake = (): CliIo & { stdout: string; stderr: string } => {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => void (io.stdout += s),
    err: (s: string) => void (io.stderr += s),
    isTTY: false,
    env: {},
    cwd: '',
  };
  io.cwd = dir;
  return io;
};
const write = (name: string, value: unknown): string => {
  writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  return name;
};
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const ALICE = 'arn:aws:iam::111122223333:user/alice';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamsim-evaluate-'));
  write('s3-read.json', doc({ Sid: 'ReadHome', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket/home/${aws:username}/*' }));
  write('deny-ip.json', doc({ Sid: 'DenyOutside', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, Bool: { 'aws:ViaAWSService': 'false' } } }));
  write('tags.json', doc({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] }, Null: { 'aws:TagKeys': 'false' } } }));
  write('until-2026.json', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } } }));
  write('full.json', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  write('s3-only.json', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
  write('bucket-session.json', doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:sts::111122223333:assumed-role/Dev/alice' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }));
  write('bad-effect.json', JSON.stringify(doc({ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }), null, 1).replace(/\n {2}/g, '\n    '));
  write('dup-effect.json', '{"Version": "2012-10-17", "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:*",\n    "Effect": "Deny",\n    "Resource": "*"}]}');
  write('broken.json', '{"Version": "2012-10-17", "Statement": [');
  write('no-version.json', { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }] });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iamsim evaluate, one request from flags', () => {
  it('allows through an identity policy with a policy variable, and says which statement decided', async () => {
    const io = fake();
    const code = await run(['evaluate', '--identity', 's3-read.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::bucket/home/alice/notes.txt'], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain('Allow');
    expect(io.stdout).toContain('identity[0] statement #0 (Sid ReadHome)');
  });

  it('--expect exits 1 on a mismatch and 0 on a match', async () => {
    const args = ['evaluate', '--identity', 's3-read.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::bucket/home/bob/notes.txt'];
    const miss = fake();
    expect(await run([...args, '--expect', 'Allow'], miss)).toBe(1);
    expect(miss.stderr).toContain('expected Allow, got ImplicitDeny');
    expect(await run([...args, '--expect', 'ImplicitDeny'], fake())).toBe(0);
  });

  it('--explain shows each condition with the request value against the policy values', async () => {
    const io = fake();
    const code = await run(['evaluate', '--identity', 'full.json', '--identity', 'deny-ip.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::b/k',
      '--context', 'aws:SourceIp=198.51.100.7', '--context', 'aws:ViaAWSService=false', '--explain', '--expect', 'ExplicitDeny'], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    expect(io.stdout).toContain('NotIpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 → true');
    expect(io.stdout).toContain('Bool aws:ViaAWSService false = false → true');
    expect(io.stdout).toContain('identity[1] statement #0 (Sid DenyOutside) [Deny] matched (decided)');
    expect(io.stdout).toContain('explicit-deny: deny');
  });

  it('--explain says why a statement did not match', async () => {
    const io = fake();
    await run(['evaluate', '--identity', 's3-only.json', '--principal', ALICE, '--action', 'ec2:RunInstances', '--resource', '*', '--explain'], io);
    expect(io.stdout).toContain('ImplicitDeny');
    expect(io.stdout).toContain('did not match: action not covered');
  });

  it('a repeated --context key is multivalued', async () => {
    const args = ['evaluate', '--identity', 'tags.json', '--principal', ALICE, '--action', 'ec2:CreateTags', '--resource', '*'];
    expect(await run([...args, '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=env', '--expect', 'Allow'], fake())).toBe(0);
    expect(await run([...args, '--context', 'aws:TagKeys=team', '--context', 'aws:TagKeys=owner', '--expect', 'ImplicitDeny'], fake())).toBe(0);
  });

  it('--at sets aws:CurrentTime and aws:EpochTime', async () => {
    const args = ['evaluate', '--identity', 'until-2026.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', '*'];
    expect(await run([...args, '--at', '2025-12-31T23:59:59Z', '--expect', 'Allow'], fake())).toBe(0);
    expect(await run([...args, '--at', '2026-01-01T00:00:00Z', '--expect', 'ImplicitDeny'], fake())).toBe(0);
    const io = fake();
    expect(await run([...args, '--at', 'next tuesday'], io)).toBe(2);
    expect(io.stderr).toContain('--at next tuesday: not a date');
  });

  it('--scp is one level per flag: every level must allow', async () => {
    const io = fake();
    expect(await run(['evaluate', '--identity', 'full.json', '--scp', 'full.json', '--scp', 's3-only.json', '--principal', ALICE, '--action', 'ec2:RunInstances', '--resource', '*', '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.stdout) as { effect: string; decidedBy: string };
    expect([out.effect, out.decidedBy]).toEqual(['ImplicitDeny', 'scp']);
  });

  it('--principal with a session ARN: a resource policy naming the session grants without an identity policy', async () => {
    const io = fake();
    expect(await run(['evaluate', '--resource-policy', 'bucket-session.json', '--principal', 'arn:aws:sts::111122223333:assumed-role/Dev/alice', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::bucket/x', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [{ policyId: 'resource', index: 0 }] });
  });

  it('warnings go to stderr with the file and path, and the evaluation still runs (here: no Version, so the variable is literal)', async () => {
    const io = fake();
    expect(await run(['evaluate', '--identity', 's3-read.json', '--identity', 'no-version.json', '--principal', ALICE, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::home/alice/x', '--expect', 'ImplicitDeny'], io)).toBe(0);
    expect(io.stderr).toContain('no-version.json:1:1: warning: The policy has no Version');
    expect(io.stderr).toContain('hint: Add "Version": "2012-10-17".');
  });

  it('a role trust policy (no Resource) is checked as one: --trust-policy, or --resource-policy with --resource-must-allow and sts:AssumeRole', async () => {
    write('trust.json', { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' } });
    write('trust-with-resource.json', { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Resource: '*' } });
    const base = ['evaluate', '--principal', ALICE, '--action', 'sts:AssumeRole', '--resource', 'arn:aws:iam::111122223333:role/r', '--format', 'json'];
    for (const flags of [['--resource-policy', 'trust.json', '--resource-must-allow'], ['--trust-policy', 'trust.json']]) {
      const io = fake();
      expect(await run([...base, ...flags], io)).toBe(0);
      expect(io.stderr).toBe('');
      // The trust policy names the account, so the caller also needs an identity Allow (sheet §1.2 row 6).
      expect(JSON.parse(io.stdout)).toMatchObject({ effect: 'ImplicitDeny' });
      const allowed = fake();
      expect(await run([...base, ...flags, '--identity', 'full.json'], allowed)).toBe(0);
      expect(JSON.parse(allowed.stdout)).toMatchObject({ effect: 'Allow', decidedBy: 'identity' });
    }
    for (const flags of [['--resource-policy', 'trust-with-resource.json', '--resource-must-allow'], ['--trust-policy', 'trust-with-resource.json']]) {
      const io = fake();
      expect(await run([...base, ...flags], io)).toBe(2);
      expect(io.stderr).toMatch(/trust-with-resource\.json:1:\d+: error: .*\(at \/Statement\/Resource\)/);
    }
    const both = fake();
    expect(await run([...base, '--trust-policy', 'trust.json', '--resource-policy', 'trust.json'], both)).toBe(2);
    expect(both.stderr).toContain('hint');
  });

  it('--resource-must-allow with another action keeps the resource policy a resource policy (KMS key policies need Resource)', async () => {
    write('key-policy.json', doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }));
    const io = fake();
    expect(await run(['evaluate', '--resource-policy', 'key-policy.json', '--resource-must-allow', '--identity', 'full.json', '--principal', ALICE, '--action', 'kms:Decrypt', '--resource', 'arn:aws:kms:us-east-1:111122223333:key/k', '--expect', 'Allow'], io)).toBe(0);
    expect(io.stderr).toBe('');
  });

  it('the root user is allowed by default; an account id stands for it', async () => {
    expect(await run(['evaluate', '--principal', '111122223333', '--action', 'iam:DeleteUser', '--resource', 'arn:aws:iam::111122223333:user/x', '--expect', 'Allow'], fake())).toBe(0);
  });
});

describe('iamsim evaluate, bad input exits 2 with the file and a hint, never a stack trace', () => {
  it.each([
    [['--identity', 'missing.json'], 'missing.json: cannot read the file given to --identity (no such file)'],
    [['--identity', 'broken.json'], 'broken.json:1:41: invalid JSON'],
    [['--identity', 'bad-effect.json'], 'bad-effect.json:5:16: error: The policy failed legacy parsing'],
    [['--identity', 'bad-effect.json'], '(at /Statement/0/Effect)'],
    [['--principal', 'bob'], '--principal: "bob" is not a principal ARN'],
    [['--action', 'badaction'], '--action: "badaction" is not an action'],
    [['--action', 's3 GetObject'], '--action: "s3 GetObject" is not an action'],
    [['--identity', 'dup-effect.json'], 'dup-effect.json:4:5: error: Syntax errors in policy. The key "Effect" appears twice in the same element. (at /Statement/0/Effect)'],
  ])('%j', async (extra, message) => {
    const io = fake();
    const base = ['evaluate', '--principal', ALICE, '--action', 's3:GetObject', '--resource', '*'];
    expect(await run([...base, ...extra], io)).toBe(2);
    expect(io.stderr).toContain(message);
    expect(io.stderr).toContain('hint');
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing --action is a usage error', async () => {
    const io = fake();
    expect(await run(['evaluate', '--principal', ALICE, '--resource', '*'], io)).toBe(2);
    expect(io.stderr).toContain('--action is required');
  });
});

describe('iamsim evaluate --input (JSON Lines batch)', () => {
  it('prints one result per line, in order; a malformed line gets an error, the rest still run, and the exit code is 2', async () => {
    const lines = [
      { policies: { identity: [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] }, request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } },
      '{"policies": ',
      { policies: { identity: [doc({ Effect: 'allow', Action: 's3:*', Resource: '*' })] }, request: { principal: ALICE, action: 's3:GetObject', resource: '*' } },
      { policies: { identity: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })], scp: [[doc({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'secret' } } })]] },
        request: { principal: 'arn:aws:iam::111122223333:role/App', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111122223333', context: { 'aws:TagKeys': ['a', 'secret'] } } },
      { policies: {}, request: { principal: 'nobody', action: 's3:GetObject', resource: '*' } },
    ];
    write('batch.jsonl', lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    const io = fake();
    expect(await run(['evaluate', '--input', 'batch.jsonl'], io)).toBe(2);
    expect(io.stderr).toBe('batch.jsonl: 3 of the lines could not be evaluated (see their "error" results)\n');
    const out = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ line: 1, effect: 'Allow', decidedBy: 'identity' });
    expect(out[1]).toMatchObject({ line: 2 });
    expect(String(out[1]!.error)).toContain('invalid JSON');
    expect(out[2]).toMatchObject({ line: 3, error: 'invalid policy' });
    expect(JSON.stringify(out[2]!.problems)).toContain('/policies/identity/0/Statement/0/Effect');
    expect(out[3]).toMatchObject({ line: 4, effect: 'ExplicitDeny', decidedBy: 'scp' });
    expect(out[4]).toMatchObject({ line: 5 });
    expect(String(out[4]!.error)).toContain('/request/principal');
  });

  it('lines that repeat a policy set reuse its compiled form and still answer per request (also when it is invalid)', async () => {
    const policies = { identity: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })] };
    const bad = { identity: [doc({ Effect: 'Maybe', Action: 's3:GetObject', Resource: '*' })] };
    const lines = [
      { policies, request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } },
      { policies, request: { principal: ALICE, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' } },
      { policies: bad, request: { principal: ALICE, action: 's3:GetObject', resource: '*' } },
      { policies: bad, request: { principal: ALICE, action: 's3:GetObject', resource: '*' } },
      { policies, request: { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::c/k' } },
    ];
    write('repeat.jsonl', lines.map((l) => JSON.stringify(l)).join('\r\n'));
    const io = fake();
    expect(await run(['evaluate', '--input', 'repeat.jsonl'], io)).toBe(2);
    const out = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.effect ?? o.error)).toEqual(['Allow', 'ImplicitDeny', 'invalid policy', 'invalid policy', 'ImplicitDeny']);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a trust policy in "trust", or in "resource" with resourceMustAllow for sts:AssumeRole, compiles as a trust policy', async () => {
    const trust = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' } };
    const withResource = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole', Resource: '*' } };
    const request = { principal: ALICE, action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/r' };
    const lines = [
      { policies: { trust }, request },
      { policies: { resource: trust, resourceMustAllow: true }, request },
      { policies: { trust: withResource }, request },
      { policies: { resource: withResource, resourceMustAllow: true }, request },
      { policies: { trust, resource: trust }, request },
      { policies: { trust: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'sts:AssumeRole' } }, identity: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })] }, request },
    ];
    write('trust.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
    const io = fake();
    expect(await run(['evaluate', '--input', 'trust.jsonl'], io)).toBe(2);
    const out = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.effect ?? o.error)).toEqual(['Allow', 'Allow', 'invalid policy', 'invalid policy', 'invalid policy', 'ImplicitDeny']);
    expect(JSON.stringify(out[2]!.problems)).toContain('/policies/trust/Statement/Resource');
    expect(JSON.stringify(out[3]!.problems)).toContain('/policies/resource/Statement/Resource');
    expect(out[5]).toMatchObject({ decidedBy: 'resource' });
  });

  it('a duplicate key in a line is an error with its JSON pointer (JSON.parse would keep only the last)', async () => {
    const lines = [
      '{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}]}, "request": {"principal": "' + ALICE + '", "action": "s3:GetObject", "resource": "*"}}',
      '{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}]}, "request": {"principal": "' + ALICE + '", "action": "s3:GetObject", "action": "s3:PutObject", "resource": "*"}}',
    ];
    write('dup.jsonl', lines.join('\n'));
    const io = fake();
    expect(await run(['evaluate', '--input', 'dup.jsonl'], io)).toBe(2);
    const out = io.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ line: 1, error: 'invalid policy', problems: [{ path: '/policies/identity/0/Statement/0/Effect' }] });
    expect(out[1]).toMatchObject({ line: 2 });
    expect(String(out[1]!.error)).toContain('/request/action');
  });

  it('a line whose action is not service:Action is an error', async () => {
    write('badaction.jsonl', JSON.stringify({ policies: {}, request: { principal: ALICE, action: 'badaction', resource: '*' } }));
    const io = fake();
    expect(await run(['evaluate', '--input', 'badaction.jsonl'], io)).toBe(2);
    expect(JSON.parse(io.stdout)).toMatchObject({ line: 1, error: '/request/action: "badaction" is not an action; write it as service:Action, e.g. s3:GetObject' });
  });

  it('a missing input file exits 2', async () => {
    const io = fake();
    expect(await run(['evaluate', '--input', 'nope.jsonl'], io)).toBe(2);
    expect(io.stderr).toContain('nope.jsonl: cannot read the file given to --input');
  });
});

describe('principalFromArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:user/a/b', { kind: 'user', accountId: '111122223333' }],
    ['arn:aws:iam::111122223333:root', { kind: 'root' }],
    ['arn:aws:sts::111122223333:assumed-role/R/s', { kind: 'role-session', roleArn: 'arn:aws:iam::111122223333:role/R' }],
    ['arn:aws:iam::111122223333:role/path/R', { kind: 'role-session', roleArn: 'arn:aws:iam::111122223333:role/path/R', arn: 'arn:aws:sts::111122223333:assumed-role/R/iamsim' }],
    ['arn:aws:iam::111122223333:role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX', { kind: 'role-session', serviceLinkedRole: true }],
    ['arn:aws:sts::111122223333:federated-user/carol', { kind: 'federated-user' }],
    ['ec2.amazonaws.com', { kind: 'service', service: 'ec2.amazonaws.com' }],
    ['anonymous', { kind: 'anonymous' }],
  ])('%s', (arn, expected) => {
    const r = principalFromArn(arn);
    expect(r.ok && r.value).toMatchObject(expected);
  });
});
