/**
 * Access levels of actions (List, Read, Write, Permissions management, Tagging), wildcards included, from the
 * action catalog (see action-catalog.ts for where the data comes from and how it is indexed).
 */
import { ACCESS_LEVELS, catalogAction, expandActions, type AccessLevel } from './action-catalog.js';

export { ACCESS_LEVELS, allActions, allServices, expandActions, serviceActions, serviceName, serviceOf } from './action-catalog.js';
export type { AccessLevel, CatalogAction } from './action-catalog.js';

/** The access level of one exact action (case-insensitive, e.g. `iam:AttachUserPolicy` → Permissions management); undefined when unknown. */
export function accessLevel(action: string): AccessLevel | undefined {
  return catalogAction(action)?.level;
}

/** How many actions of each access level a pattern covers (`s3:*`, `iam:*AccessKey*`); levels with none are 0. */
export function accessLevelCounts(pattern: string): Readonly<Record<AccessLevel, number>> {
  const counts: Record<AccessLevel, number> = { List: 0, Read: 0, Write: 0, 'Permissions management': 0, Tagging: 0 };
  for (const a of expandActions(pattern)) {
    const level = catalogAction(a)?.level;
    if (level !== undefined) counts[level]++;
  }
  return counts;
}

/** The distinct access levels a pattern covers, in console order (`s3:Get*` → Read, and whatever else matches). */
export function accessLevelsOf(pattern: string): readonly AccessLevel[] {
  const counts = accessLevelCounts(pattern);
  return ACCESS_LEVELS.filter((l) => counts[l] > 0);
}
