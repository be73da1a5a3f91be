/** Renders `iamsim review` as text: per principal, the IAM console's policy-summary table, then the review findings. */
import type { CheckRun } from '../../checks/finding.js';
import { accessLevelText, type PrincipalSummary, type ServiceSummary } from '../../checks/universe/access-summary.js';
import { renderFindingsText } from './findings-text.js';

const resourceText = (s: ServiceSummary): string => (s.allResources ? 'All resources' : s.resources.length <= 2 ? s.resources.join(', ') || 'None named' : `${s.resources.slice(0, 2).join(', ')} and ${s.resources.length - 2} more`);
const conditionText = (s: ServiceSummary): string => (s.conditions.length === 0 ? 'None' : s.conditions.join(', '));

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** The summary of one principal, as lines. */
export function renderPrincipalSummary(p: PrincipalSummary): string[] {
  const head = `${p.kind} ${p.name}  (${p.arn})`;
  if (p.services.length === 0) return [head, '  no permissions', ''];
  const rows = [['Service', 'Access level', 'Resource', 'Request condition'], ...p.services.map((s) => [s.name, accessLevelText(s.levels), resourceText(s), conditionText(s)])];
  const lines = [head, ...table(rows).map((l) => `  ${l}`)];
  if (p.permissionsManagementCount > 0) lines.push(`  Permissions management: ${p.permissionsManagementCount} action(s) in ${p.services.filter((s) => s.permissionsManagement.length > 0).map((s) => s.service).join(', ')}`);
  lines.push('');
  return lines;
}

/** The whole review: every summary, then the findings of the review checks. */
export function renderReviewText(summaries: readonly PrincipalSummary[], run: CheckRun, o: { readonly color: boolean }): string {
  const lines = summaries.flatMap(renderPrincipalSummary);
  return `${lines.join('\n')}\n${renderFindingsText(run, { color: o.color })}`;
}
