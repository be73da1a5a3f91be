/** Renders `iamsim review` as JSON: summaries with the console's access-level text, and the review findings. */
import type { CheckRun } from '../../checks/finding.js';
import { accessLevelText, type PrincipalSummary } from '../../checks/universe/access-summary.js';

/** The JSON document `iamsim review --format json` prints. */
export function reviewToJson(summaries: readonly PrincipalSummary[], run: CheckRun, meta: { readonly file: string; readonly now: string }): Record<string, unknown> {
  return {
    file: meta.file,
    now: meta.now,
    principals: summaries.map((p) => ({
      kind: p.kind,
      name: p.name,
      arn: p.arn,
      permissionsManagementCount: p.permissionsManagementCount,
      services: p.services.map((s) => ({ ...s, accessLevel: accessLevelText(s.levels), resource: s.allResources ? 'All resources' : s.resources })),
    })),
    findings: run.findings,
    errors: run.errors,
  };
}
