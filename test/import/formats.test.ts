/** Every input format and its variants: dates, encodings, pages, column order, the three CloudTrail shapes, gzip. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAwsDate } from '../../src/import/dates.js';
import { importAwsExport } from '../../src/import/import-directory.js';
import { JsonArrayScanner } from '../../src/import/json-array-scanner.js';
import { decodePolicyDocument } from '../../src/import/policy-document.js';
import { authzWithUsers, exportDir, mustImport } from './helpers.js';

const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT_ROW = '<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ANA_ROW = 'ana,arn:aws:iam::111122223333:user/ana,2024-01-01T00:00:00+00:00,true,2024-05-02T08:00:00+00:00,2024-01-02T00:00:00+00:00,N/A,true,true,2024-01-03T00:00:00+00:00,2024-05-03T00:00:00+00:00,eu-west-1,s3,false,2024-01-04T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A';

const event = (id: string, time: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.08', eventID: id, eventTime: time, eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', eventType: 'AwsApiCall', awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.7', userAgent: 'aws-cli/2', recipientAccountId: '111122223333',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAANA', arn: 'arn:aws:iam::111122223333:user/ana', accountId: '111122223333', userName: 'ana', accessKeyId: 'AKIAEXAMPLE' },
  tlsDetails: { tlsVersion: 'TLSv1.3' }, ...extra,
});

describe('dates and policy documents', () => {
  it('reads the three AWS date forms and fractions; rejects non-dates', () => {
    expect(parseAwsDate('2019-12-18 19:10:08+00:00')).toBe('2019-12-18T19:10:08Z');
    expect(parseAwsDate('2019-12-18T19:10:08+00:00')).toBe('2019-12-18T19:10:08Z');
    expect(parseAwsDate('2019-12-18T19:10:08Z')).toBe('2019-12-18T19:10:08Z');
    expect(parseAwsDate('2019-12-18T21:10:08.123+02:00')).toBe('2019-12-18T19:10:08.123Z');
    expect(parseAwsDate('N/A')).toBeUndefined();
    expect(parseAwsDate('2019-13-45T00:00:00Z')).toBeUndefined();
  });

  it('decodes URL-encoded and plain policy documents', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a+b c' }] };
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(doc)))).toEqual({ ok: true, value: doc });
    expect(decodePolicyDocument(JSON.stringify(doc))).toEqual({ ok: true, value: doc });
    expect(decodePolicyDocument(doc)).toEqual({ ok: true, value: doc });
    expect(decodePolicyDocument('%7B%22Version')).toMatchObject({ ok: false });
  });
});

describe('authorization details', () => {
  it('merges pages (IsTruncated/Marker) and decodes URL-encoded documents', async () => {
    const page1 = { ...JSON.parse(authzWithUsers(['ana'])), IsTruncated: true, Marker: 'AAAA' };
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] };
    const page2 = {
      ...JSON.parse(authzWithUsers(['bo'])),
      IsTruncated: false,
      RoleDetailList: [{ Path: '/', RoleName: 'app', RoleId: 'AROAAPP', Arn: 'arn:aws:iam::111122223333:role/app', CreateDate: '2024-01-01 00:00:00+00:00', AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })), RolePolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify(doc)) }], AttachedManagedPolicies: [], Tags: [{ Key: 'team', Value: 'web' }], InstanceProfileList: [], RoleLastUsed: { LastUsedDate: '2024-05-01T00:00:00Z', Region: 'eu-west-1' }, PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, SomeFutureField: 1 }],
      Policies: [{ PolicyName: 'cp', PolicyId: 'ANPACP', Arn: 'arn:aws:iam::111122223333:policy/cp', Path: '/', DefaultVersionId: 'v2', CreateDate: '2024-01-01T00:00:00Z', PolicyVersionList: [{ Document: encodeURIComponent(JSON.stringify(doc)), VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-02-01T00:00:00Z' }, { Document: doc, VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-01-01T00:00:00Z' }] }],
    };
    const r = await mustImport(exportDir({ 'page-2.json': JSON.stringify(page2), 'page-1.json': JSON.stringify(page1) }));
    expect(Object.keys(r.account.users).sort()).toEqual(['ana', 'bo']);
    const role = r.account.roles['app']!;
    expect(role.trustPolicy).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
    expect(role.inlinePolicies['p']).toEqual(doc);
    expect(role.boundary).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(role.tags).toEqual({ team: 'web' });
    expect(r.account.policies['arn:aws:iam::111122223333:policy/cp']).toMatchObject({ defaultVersion: 'v2', versions: [{ id: 'v2', document: doc }, { id: 'v1', document: doc }] });
    expect(r.account.usage.roles.get('app')).toEqual({ date: '2024-05-01T00:00:00Z', region: 'eu-west-1' });
  });

  it('fails when every page says IsTruncated (the last page is missing)', async () => {
    const r = await importAwsExport(exportDir({ 'a.json': JSON.stringify({ ...JSON.parse(authzWithUsers(['ana'])), IsTruncated: true, Marker: 'XYZ' }) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'incomplete-pages', file: 'a.json' });
  });
});

describe('credential report', () => {
  it('reads columns by header name in any order, keeps unknown columns out, root row to account.root', async () => {
    const cols = HEADER.split(',');
    const order = [...cols].reverse().concat('some_future_column');
    const reorder = (row: string): string => {
      const v = row.split(',');
      return order.map((c) => (c === 'some_future_column' ? 'x' : v[cols.indexOf(c)])).join(',');
    };
    const csv = [order.join(','), reorder(ROOT_ROW), reorder(ANA_ROW)].join('\r\n');
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'report.csv': csv, 'vmfa.json': JSON.stringify({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/ana', User: { UserName: 'ana', Arn: 'arn:aws:iam::111122223333:user/ana' }, EnableDate: '2024-01-05T00:00:00Z' }] }) }));
    const a = r.account;
    expect(Object.keys(a.users)).toEqual(['ana']);
    expect(a.users['ana']!.mfa).toEqual([{ serial: 'arn:aws:iam::111122223333:mfa/ana', kind: 'virtual', enabled: '2024-01-05T00:00:00Z' }]);
    // Root has MFA and is not in the virtual list: a hardware device.
    expect(a.root.mfa.map((d) => d.kind)).toEqual(['hardware']);
    expect(a.users['ana']!.accessKeys.map((k) => k.status)).toEqual(['Active', 'Inactive']);
    expect(a.usage.accessKeys.get(a.users['ana']!.accessKeys[0]!.id)).toEqual({ date: '2024-05-03T00:00:00Z', region: 'eu-west-1', service: 's3' });
    expect(r.snapshot).toBe('2024-05-03T00:00:00Z');
  });

  it('reads get-credential-report JSON (base64 Content); GeneratedTime is the snapshot', async () => {
    const content = Buffer.from([HEADER, ROOT_ROW, ANA_ROW].join('\n')).toString('base64');
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'cr.json': JSON.stringify({ Content: content, ReportFormat: 'text/csv', GeneratedTime: '2024-05-10T12:00:00+00:00' }) }));
    expect(r.snapshot).toBe('2024-05-10T12:00:00Z');
    expect(r.snapshotSource).toBe('report-generated-time');
    expect(r.account.users['ana']!.loginProfile).not.toBeNull();
    // No virtual MFA list: the kind is unknown, taken as virtual, with a warning.
    expect(r.problems.some((p) => p.code === 'mfa-kind-unknown')).toBe(true);
  });

  it('a report without a required column is skipped with a clear error; the import goes on', async () => {
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'report.csv': 'user,password_enabled,mfa_active\nana,true,false\n' }));
    expect(r.missing).toContain('credential-report');
    const p = r.problems.find((x) => x.code === 'missing-column' || x.code === 'unrecognised');
    expect(p?.file).toBe('report.csv');
  });

  it('a row without an ARN names the file and line', async () => {
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'report.csv': [HEADER, ROOT_ROW, 'ana,,2024-01-01T00:00:00+00:00'].join('\n') }));
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'missing-field', path: 'report.csv:3', file: 'report.csv' }));
  });
});

describe('CloudTrail in three shapes', () => {
  it('streams {"Records"} (gzip), lookup-events and JSON lines; one copy per eventID; sorted by time', async () => {
    const records = JSON.stringify({ Records: [event('e3', '2024-05-03T00:00:00Z'), event('e1', '2024-05-01T00:00:00Z'), event('c1', '2024-05-01T01:00:00Z', { eventType: 'AwsConsoleAction' })] });
    const lookup = JSON.stringify({ Events: [{ EventId: 'e2', EventName: 'ListUsers', CloudTrailEvent: JSON.stringify(event('e2', '2024-05-02T00:00:00Z')) }, { EventId: 'e1', CloudTrailEvent: JSON.stringify(event('e1', '2024-05-01T00:00:00Z')) }] }, null, 2);
    const lines = [event('e4', '2024-05-04T00:00:00Z'), event('e5', '2024-05-05T00:00:00.250Z')].map((e) => JSON.stringify(e)).join('\n');
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), '111122223333_CloudTrail_us-east-1_x.json.gz': records, 'lookup.json': lookup, 'events.log': lines }));
    expect(r.account.activity.map((e) => e.eventID).toArray()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(r.events).toEqual({ imported: 5, duplicates: 1, skippedTypes: { AwsConsoleAction: 1 } });
    const e = r.account.activity.first()!;
    expect(e.userIdentity).toEqual({ type: 'IAMUser', principalId: 'AIDAANA', arn: 'arn:aws:iam::111122223333:user/ana', accountId: '111122223333', userName: 'ana', accessKeyId: 'AKIAEXAMPLE' });
    expect('tlsDetails' in e).toBe(false);
    expect(Object.isFrozen(e.userIdentity)).toBe(true);
    expect(r.account.importedFrom?.inputs).toContain('activity');
  });

  it('a truncated file keeps the complete events before the cut and says so', async () => {
    const full = JSON.stringify({ Records: [event('a', '2024-05-01T00:00:00Z'), event('b', '2024-05-02T00:00:00Z'), event('c', '2024-05-03T00:00:00Z')] });
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'ct.json': full.slice(0, full.length - 60) }));
    expect(r.account.activity.size).toBe(2);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'truncated', file: 'ct.json', severity: 'warning' }));
  });

  it('the scanner handles quotes, escapes and braces inside strings across any chunk boundary', () => {
    const doc = JSON.stringify({ Other: [{ x: 1 }], Records: [{ a: 'q"}]{[\\', b: { c: [1, { d: '\\"' }] } }, { e: 'é' }] });
    for (let size = 1; size <= 7; size++) {
      const s = new JsonArrayScanner(new Set(['Records']));
      const out: unknown[] = [];
      for (let i = 0; i < doc.length; i += size) out.push(...s.feed(doc.slice(i, i + size)).map((t) => JSON.parse(t)));
      expect(out).toEqual((JSON.parse(doc) as { Records: unknown[] }).Records);
      expect(s.end()).toEqual({ complete: true, foundArray: true, insideElement: false });
    }
  });
});

describe('the other inputs', () => {
  it('password policy, summary, Access Advisor, instances, trails and status', async () => {
    const authz = JSON.parse(authzWithUsers(['ana']));
    authz.RoleDetailList = [{ Path: '/', RoleName: 'web', RoleId: 'AROAWEB', Arn: 'arn:aws:iam::111122223333:role/web', CreateDate: '2024-01-01T00:00:00Z', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }, InstanceProfileList: [{ Path: '/', InstanceProfileName: 'web-profile', InstanceProfileId: 'AIPAWEB', Arn: 'arn:aws:iam::111122223333:instance-profile/web-profile', CreateDate: '2024-01-01T00:00:00Z', Roles: [{ RoleName: 'web' }] }], RolePolicyList: [], AttachedManagedPolicies: [], Tags: [] }];
    const r = await mustImport(exportDir({
      'authz.json': JSON.stringify(authz),
      'pp.json': JSON.stringify({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false } }),
      'summary.json': JSON.stringify({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 1 } }),
      'sla.json': JSON.stringify({ Arn: 'arn:aws:iam::111122223333:user/ana', JobStatus: 'COMPLETED', ServicesLastAccessed: [{ ServiceName: 'Amazon S3', ServiceNamespace: 's3', LastAuthenticated: '2024-04-01T00:00:00+00:00', LastAuthenticatedEntity: 'arn:aws:iam::111122223333:user/ana', LastAuthenticatedRegion: 'us-east-1', TotalAuthenticatedEntities: 1, TrackedActionsLastAccessed: [{ ActionName: 'GetObject', LastAccessedTime: '2024-04-01T00:00:00+00:00' }] }, { ServiceName: 'EC2', ServiceNamespace: 'ec2', TotalAuthenticatedEntities: 0 }] }),
      'sla-anon.json': JSON.stringify({ JobStatus: 'COMPLETED', ServicesLastAccessed: [] }),
      'ec2.json': JSON.stringify({ Reservations: [{ Instances: [{ InstanceId: 'i-1', LaunchTime: '2024-02-01T00:00:00.000Z', Placement: { AvailabilityZone: 'eu-west-1b' }, IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/web-profile' }, State: { Name: 'running' }, Tags: [{ Key: 'Name', Value: 'web' }] }, { InstanceId: 'i-2', State: { Name: 'terminated' } }] }] }),
      'trails.json': JSON.stringify({ trailList: [{ Name: 'main', S3BucketName: 'logs', IsMultiRegionTrail: true, HomeRegion: 'us-east-1', LogFileValidationEnabled: true }] }),
      'status.json': JSON.stringify({ Name: 'main', IsLogging: false }),
    }));
    const a = r.account;
    expect(a.passwordPolicy?.MinimumPasswordLength).toBe(14);
    expect(a.root.mfa).toHaveLength(1);
    expect(a.usage.services.get('arn:aws:iam::111122223333:user/ana')?.toObject()).toEqual({ s3: expect.objectContaining({ LastAuthenticated: '2024-04-01T00:00:00Z', TrackedActionsLastAccessed: { GetObject: '2024-04-01T00:00:00Z' } }) });
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'sla-anon.json', code: 'missing-field', path: '/Arn' }));
    expect(a.instances).toEqual({ 'i-1': { id: 'i-1', region: 'eu-west-1', launched: '2024-02-01T00:00:00Z', instanceProfile: 'web-profile', applications: [], tags: { Name: 'web' } } });
    expect(a.trails['main']).toEqual({ name: 'main', homeRegion: 'us-east-1', isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: false, s3BucketName: 'logs' });
    expect(a.importedFrom?.inputs).toEqual(['authorization-details', 'password-policy', 'account-summary', 'last-accessed', 'instances', 'trails', 'trail-status']);
  });
});

describe('odd input', () => {
  it('wrong files are reported and skipped; unknown fields tolerated; the input directory is untouched', async () => {
    const files = { 'authz.json': authzWithUsers(['ana'], { SomethingNew: { a: 1 } }), 'notes.txt': 'hello', 'package.json': '{"name":"x"}', 'empty.json': '' };
    const dir = exportDir(files);
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    const r = await mustImport(dir);
    expect(Object.keys(r.account.users)).toEqual(['ana']);
    expect(r.problems.filter((p) => p.code === 'unrecognised').map((p) => p.file).sort()).toEqual(['notes.txt', 'package.json']);
    expect(r.problems.find((p) => p.code === 'empty')?.file).toBe('empty.json');
    expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before);
  });

  it('truncated authorization details fail the import, naming the file', async () => {
    const text = authzWithUsers(['ana', 'bo']);
    const r = await importAwsExport(exportDir({ 'authz.json': text.slice(0, text.length / 2) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'broken-authorization-details', file: 'authz.json', severity: 'error' });
  });

  it('a missing required field is an error naming the file and the record', async () => {
    const bad = JSON.parse(authzWithUsers(['ana', 'bo']));
    delete bad.UserDetailList[1].Arn;
    const r = await importAwsExport(exportDir({ 'authz.json': JSON.stringify(bad) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([expect.objectContaining({ code: 'missing-field', file: 'authz.json', path: '/UserDetailList/1/Arn', message: 'user record 1 has no Arn' })]);
  });

  it('no authorization details at all: a clear error with the command that writes them', async () => {
    const r = await importAwsExport(exportDir({ 'report.csv': [HEADER, ROOT_ROW].join('\n') }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ code: 'missing-authorization-details', hint: expect.stringContaining('get-account-authorization-details') });
  });
});

describe('streaming path (files above the whole-file limit)', () => {
  it('reads Records (gzip) and lookup-events incrementally with the same result', async () => {
    const { ActivityCollector, readCloudTrailFile } = await import('../../src/import/cloudtrail.js');
    const records = JSON.stringify({ Records: [event('s1', '2024-05-01T00:00:00Z'), event('s2', '2024-05-02T00:00:00Z')] }, null, 2);
    const lookup = JSON.stringify({ NextToken: 'x', Events: [{ EventId: 's3', CloudTrailEvent: JSON.stringify(event('s3', '2024-05-03T00:00:00Z')) }] });
    const dir = exportDir({ 'r.json.gz': records, 'l.json': lookup });
    const c = new ActivityCollector();
    expect(await readCloudTrailFile(join(dir, 'r.json.gz'), 'r.json.gz', 'records', true, c, 0)).toBe(2);
    expect(await readCloudTrailFile(join(dir, 'l.json'), 'l.json', 'lookup-events', false, c, 0)).toBe(1);
    expect(c.finish().map((e) => e.eventID).toArray()).toEqual(['s1', 's2', 's3']);
    expect(c.problems).toEqual([]);
  });
});

describe('a saved NoSuchEntity error for the password policy', () => {
  it('means the account has none, and the input counts as present', async () => {
    const r = await mustImport(exportDir({ 'authz.json': authzWithUsers(['ana']), 'password-policy.txt': '\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name 111122223333 cannot be found.\n' }));
    expect(r.account.passwordPolicy).toBeNull();
    expect(r.files).toContainEqual({ file: 'password-policy.txt', kind: 'password-policy', summary: 'none (IAM said NoSuchEntity)' });
    expect(r.missing).not.toContain('password-policy');
  });
});
