/**
 * Round trip: an account built with the model's operations (and activity from request() and signIn()) is exported to
 * AWS's formats and imported back to an equivalent account. Equivalent means equal in everything AWS exports carry;
 * what they never carry is left out of the comparison and listed here: access key ids (the credential report has
 * slots, not ids; keys CloudTrail shows come back with their real ids), password strength, hardware MFA serials,
 * people, sessions, resources, alias, the organization, applications on instances, role MaxSessionDuration, seq,
 * when a policy was last reviewed (an iamsim record; imported policies are never reviewed), and iamsim's own event
 * field iamsimResource.
 */
import { describe, expect, it } from 'vitest';
import { exportAws } from '../../src/export/export-aws.js';
import { runChecks } from '../../src/checks/run-checks.js';
import { generate } from '../../src/generate/index.js';
import { applyOperations, call } from '../../src/model/apply.js';
import { emptyAccount } from '../../src/model/empty-account.js';
import { request } from '../../src/model/request.js';
import { signIn } from '../../src/model/sign-in.js';
import type { AccessKey, Account } from '../../src/model/types.js';
import { exportDir, mustImport } from './helpers.js';

const T0 = '2026-01-05T09:00:00Z';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const doc = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: 'arn:aws:dynamodb:us-east-1:777788889999:table/orders', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] };
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function built(): Account {
  const r = applyOperations(emptyAccount('777788889999', '2025-06-01T00:00:00Z'), [
    call('CreateGroup', { GroupName: 'readers' }),
    call('AttachGroupPolicy', { GroupName: 'readers', PolicyArn: S3_READ }),
    call('CreatePolicy', { PolicyName: 'orders-read', PolicyDocument: JSON.stringify(doc), Path: '/app/' }),
    call('CreateUser', { UserName: 'maria', Tags: [{ Key: 'team', Value: 'data' }] }),
    call('AddUserToGroup', { GroupName: 'readers', UserName: 'maria' }),
    call('CreateLoginProfile', { UserName: 'maria', Password: 'Correct-Horse-42!' }),
    call('EnableMFADevice', { UserName: 'maria', SerialNumber: 'arn:aws:iam::777788889999:mfa/maria', Kind: 'virtual' }),
    call('CreateAccessKey', { UserName: 'maria' }),
    call('CreateUser', { UserName: 'svc-orders' }),
    call('AttachUserPolicy', { UserName: 'svc-orders', PolicyArn: 'arn:aws:iam::777788889999:policy/app/orders-read' }),
    call('PutUserPolicy', { UserName: 'svc-orders', PolicyName: 'extra', PolicyDocument: JSON.stringify(doc) }),
    call('CreateAccessKey', { UserName: 'svc-orders' }),
    call('CreateAccessKey', { UserName: 'svc-orders', Status: 'Inactive' }),
    call('CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: JSON.stringify(trust), Tags: [{ Key: 'app', Value: 'web' }] }),
    call('AttachRolePolicy', { RoleName: 'web', PolicyArn: S3_READ }),
    call('CreateInstanceProfile', { InstanceProfileName: 'web' }),
    call('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web' }),
    call('RunInstances', { InstanceId: 'i-0123456789abcdef0', Region: 'eu-west-1', IamInstanceProfile: 'web', Tags: [{ Key: 'Name', Value: 'web-1' }] }),
    call('UpdateAccountPasswordPolicy', { MinimumPasswordLength: 16, RequireSymbols: true, RequireNumbers: true }),
    call('CreateTrail', { Name: 'org-trail', S3BucketName: 'org-trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true }),
    call('EnableRootMFADevice', { SerialNumber: 'root-token-1', Kind: 'hardware' }),
  ], T0);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  let a = r.value.account;
  const s = signIn(a, { user: 'maria', sourceIp: '198.51.100.20', at: '2026-01-06T08:30:00Z', mfa: true });
  a = s.account;
  a = request(a, { principal: { kind: 'user', user: 'maria', via: 'access-key' }, action: 's3:ListAllMyBuckets', resource: '*', sourceIp: '198.51.100.20', at: '2026-01-06T09:00:00Z' }).account;
  a = request(a, { principal: { kind: 'user', user: 'svc-orders', via: 'access-key' }, action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:777788889999:table/orders', sourceIp: '10.0.0.7', at: '2026-01-06T10:00:00Z' }).account;
  return a;
}

/** Keys without ids, in slot order (oldest first, as the credential report orders them), with their last use. */
const keysOf = (a: Account, keys: readonly AccessKey[]) =>
  [...keys].sort((x, y) => (x.created < y.created ? -1 : x.created > y.created ? 1 : 0)).map((k) => ({ status: k.status, created: k.created, lastUsed: a.usage.accessKeys.get(k.id) ?? null }));

/** Everything AWS exports carry. */
function view(a: Account): unknown {
  return {
    id: a.id,
    root: { arn: a.root.arn, created: a.root.created, mfa: a.root.mfa.map((d) => d.kind), keys: keysOf(a, a.root.accessKeys) },
    users: Object.fromEntries(Object.values(a.users).map((u) => [u.name, {
      ...u, accessKeys: keysOf(a, u.accessKeys), mfa: u.mfa.map((d) => (d.kind === 'virtual' ? d : d.kind)),
      loginProfile: u.loginProfile === null ? null : { passwordLastChanged: u.loginProfile.passwordLastChanged }, passwordLastUsed: a.usage.passwords.get(u.name) ?? null,
    }])),
    groups: a.groups,
    roles: Object.fromEntries(Object.values(a.roles).map((r) => [r.name, { ...r, maxSessionDuration: undefined }])),
    policies: Object.fromEntries(Object.values(a.policies).map((p) => [p.arn, { ...p, lastReviewed: undefined }])),
    instanceProfiles: a.instanceProfiles,
    instances: Object.fromEntries(Object.values(a.instances).map((i) => [i.id, { ...i, applications: undefined }])),
    passwordPolicy: a.passwordPolicy,
    trails: a.trails,
    roleUsage: a.usage.roles.toObject(),
    services: a.usage.services.map((m) => m.toObject()).toObject(),
    activity: a.activity.toArray().map((e) => ({ ...e, iamsimResource: undefined })),
  };
}

describe('export then import', () => {
  it('gives back an equivalent account', async () => {
    const before = built();
    expect(before.activity.size).toBe(3);
    const at = '2026-01-07T00:00:00Z';
    const files = exportAws(before, { at });
    expect(files.map((f) => f.name).filter((n) => !n.startsWith('last-accessed.')).sort()).toEqual(['account-summary.json', 'authorization-details.json', 'cloudtrail-events.jsonl', 'credential-report.json', 'ec2-instances.json', 'password-policy.json', 'trail-status.org-trail.json', 'trails.json', 'virtual-mfa-devices.json']);
    // request() records Access Advisor data: one file per principal that made a call.
    expect(files.filter((f) => f.name.startsWith('last-accessed.')).length).toBe(before.usage.services.size);
    const r = await mustImport(exportDir(Object.fromEntries(files.map((f) => [f.name, f.text]))));
    expect(r.problems).toEqual([]);
    expect(r.snapshot).toBe(at);
    const after = r.account;
    expect(view(after)).toEqual(view(before));
    // Keys CloudTrail saw keep their real ids; svc-orders' inactive key was never used, so its id is synthetic.
    expect(after.users['maria']!.accessKeys[0]!.id).toBe(before.users['maria']!.accessKeys[0]!.id);
    expect(after.users['svc-orders']!.accessKeys.map((k) => k.id === before.users['svc-orders']!.accessKeys.find((b) => b.created === k.created && b.status === k.status)?.id)).toEqual([true, false]);
  });

  it('export of the imported account gives the same files again (a fixed point)', async () => {
    const at = '2026-01-07T00:00:00Z';
    const once = exportAws(built(), { at });
    const r = await mustImport(exportDir(Object.fromEntries(once.map((f) => [f.name, f.text]))));
    const twice = exportAws(r.account, { at });
    const byName = (fs: readonly { name: string; text: string }[]) => Object.fromEntries(fs.map((f) => [f.name, f.text]));
    const [a, b] = [byName(once), byName(twice)];
    // The credential report and CloudTrail are equal; authorization details too (same entities, dates and documents).
    expect(b['credential-report.json']).toBe(a['credential-report.json']);
    expect(b['authorization-details.json']).toBe(a['authorization-details.json']);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });
});

describe('a generated account (iamsim generate, every violation injected)', () => {
  it('exports and imports back to an equivalent account, and audits to the same findings by check and resource kind', async () => {
    const g = generate({ seed: 'import-round-trip', users: 8, days: 40, violations: 'all' });
    if (!g.ok) throw new Error(JSON.stringify(g.error));
    const before = g.value.account;
    const r = await mustImport(exportDir(Object.fromEntries(exportAws(before, { at: g.value.now }).map((f) => [f.name, f.text]))));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(view(r.account)).toEqual(view(before));
    // Not compared: password strength and policy reviews (never in AWS files), and applications running on a user's
    // key (no AWS file says what runs on an instance).
    const summary = (a: Account): string[] => runChecks(a, { now: g.value.now }).findings.filter((f) => !['weak-user-password', 'policy-review-cadence'].includes(f.checkId) && f.messageId !== 'appUsesUserKey' && f.messageId !== 'moveToRole').map((f) => `${f.checkId} ${f.resource.kind}`).sort();
    expect(summary(r.account)).toEqual(summary(before));
  });
});
