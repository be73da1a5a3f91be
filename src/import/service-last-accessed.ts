/**
 * `aws iam get-service-last-accessed-details` output, one file per principal. The API output does not name the
 * principal, so the file carries its ARN in a top-level `Arn` field (`iamsim collect` adds it with jq). Services never
 * accessed have no LastAuthenticated and are left out, as the model's Access Advisor map holds used services only.
 */
import type { Instant, ServiceLastAccessed } from '../model/types.js';
import { parseAwsDate } from './dates.js';
import { asArray, asRecord, importError } from './problems.js';
import type { ImportProblem } from './types.js';

/** True when parsed JSON is get-service-last-accessed-details output. */
export const isServiceLastAccessed = (o: Readonly<Record<string, unknown>>): boolean => Array.isArray(o['ServicesLastAccessed']);

/** Reads one principal's records, keyed by service namespace. */
export function readServiceLastAccessed(
  o: Readonly<Record<string, unknown>>,
  file: string,
): { readonly arn: string | null; readonly services: Record<string, ServiceLastAccessed>; readonly newest: Instant | undefined; readonly problems: readonly ImportProblem[] } {
  const arn = typeof o['Arn'] === 'string' ? o['Arn'] : typeof o['PrincipalArn'] === 'string' ? o['PrincipalArn'] : null;
  if (arn === null) {
    return {
      arn: null, services: {}, newest: undefined,
      problems: [importError(file, '/Arn', 'missing-field', 'service-last-accessed details do not say whose they are', "add the principal's ARN as a top-level \"Arn\" field, as `iamsim collect` does: … | jq --arg arn ARN '. + {Arn: $arn}'")],
    };
  }
  if (o['JobStatus'] !== undefined && o['JobStatus'] !== 'COMPLETED') {
    return { arn, services: {}, newest: undefined, problems: [importError(file, '/JobStatus', 'job-not-complete', `the Access Advisor job for ${arn} is ${String(o['JobStatus'])}`, 'wait until get-service-last-accessed-details reports COMPLETED, then save it again')] };
  }
  const services: Record<string, ServiceLastAccessed> = {};
  let newest: Instant | undefined;
  for (const item of asArray(o['ServicesLastAccessed'])) {
    const s = asRecord(item);
    const ns = s?.['ServiceNamespace'];
    const when = parseAwsDate(s?.['LastAuthenticated']);
    if (s === undefined || typeof ns !== 'string' || when === undefined) continue;
    if (newest === undefined || when > newest) newest = when;
    const tracked: Record<string, Instant> = {};
    for (const a of asArray(s['TrackedActionsLastAccessed'])) {
      const r = asRecord(a);
      const t = parseAwsDate(r?.['LastAccessedTime']);
      if (r !== undefined && typeof r['ActionName'] === 'string' && t !== undefined) tracked[r['ActionName']] = t;
    }
    services[ns] = {
      ServiceNamespace: ns,
      LastAuthenticated: when,
      LastAuthenticatedEntity: typeof s['LastAuthenticatedEntity'] === 'string' ? s['LastAuthenticatedEntity'] : arn,
      LastAuthenticatedRegion: typeof s['LastAuthenticatedRegion'] === 'string' ? s['LastAuthenticatedRegion'] : '',
      TotalAuthenticatedEntities: typeof s['TotalAuthenticatedEntities'] === 'number' ? s['TotalAuthenticatedEntities'] : 1,
      ...(Object.keys(tracked).length > 0 ? { TrackedActionsLastAccessed: tracked } : {}),
    };
  }
  return { arn, services, newest, problems: [] };
}
