/**
 * `aws cloudtrail describe-trails` (`{"trailList": […]}`) and `get-trail-status` (one file per trail; the output does not
 * name the trail, so the file carries `Name` or `TrailARN`, as `iamsim collect` adds with jq; a lone status file with a
 * lone trail needs no name).
 */
import type { Trail } from '../model/types.js';
import { asArray, asRecord, importWarning, pointer } from './problems.js';
import type { ImportProblem } from './types.js';

/** True when parsed JSON is describe-trails output. */
export const isDescribeTrails = (o: Readonly<Record<string, unknown>>): boolean => Array.isArray(o['trailList']);

/** True when parsed JSON is get-trail-status output. */
export const isTrailStatus = (o: Readonly<Record<string, unknown>>): boolean => typeof o['IsLogging'] === 'boolean';

/** A status record: the trail it names (if any) and whether it logs. */
export interface TrailStatus {
  readonly file: string;
  readonly name: string | null;
  readonly isLogging: boolean;
}

/** Reads a status file. A trail ARN is reduced to its name. */
export function readTrailStatus(o: Readonly<Record<string, unknown>>, file: string): TrailStatus {
  const id = typeof o['Name'] === 'string' ? o['Name'] : typeof o['TrailARN'] === 'string' ? o['TrailARN'] : null;
  return { file, name: id === null ? null : (id.split('/').pop() ?? id), isLogging: o['IsLogging'] === true };
}

/** Reads trails; isLogging comes from the status files, and a trail without one is assumed logging (with a warning). */
export function readTrails(o: Readonly<Record<string, unknown>>, file: string, statuses: readonly TrailStatus[]): { readonly trails: Record<string, Trail>; readonly problems: readonly ImportProblem[] } {
  const trails: Record<string, Trail> = {};
  const problems: ImportProblem[] = [];
  const list = asArray(o['trailList']);
  list.forEach((item, i) => {
    const t = asRecord(item);
    if (t === undefined || typeof t['Name'] !== 'string') return void problems.push(importWarning(file, `${pointer('trailList', i)}/Name`, 'missing-field', 'a trail has no Name; skipped'));
    const name = t['Name'];
    const status = statuses.find((s) => s.name === name) ?? (list.length === 1 && statuses.length === 1 && statuses[0]?.name === null ? statuses[0] : undefined);
    if (status === undefined) problems.push(importWarning(file, pointer('trailList', i), 'no-trail-status', `trail ${name} has no get-trail-status file; assumed logging`, `add \`aws cloudtrail get-trail-status --name ${name}\` output with a "Name" field`));
    const home = typeof t['HomeRegion'] === 'string' ? t['HomeRegion'] : typeof t['TrailARN'] === 'string' ? (t['TrailARN'].split(':')[3] ?? 'us-east-1') : 'us-east-1';
    trails[name] = {
      name,
      homeRegion: home,
      isMultiRegionTrail: t['IsMultiRegionTrail'] === true,
      logFileValidationEnabled: t['LogFileValidationEnabled'] === true,
      isLogging: status?.isLogging ?? true,
      s3BucketName: typeof t['S3BucketName'] === 'string' ? t['S3BucketName'] : '',
    };
  });
  return { trails, problems };
}
