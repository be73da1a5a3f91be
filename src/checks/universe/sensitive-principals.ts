/**
 * Which principals are sensitive (contractors, partners, regulated data) and what their tags say about contract
 * end, IP allowlist and workday schedule. Practice 12's checks share this.
 *
 * The schedule: IAM cannot express recurring windows (aws-iam-semantics.md §5), so iamsim records a principal's
 * workday schedule as the tag `iamsim:schedule` (e.g. `Mon-Fri 09:00-17:30 Europe/London`), meaning "something
 * outside IAM (a scheduler job, or the scenario's `schedule` steps) grants and revokes this access on that schedule".
 */
import type { Account, Instant, Tags } from '../../model/types.js';
import { isCidr } from './ip-match.js';
import type { PrincipalKey } from './principal-policies.js';

/** A tag that marks a principal sensitive: any value, or one of `values` (compared case-insensitively). */
export interface SensitiveTag {
  readonly key: string;
  readonly values?: readonly string[];
}

/** The default markers: contractors and partners, regulated data, and anyone with a contract end. */
export const DEFAULT_SENSITIVE_TAGS: readonly SensitiveTag[] = [
  { key: 'employment', values: ['contractor', 'partner', 'vendor'] },
  { key: 'partner' },
  { key: 'data-classification', values: ['regulated', 'restricted', 'pci', 'phi'] },
  { key: 'sensitive', values: ['true', 'yes'] },
  { key: 'contract-end' },
];

/** The tag that records a workday schedule (see the module comment). */
export const SCHEDULE_TAG = 'iamsim:schedule';

/** A sensitive user or role and why. */
export interface SensitivePrincipal {
  readonly key: PrincipalKey;
  readonly arn: string;
  readonly tags: Tags;
  /** The matching tags, as `key=value`. */
  readonly reasons: readonly string[];
}

/** The tags that match, as `key=value`; empty when the principal is not sensitive. */
export function sensitiveReasons(tags: Tags, markers: readonly SensitiveTag[]): readonly string[] {
  const out: string[] = [];
  const lower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), { k, v }] as const));
  for (const m of markers) {
    const hit = lower.get(m.key.toLowerCase());
    if (hit === undefined) continue;
    if (m.values === undefined || m.values.some((v) => v.toLowerCase() === hit.v.toLowerCase())) out.push(`${hit.k}=${hit.v}`);
  }
  return out;
}

/** Every sensitive user and role, users first, each sorted by name. */
export function sensitivePrincipals(account: Account, markers: readonly SensitiveTag[]): readonly SensitivePrincipal[] {
  const out: SensitivePrincipal[] = [];
  // Stryker disable next-line EqualityOperator: user names are unique, so < and <= order them alike
  for (const u of Object.values(account.users).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const reasons = sensitiveReasons(u.tags, markers);
    if (reasons.length) out.push({ key: { kind: 'user', name: u.name }, arn: u.arn, tags: u.tags, reasons });
  }
  // Stryker disable next-line EqualityOperator: role names are unique, so < and <= order them alike
  for (const r of Object.values(account.roles).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const reasons = sensitiveReasons(r.tags, markers);
    if (reasons.length) out.push({ key: { kind: 'role', name: r.name }, arn: r.arn, tags: r.tags, reasons });
  }
  return out;
}

/** A tag's value, key compared case-insensitively. */
export function tagValue(tags: Tags, key: string): string | undefined {
  const k = key.toLowerCase();
  for (const [tk, v] of Object.entries(tags)) if (tk.toLowerCase() === k) return v;
  return undefined;
}

/**
 * The instant access must end, from a contract-end tag: a date `YYYY-MM-DD` means the contract runs through that
 * day (UTC), so access ends at the next midnight; a full ISO instant is taken as is. Null when it does not parse.
 */
export function contractEndInstant(value: string): Instant | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const start = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC rolls 2026-02-30 over into March and reads years 0-99 as 19xx: a day that does not exist is not a
    // date. A day out of range (00, 32, 99) always lands in another month, so year and month are enough to check.
    if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1) return null;
    return new Date(start.getTime() + 86_400_000).toISOString().replace('.000Z', 'Z');
  }
  // Stryker disable next-line Regex: the anchors only reject early; Date.parse gives NaN for any text around the instant
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The CIDRs of an allowlist tag value: separated by commas or whitespace; unparseable entries are dropped. */
export function cidrList(value: string | undefined): readonly string[] {
  if (value === undefined) return [];
  // Stryker disable next-line Regex: splitting on single separators only adds empty entries, which isCidr drops
  return value.split(/[\s,]+/).filter((c) => isCidr(c));
}
