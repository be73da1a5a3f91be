/** Each step kind replayed on a small scenario: what it does to the account and how its expectations are judged. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveAccount } from '../../src/model/serialize.js';
import { accountParser } from '../../src/scenarios/import-account.js';
import { loadScenarioFile } from '../../src/scenarios/load-file.js';
import { formatInputError } from '../../src/result.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { replay } from '../../src/scenarios/replay.js';
import type { ReplayResult, StepEvent } from '../../src/scenarios/replay-types.js';

function run(yaml: string): ReplayResult {
  const r = loadScenario(yaml, 'inline.yaml');
  if (!r.ok) throw new Error(r.error.map(formatInputError).join('\n'));
  return replay(r.value);
}
const steps = (r: ReplayResult): StepEvent[] => r.events.filter((e): e is StepEvent => e.type === 'step');
const header = `name: t
start: 2026-03-02T09:00:00Z
`;

describe('operation steps', () => {
  it('take short keys, policy names and key positions, and judge expect: ok or an IAM error code', () => {
    const r = run(`${header}account:
  users:
    bob: { keys: 2 }
steps:
  - AttachUserPolicy: { user: bob, policy: ReadOnlyAccess }
  - UpdateAccessKey: { user: bob, key: 2, status: Inactive }
  - AddUserToGroup: { user: bob, group: nobody }
    expect: NoSuchEntity
  - CreateGroup: { GroupName: devs }
  - AddUserToGroup: { user: bob, group: devs }
  - assert: { user: bob, policies: [ReadOnlyAccess], groups: [devs], keys: [Active, Inactive] }
  - DeleteUser: { user: bob }
    expect: ok
`);
    const s = steps(r);
    expect(s.map((e) => e.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'fail']);
    expect(s[0]!.title).toBe('AttachUserPolicy user=bob policy=ReadOnlyAccess');
    expect(s[6]!.expectations[0]).toMatchObject({ expected: 'ok', actual: 'DeleteConflict', met: false });
    expect(r.summary).toMatchObject({ expectations: 9, met: 8, failed: 1, ok: false });
  });
});

describe('request, sign-in and assume-role', () => {
  const account = `account:
  users:
    alice: { console: true, mfa: true, keys: 1 }
    eve: { keys: 1 }
  roles:
    auditor:
      trust: { aws: [alice], mfa: true }
      policies: [SecurityAudit]
steps:
  - sign-in: { as: alice, from: 203.0.113.9 }
    expect: success
  - sign-in: { as: alice, from: 203.0.113.9, mfa: false }
    expect: failure
  - sign-in: { as: eve }
    expect: failure
  - assume-role: { as: alice, role: auditor, session: audit-1 }
    expect: Allow
    decidedBy: resource
  - request: { as: auditor/audit-1, action: iam:ListUsers }
    expect: Allow
    policy: SecurityAudit
  - request: { as: auditor/audit-1, action: iam:CreateUser, resource: "arn:aws:iam::111122223333:user/x" }
    expect: ImplicitDeny
    decidedBy: none
  - assume-role: { as: alice, role: auditor, with: key }
    expect: ImplicitDeny
  - request: { as: eve, action: s3:ListAllMyBuckets }
    expect: Allow
`;
  it('judge effect, decidedBy and policy, and remember sessions as ROLE/SESSION', () => {
    const s = steps(run(`${header}${account}`));
    expect(s.map((e) => `${e.kind}:${e.status}`)).toEqual([
      'sign-in:pass', 'sign-in:pass', 'sign-in:pass', 'assume-role:pass', 'request:pass', 'request:pass', 'assume-role:pass', 'request:fail',
    ]);
    expect(s[1]!.result).toBe('failure (mfa-required)');
    expect(s[3]!.data['session']).toBe('auditor/audit-1');
    expect(s[7]!.expectations[0]).toMatchObject({ what: 'effect', expected: 'Allow', actual: 'ImplicitDeny' });
  });

  it('an inactive key is refused before any policy, and says so', () => {
    const s = steps(run(`${header}account:
  users:
    bob: { keys: [{ status: Inactive }], policies: [AdministratorAccess] }
steps:
  - request: { as: bob, action: s3:ListAllMyBuckets }
    expect: ImplicitDeny
`));
    expect(s[0]!.status).toBe('pass');
    expect(s[0]!.result).toContain('credential refused before any policy (inactive-access-key');
  });

  it('judges sid and the deciding policy by name, and reports misses', () => {
    const s = steps(run(`${header}account:
  users:
    bob:
      keys: 1
      inline:
        Deny:
          Version: "2012-10-17"
          Statement: [{ Sid: NoDelete, Effect: Deny, Action: "s3:Delete*", Resource: "*" }]
      policies: [AmazonS3FullAccess]
steps:
  - request: { as: bob, action: s3:DeleteObject, resource: "arn:aws:s3:::b/k" }
    expect: ExplicitDeny
    sid: NoDelete
    policy: Deny
  - request: { as: bob, action: s3:DeleteObject, resource: "arn:aws:s3:::b/k" }
    expect: ExplicitDeny
    sid: Other
`));
    expect(s[0]!.status).toBe('pass');
    expect(s[1]!.expectations.find((x) => x.what === 'sid')).toMatchObject({ expected: 'Other', actual: 'NoDelete', met: false });
  });
});

describe('activity', () => {
  const scenario = (seed: number): string => `name: t
start: 2026-03-02T09:00:00Z
seed: ${seed}
account:
  users:
    ci: { keys: 1, policies: [AmazonS3ReadOnlyAccess] }
steps:
  - activity:
      as: ci
      count: 50
      over: 10d
      from: [203.0.113.5]
      requests:
        - { action: s3:GetObject, resource: "arn:aws:s3:::a/x", weight: 3 }
        - { action: s3:PutObject, resource: "arn:aws:s3:::a/x" }
  - at: 2026-03-12T09:00:00Z
`;
  it('makes N seeded requests over the period and leaves last-used data and events', () => {
    const r = run(scenario(1));
    const a = steps(r)[0]!;
    const { allowed, denied } = a.data as { allowed: number; denied: number };
    expect(allowed + denied).toBe(50);
    expect(allowed).toBeGreaterThan(denied);
    expect(r.account.activity.size).toBe(50);
    const key = r.account.users['ci']!.accessKeys[0]!.id;
    expect(r.account.usage.accessKeys.get(key)?.date.startsWith('2026-03-1')).toBe(true);
    expect(steps(r)[1]!.time).toBe('2026-03-12T09:00:00Z');
  });

  it('is the same for the same seed and differs for another', () => {
    const times = (seed: number): string[] => run(scenario(seed)).account.activity.toArray().map((e) => `${e.eventTime} ${e.eventName}`);
    expect(times(1)).toEqual(times(1));
    expect(times(2)).not.toEqual(times(1));
  });

  it('judges expect: { allowed, denied }', () => {
    const r = run(`${scenario(1)}  - activity: { as: ci, count: 5, over: 1h, requests: [{ action: s3:PutObject, resource: "arn:aws:s3:::a/x" }] }
    expect: { allowed: 0, denied: 5 }
`);
    expect(steps(r)[2]!.status).toBe('pass');
  });
});

describe('check, remediate and assert', () => {
  it('judges findings exactly, includes and excludes, and lists what a fix changed', () => {
    const r = run(`${header}account:
  users:
    old: { keys: [{ created: 400d ago, lastUsed: 1d ago }] }
steps:
  - check: [access-key-rotation]
    expect:
      findings: [{ check: access-key-rotation, resource: old }]
  - check: all
    expect:
      includes: [{ check: access-key-rotation }]
      excludes: [{ check: access-key-rotation, resource: nobody }]
  - check: [access-key-rotation]
    expect: { findings: none }
  - assert: [{ user: old, keys: [Active] }, { user: old, mfa: true }]
`);
    const s = steps(r);
    expect(s.map((e) => e.status)).toEqual(['pass', 'pass', 'fail', 'fail']);
    expect(s[2]!.expectations[0]).toMatchObject({ what: 'findings', expected: 'none', actual: expect.stringMatching(/^access-key-rotation AKIA[A-Z2-7]{16}$/), met: false });
    expect(s[3]!.expectations.map((x) => x.met)).toEqual([true, false]);
  });

  it('assert exists: false holds for a deleted user', () => {
    const r = run(`${header}account:
  users:
    tmp: {}
steps:
  - DeleteUser: { user: tmp }
  - assert: { user: tmp, exists: false }
`);
    expect(steps(r).map((e) => e.status)).toEqual(['pass', 'pass']);
  });
});

describe('schedule', () => {
  it('fires as the clock passes, in time then file order, and reports failures without stopping', () => {
    const r = run(`name: t
start: 2026-03-06T08:00
timezone: Europe/London
account:
  users: { bob: {} }
  groups: { g: {} }
schedule:
  - every: weekdays 17:00
    do: { RemoveUserFromGroup: { user: bob, group: g } }
  - every: weekdays 09:00
    do: { AddUserToGroup: { user: bob, group: g } }
steps:
  - advance: 4d
`);
    const fired = r.events.filter((e) => e.type === 'scheduled').map((e) => `${e.local} ${e.ok ? 'ok' : 'failed'}`);
    expect(fired).toEqual(['Fri 2026-03-06 09:00 ok', 'Fri 2026-03-06 17:00 ok', 'Mon 2026-03-09 09:00 ok', 'Mon 2026-03-09 17:00 ok']);
    expect(r.summary.scheduleErrors).toBe(0);
    const failing = run(`name: t
start: 2026-03-06T08:00:00Z
account:
  users: { bob: {} }
  groups: { g: {} }
schedule:
  - every: daily 17:00
    do: { RemoveUserFromGroup: { user: bob, group: g } }
steps:
  - advance: 1d
`);
    expect(failing.summary.scheduleErrors).toBe(1);
    expect(failing.summary.ok).toBe(true);
  });

  it('a schedule step adds an entry from that step on', () => {
    const r = run(`name: t
start: 2026-03-02T00:00:00Z
account:
  users: { bob: {} }
  groups: { g: {} }
steps:
  - advance: 1d
  - schedule:
      every: daily 12:00
      do: [{ AddUserToGroup: { user: bob, group: g } }, { RemoveUserFromGroup: { user: bob, group: g } }]
      until: 2026-03-05T00:00:00Z
  - advance: 7d
`);
    expect(r.events.filter((e) => e.type === 'scheduled').map((e) => `${e.time} ${e.title}`)).toEqual([
      '2026-03-03T12:00:00Z AddUserToGroup user=bob group=g', '2026-03-03T12:00:00Z RemoveUserFromGroup user=bob group=g',
      '2026-03-04T12:00:00Z AddUserToGroup user=bob group=g', '2026-03-04T12:00:00Z RemoveUserFromGroup user=bob group=g',
    ]);
    expect(steps(r)[1]!.title).toBe('schedule daily 12:00: AddUserToGroup user=bob group=g; RemoveUserFromGroup user=bob group=g');
  });

  it('respects from and until', () => {
    const r = run(`name: t
start: 2026-03-02T00:00:00Z
account:
  users: { bob: {} }
schedule:
  - every: daily 12:00
    do: { TagUser: { user: bob, tags: { seen: "yes" } } }
    from: 2026-03-04T00:00:00Z
    until: 2026-03-05T23:00:00Z
steps:
  - advance: 7d
`);
    expect(r.events.filter((e) => e.type === 'scheduled').map((e) => e.time)).toEqual(['2026-03-04T12:00:00Z', '2026-03-05T12:00:00Z']);
  });
});

describe('import', () => {
  it('is refused with a positioned error when there is no file to resolve it against', () => {
    const r = loadScenario(`${header}import: saved.json\nsteps: []\n`, 'inline.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ line: 3, code: 'import-unavailable' });
  });

  it('loads a saved account relative to the scenario, and reports a bad one at the import line', () => {
    const contractor = loadScenarioFile('scenarios/contractor.yaml');
    if (!contractor.ok) return expect.fail('contractor does not load');
    const dir = mkdtempSync(join(tmpdir(), 'iamsim-import-'));
    writeFileSync(join(dir, 'account.json'), saveAccount(contractor.value.account));
    writeFileSync(join(dir, 'bad.json'), '{"formatVersion": 2}');
    writeFileSync(join(dir, 'ok.yaml'), `${header}import: account.json
steps:
  - AddUserToGroup: { user: priya, group: acme-contractors }
  - request: { as: priya, action: s3:PutObject, resource: "arn:aws:s3:::partner-drop/acme/x", from: 203.0.113.9 }
    expect: Allow
`);
    writeFileSync(join(dir, 'bad.yaml'), `${header}import: bad.json\nsteps: []\n`);
    const ok = loadScenarioFile(join(dir, 'ok.yaml'), { parseAccount: accountParser });
    if (!ok.ok) return expect.fail(ok.error.map(formatInputError).join('\n'));
    expect(replay(ok.value).summary).toMatchObject({ ok: true, expectations: 2 });
    const bad = loadScenarioFile(join(dir, 'bad.yaml'), { parseAccount: accountParser });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error[0]).toMatchObject({ line: 3, col: 9, code: 'format-version' });
  });
});

describe('requests made by an application on an EC2 instance (as: INSTANCE, app: NAME)', () => {
  const account = `account:
  id: "111122223333"
  users:
    svc:
      keys: 1
      inline:
        Everything: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }] }
  roles:
    app-role:
      trust: { service: ec2.amazonaws.com }
      inline:
        ReadInput: { Version: "2012-10-17", Statement: [{ Sid: Read, Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::in/*" }] }
  instanceProfiles:
    app-profile: { role: app-role }
  instances:
    i-0123456789abcdef0: { profile: app-profile, apps: { job: { key: svc }, worker: instance-role } }
`;

  it('call with the credential each application is configured with: a user\'s key or the instance role', () => {
    const r = run(`${header}${account}steps:
  - request: { as: i-0123456789abcdef0, app: job, action: s3:DeleteObject, resource: "arn:aws:s3:::in/x" }
    expect: Allow
    policy: Everything
  - request: { as: i-0123456789abcdef0, app: worker, action: s3:DeleteObject, resource: "arn:aws:s3:::in/x" }
    expect: ImplicitDeny
  - request: { as: i-0123456789abcdef0, app: worker, action: s3:GetObject, resource: "arn:aws:s3:::in/x" }
    expect: Allow
    policy: ReadInput
    sid: Read
  - SetApplicationCredential: { InstanceId: i-0123456789abcdef0, ApplicationName: job }
  - request: { as: i-0123456789abcdef0, app: job, action: s3:DeleteObject, resource: "arn:aws:s3:::in/x" }
    expect: ImplicitDeny
  - activity: { as: i-0123456789abcdef0, app: worker, count: 5, over: 1h, requests: [{ action: s3:GetObject, resource: "arn:aws:s3:::in/y" }] }
    expect: { allowed: 5, denied: 0 }
`);
    const s = steps(r);
    expect(s.map((e) => e.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(s[0]!.title).toBe('job on i-0123456789abcdef0 s3:DeleteObject arn:aws:s3:::in/x from 192.0.2.10');
    expect(s[5]!.title).toBe('worker on i-0123456789abcdef0 makes 5 requests over 1h');
    // The log shows who really called: the user's key, then the role session of the instance.
    const log = r.account.activity.toArray();
    expect(log[0]!.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'svc' });
    expect(log.at(-1)!.userIdentity).toMatchObject({ type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/app-role/i-0123456789abcdef0' });
  });

  it('instances launched and applications configured by earlier steps can be named', () => {
    const r = run(`${header}${account}steps:
  - RunInstances: { InstanceId: i-00000000000000001, IamInstanceProfile: app-profile, Applications: [{ Name: batch }] }
  - SetApplicationCredential: { InstanceId: i-00000000000000001, ApplicationName: nightly }
  - request: { as: i-00000000000000001, app: batch, action: s3:GetObject, resource: "arn:aws:s3:::in/x" }
    expect: Allow
  - request: { as: i-00000000000000001, app: nightly, action: s3:GetObject, resource: "arn:aws:s3:::in/x" }
    expect: Allow
`);
    expect(steps(r).map((e) => e.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('an unknown instance or application, or a credential chosen with `with`, is a load error at its line', () => {
    const r = loadScenario(`${header}${account}steps:
  - request: { as: i-0123456789abcdef1, app: job, action: s3:GetObject }
  - request: { as: i-0123456789abcdef0, app: jbo, action: s3:GetObject }
  - activity: { as: i-0123456789abcdef0, app: job, with: key, count: 1, over: 1h, requests: [{ action: s3:GetObject }] }
`, 'apps.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.code, e.line, e.message, e.hint])).toEqual([
      ['unknown-instance', 20, "unknown instance 'i-0123456789abcdef1'", "did you mean 'i-0123456789abcdef0'?"],
      ['unknown-application', 21, "unknown application on i-0123456789abcdef0 'jbo'", "did you mean 'job'?"],
      ['app-with-credential', 22, "an application calls with the credential it is configured with; 'with' cannot choose another for 'job'", "remove with:, or change the application's credential first with a SetApplicationCredential step"],
    ]);
  });

  it('an application credential that is neither instance-role nor { key: USER } says which two forms there are', () => {
    const r = loadScenario(`${header}account:
  instances:
    i-0123456789abcdef0: { apps: { worker: role } }
steps: []
`, 'apps.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.code, e.line, e.message])).toEqual([
      ['wrong-value', 5, "account.instances.i-0123456789abcdef0.apps.worker should be instance-role or { key: USER }, not 'role'"],
    ]);
    expect(r.error[0]!.hint).toMatch(/instance profile's role/);
  });
});
