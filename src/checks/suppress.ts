/** Matching findings against suppressions: by check id and an ARN glob or a tag on the user or role the finding is about. */
import type { Account } from '../model/types.js';
import { arnMatches } from './arn-glob.js';
import { suppressionActive, type Suppression } from './config.js';
import type { Finding, Suppressed } from './finding.js';

/** Tags of the user or role a resource ARN belongs to (an access key's ARN extends its user's). */
export function tagsFor(account: Account, arn: string): Readonly<Record<string, string>> {
  const m = /^arn:aws:iam::\d{12}:(user|role)\/(.+)$/.exec(arn);
  if (!m || m[2] === undefined) return {};
  const table = m[1] === 'user' ? account.users : account.roles;
  for (const e of Object.values(table)) {
    if (arn === e.arn || arn.startsWith(`${e.arn}/`)) return e.tags;
  }
  return {};
}

function tagMatches(spec: string, tags: Readonly<Record<string, string>>): boolean {
  const eq = spec.indexOf('=');
  if (eq < 0) return Object.hasOwn(tags, spec);
  const key = spec.slice(0, eq);
  return Object.hasOwn(tags, key) && tags[key] === spec.slice(eq + 1);
}

/** The first active suppression that matches the finding, described for the report; undefined when none does. */
export function matchSuppression(
  finding: Finding,
  suppressions: readonly Suppression[],
  account: Account,
  now: string,
): Suppressed | undefined {
  for (const [i, s] of suppressions.entries()) {
    if (s.check !== '*' && s.check !== finding.checkId) continue;
    if (!suppressionActive(s, now)) continue;
    if (s.resource !== undefined && !arnMatches(s.resource, finding.resource.arn)) continue;
    if (s.tag !== undefined && !tagMatches(s.tag, tagsFor(account, finding.resource.arn))) continue;
    const what = [s.resource !== undefined ? `resource ${s.resource}` : '', s.tag !== undefined ? `tag ${s.tag}` : ''].filter(Boolean).join(', ');
    return { reason: s.reason, by: `suppressions[${i}] (check ${s.check}, ${what})`, ...(s.expires !== undefined ? { expires: s.expires } : {}) };
  }
  return undefined;
}
