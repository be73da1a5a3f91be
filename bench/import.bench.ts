/**
 * Import of a large CloudTrail directory: 1,000,000 events (100,000 with --quick) in S3-delivery files of 10,000
 * events (`{"Records": […]}`, every tenth gzipped as S3 delivers them), generated into a temp directory at bench time
 * with the required authorization details beside them. Reports events per second and peak heap and RSS while the
 * importer streams them into the account, against a baseline of plain JSON.parse of the same files, one whole file
 * at a time (the least any importer must do).
 */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { importAwsExport } from '../src/import/import-directory.js';
import type { BenchContext } from './harness.js';
import { measure } from './harness.js';

const PER_FILE = 10_000;
const ACCOUNT = '123456789012';
const USERS = 200;
const ACTIONS = [['s3.amazonaws.com', 'GetObject'], ['s3.amazonaws.com', 'ListBuckets'], ['ec2.amazonaws.com', 'DescribeInstances'], ['iam.amazonaws.com', 'ListUsers'], ['sts.amazonaws.com', 'GetCallerIdentity'], ['dynamodb.amazonaws.com', 'Query']] as const;

/** One CloudTrail record, shaped like S3-delivered ones (with fields iamsim ignores). */
function record(i: number, start: number): string {
  const u = i % USERS;
  const [source, name] = ACTIONS[i % ACTIONS.length]!;
  const t = new Date(start + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return JSON.stringify({
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: `AIDAEXAMPLE${String(u).padStart(9, '0')}`, arn: `arn:aws:iam::${ACCOUNT}:user/user${u}`, accountId: ACCOUNT, accessKeyId: `AKIAEXAMPLE${String(u).padStart(9, '0')}`, userName: `user${u}` },
    eventTime: t, eventSource: source, eventName: name, awsRegion: 'us-east-1', sourceIPAddress: `198.51.100.${u % 250}`,
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64', requestParameters: name === 'GetObject' ? { bucketName: 'data', key: `k/${i}` } : null, responseElements: null,
    requestID: `REQ${i}`, eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, readOnly: true, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: ACCOUNT, eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source.split('.')[0]}.us-east-1.amazonaws.com` },
  });
}

/** Writes the directory: authorization details plus `events / PER_FILE` CloudTrail files. Returns its path and size. */
async function generate(events: number): Promise<{ dir: string; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'iamsim-bench-import-'));
  writeFileSync(join(dir, 'authorization-details.json'), JSON.stringify({
    UserDetailList: Array.from({ length: USERS }, (_, u) => ({ Path: '/', UserName: `user${u}`, UserId: `AIDAEXAMPLE${String(u).padStart(9, '0')}`, Arn: `arn:aws:iam::${ACCOUNT}:user/user${u}`, CreateDate: '2024-01-01T00:00:00Z', GroupList: [], UserPolicyList: [], AttachedManagedPolicies: [], Tags: [] })),
    GroupDetailList: [], RoleDetailList: [], Policies: [],
  }));
  const start = Date.parse('2026-01-01T00:00:00Z');
  let bytes = 0;
  for (let f = 0; f * PER_FILE < events; f++) {
    const parts: string[] = [];
    for (let i = f * PER_FILE; i < Math.min(events, (f + 1) * PER_FILE); i++) parts.push(record(i, start));
    const text = `{"Records":[${parts.join(',')}]}`;
    bytes += text.length;
    const name = `${ACCOUNT}_CloudTrail_us-east-1_${String(f).padStart(5, '0')}.json${f % 10 === 9 ? '.gz' : ''}`;
    await new Promise<void>((resolve, reject) => {
      const w = createWriteStream(join(dir, name));
      w.on('error', reject);
      w.end(f % 10 === 9 ? gzipSync(text) : text, () => resolve());
    });
  }
  return { dir, bytes };
}

/** Runs the import benchmark. */
export default async function bench(ctx: BenchContext): Promise<void> {
  const events = ctx.quick ? 100_000 : 1_000_000;
  const label = events.toLocaleString('en-US');
  const { dir, bytes } = await generate(events);
  try {
    const base = await measure(() => {
      let n = 0;
      for (const f of readdirSync(dir).filter((x) => x.includes('CloudTrail')).sort()) {
        const raw = readFileSync(join(dir, f));
        n += (JSON.parse((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as { Records: unknown[] }).Records.length;
      }
      return n;
    });
    if (base.result !== events) throw new Error(`baseline read ${base.result} events, expected ${events}`);
    const run = await measure(() => importAwsExport(dir));
    if (!run.result.ok) throw new Error(`import failed: ${run.result.error.map((e) => e.message).join('; ')}`);
    const imported = run.result.value.account.activity.size;
    if (imported !== events) throw new Error(`imported ${imported} events, expected ${events}`);
    const eps = (events * 1000) / run.ms;
    const baseEps = (events * 1000) / base.ms;
    ctx.report({ suite: 'import', name: `JSON.parse baseline, ${label} events (${Math.round(bytes / 2 ** 20)} MB)`, value: baseEps, unit: 'events/s' });
    ctx.report({ suite: 'import', name: `streamed CloudTrail import, ${label} events`, value: eps, unit: 'events/s', baseline: 'JSON.parse baseline', ratio: eps / baseEps, target: '>= 0.25x JSON.parse', met: eps / baseEps >= 0.25 });
    ctx.report({ suite: 'import', name: `peak heap while importing ${label} events`, value: run.peakHeapMB, unit: 'MB' });
    ctx.report({ suite: 'import', name: `peak RSS while importing ${label} events`, value: run.peakRssMB, unit: 'MB' });
    ctx.report({ suite: 'import', name: `heap per imported event (${label} events held in the account)`, value: (run.peakHeapMB * 2 ** 20) / events, unit: 'bytes' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
