/** Renders a check run as one JSON document, stable for tools: findings, errors, checks not evaluated and a summary. */
import type { CheckRun } from '../../checks/finding.js';
import type { Severity } from '../../checks/types.js';
import { countBySeverity, sortFindings } from './findings-text.js';

/** The JSON shape `iamsim audit --format json` prints. */
export function findingsToJson(run: CheckRun, meta: { readonly file: string; readonly now: string; readonly failOn: Severity; readonly failing: number }): Record<string, unknown> {
  return {
    file: meta.file,
    now: meta.now,
    checks: run.ran,
    findings: sortFindings(run.findings),
    errors: run.errors,
    notEvaluated: run.notEvaluated,
    summary: {
      total: run.findings.length,
      suppressed: run.findings.filter((f) => f.suppressed !== undefined).length,
      bySeverity: countBySeverity(run.findings),
      failOn: meta.failOn,
      failing: meta.failing,
    },
  };
}
