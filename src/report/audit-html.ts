/**
 * `iamsim audit … --format html`: the audit as one self-contained page. A summary by practice and severity, the
 * findings grouped by practice (each with its message, resource ARN, evidence, references, rationale and remediation,
 * suppressed findings marked, never hidden), checks not evaluated, and practice 7's access-level review as the IAM
 * console's policy-summary table per principal. Severity is told by word and colour. Pure: a string from the results.
 */
import type { CheckRun, Finding } from '../checks/finding.js';
import type { CheckMeta, Severity } from '../checks/types.js';
import { accessLevelText, type PrincipalSummary } from '../checks/universe/access-summary.js';
import { esc, page } from './html.js';
import { practiceTitle } from './practices.js';

/** What the audit page shows. */
export interface AuditHtmlInput {
  readonly run: CheckRun;
  /** The audited file, as given. */
  readonly file: string;
  readonly now: string;
  readonly failOn: Severity;
  /** Every known check's metadata. */
  readonly checks: readonly CheckMeta[];
  /** The access-level review (practice 7), one summary per user and role; empty to leave the section out. */
  readonly review: readonly PrincipalSummary[];
}

const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Audit page CSS (screen and print). */
export const AUDIT_CSS = `
:root{--crit:#7a0916;--high:#b42318;--med:#9a6700;--low:#59636e;--line:#d0d7de;--muted:#59636e}
*{box-sizing:border-box}
body{margin:0;padding:16px 28px 48px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid var(--line)}h3{font-size:16px;margin:18px 0 6px}
.muted{color:var(--muted)}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#aab}
.sev{display:inline-block;min-width:66px;font-size:11px;font-weight:700;text-transform:uppercase;border:1px solid currentColor;border-radius:8px;padding:0 6px;text-align:center}
.sev-critical{color:var(--crit)}.sev-high{color:var(--high)}.sev-medium{color:var(--med)}.sev-low{color:var(--low)}
.finding{border-left:4px solid var(--line);padding:6px 10px;margin:8px 0}
.finding.sv-critical,.finding.sv-high{border-left-color:var(--high)}.finding.sv-medium{border-left-color:var(--med)}
.finding.suppressed{opacity:.7;border-left-style:dashed}
.arn{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
details{margin:4px 0}summary{cursor:pointer;font-size:13px}
.check{margin:10px 0 14px}
.principal{break-inside:avoid}
.pm{font-weight:700;color:var(--high)}
nav a{margin-right:10px}
@media print{nav{display:none}details{display:block}details>summary{list-style:none}body{padding:0;font-size:10.5pt}.finding{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** Opens every <details> before printing, so the printed report holds the evidence and references. */
const AUDIT_JS = `window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});`;

const sevBadge = (s: Severity): string => `<span class="sev sev-${s}">${s}</span>`;

function findingHtml(f: Finding): string {
  const evidence = f.evidence?.length
    ? `<details><summary>Evidence (${f.evidence.length})</summary><ul>${f.evidence.map((e) => `<li>${e.eventTime ? `<code>${esc(e.eventTime)}</code> ` : ''}${e.eventID ? `event <code>${esc(e.eventID)}</code>: ` : ''}${esc(e.text)}</li>`).join('')}</ul></details>`
    : '';
  const fix = f.fix?.length ? `<div>Automatic fix: ${f.fix.map((c) => `<code>${esc(c.op)}</code> ${esc(JSON.stringify(c.input))}`).join('; ')}</div>` : '';
  const suggestions = f.suggestions?.length ? `<div>Suggested: <ul>${f.suggestions.map((s) => `<li>${esc(s.message)} (${s.fix.map((c) => esc(c.op)).join(', ')})</li>`).join('')}</ul></div>` : '';
  const sup = f.suppressed ? `<div><strong>Suppressed</strong>: ${esc(f.suppressed.reason)} <span class="muted">(${esc(f.suppressed.by)}${f.suppressed.expires ? `, expires ${esc(f.suppressed.expires)}` : ''})</span></div>` : '';
  return `<div class="finding sv-${f.severity}${f.suppressed ? ' suppressed' : ''}" data-check="${esc(f.checkId)}">${sevBadge(f.severity)} ${esc(f.message)}<div class="arn">${esc(f.resource.kind)} ${esc(f.resource.arn)}</div>${sup}${fix}${suggestions}${evidence}</div>`;
}

function checkSection(meta: CheckMeta | undefined, id: string, findings: readonly Finding[]): string {
  const remedy = meta ? { auto: 'automatic fix (iamsim audit --fix)', suggest: 'suggested fix for a person to apply', manual: 'fix by hand' }[meta.remediation] : '';
  const about = meta
    ? `<details><summary>Why, references and remediation</summary><p>${esc(meta.rationale)}</p><p>Remediation: ${esc(remedy)}</p><ul>${meta.references.map((r) => `<li>${/^https?:\/\//.test(r) ? `<a href="${esc(r)}" rel="noreferrer">${esc(r)}</a>` : esc(r)}</li>`).join('')}</ul></details>`
    : '';
  return `<div class="check" id="check-${esc(id)}"><h3>${esc(meta?.title ?? id)} <span class="muted">(${esc(id)}, ${findings.length} finding${findings.length === 1 ? '' : 's'})</span></h3>${about}${findings.map(findingHtml).join('')}</div>`;
}

function reviewHtml(review: readonly PrincipalSummary[]): string {
  const rows = review.map((p) => {
    const head = `<h3>${esc(p.kind)} ${esc(p.name)} ${p.permissionsManagementCount > 0 ? `<span class="pm">· Permissions management: ${p.permissionsManagementCount} action(s)</span>` : ''}</h3><div class="arn">${esc(p.arn)}</div>`;
    if (p.services.length === 0) return `<div class="principal">${head}<p class="muted">No permissions.</p></div>`;
    const body = p.services
      .map((s) => `<tr><td>${esc(s.name)}</td><td>${esc(accessLevelText(s.levels))}</td><td>${s.allResources ? 'All resources' : esc(s.resources.join(', ') || 'None named')}</td><td>${s.conditions.length ? esc(s.conditions.join(', ')) : 'None'}</td></tr>`)
      .join('');
    return `<div class="principal">${head}<table><thead><tr><th>Service</th><th>Access level</th><th>Resource</th><th>Request condition</th></tr></thead><tbody>${body}</tbody></table></div>`;
  });
  return rows.join('');
}

/** The audit page as a complete HTML document. */
export function renderAuditHtml(i: AuditHtmlInput): string {
  const { run } = i;
  const metaById = new Map(i.checks.map((m) => [m.id, m] as const));
  const practiceOf = (id: string): number => metaById.get(id)?.practice ?? 0;
  const practices = [...new Set([...run.ran.map(practiceOf), ...run.findings.map((f) => f.practice)])].sort((a, b) => a - b);
  const active = run.findings.filter((f) => f.suppressed === undefined);
  const count = (p: number, s: Severity): number => active.filter((f) => f.practice === p && f.severity === s).length;
  const summaryRows = practices
    .map((p) => {
      const cells = ORDER.map((s) => count(p, s));
      const sup = run.findings.filter((f) => f.practice === p && f.suppressed !== undefined).length;
      const total = cells.reduce((a, b) => a + b, 0);
      return `<tr><td><a href="#practice-${p}">${esc(practiceTitle(p))}</a></td>${cells.map((c) => `<td class="n${c === 0 ? ' zero' : ''}">${c}</td>`).join('')}<td class="n">${total}</td><td class="n${sup === 0 ? ' zero' : ''}">${sup}</td></tr>`;
    })
    .join('');
  const totals = ORDER.map((s) => active.filter((f) => f.severity === s).length);
  const summary = `<table id="summary"><thead><tr><th>Practice</th>${ORDER.map((s) => `<th>${sevBadge(s)}</th>`).join('')}<th>Total</th><th>Suppressed</th></tr></thead><tbody>${summaryRows}</tbody><tfoot><tr><th>All practices</th>${totals.map((c) => `<th class="n">${c}</th>`).join('')}<th class="n">${active.length}</th><th class="n">${run.findings.length - active.length}</th></tr></tfoot></table>`;
  const sections = practices
    .map((p) => {
      const ids = [...new Set([...run.ran.filter((id) => practiceOf(id) === p), ...run.findings.filter((f) => f.practice === p).map((f) => f.checkId)])];
      const withFindings = ids.filter((id) => run.findings.some((f) => f.checkId === id));
      const clean = ids.filter((id) => !withFindings.includes(id));
      return `<section class="practice" id="practice-${p}"><h2>${esc(practiceTitle(p))}</h2>${withFindings.map((id) => checkSection(metaById.get(id), id, run.findings.filter((f) => f.checkId === id))).join('')}${
        clean.length ? `<p class="muted">No findings: ${clean.map((id) => esc(metaById.get(id)?.title ?? id)).join('; ')}.</p>` : ''
      }</section>`;
    })
    .join('');
  const notEval = run.notEvaluated.length
    ? `<h2>Checks not evaluated</h2><ul>${run.notEvaluated.map((n) => `<li><strong>${esc(n.checkId)}</strong>: ${esc(n.reason)}, ${esc(n.detail)}</li>`).join('')}</ul>`
    : '';
  const errors = run.errors.length ? `<h2>Checks that failed</h2><ul>${run.errors.map((e) => `<li><strong>${esc(e.checkId)}</strong>: ${esc(e.message)}</li>`).join('')}</ul>` : '';
  const review = i.review.length
    ? `<section id="access-review"><h2>Access-level review (practice 7)</h2><p class="muted">For each user and role, what it may do by service and access level, as the IAM console's policy summary shows it (${i.review.length} principals).</p>${reviewHtml(i.review)}</section>`
    : '';
  const body = `<h1>iamsim audit: ${esc(i.file)}</h1><div class="muted">as of ${esc(i.now)} · ${run.ran.length} checks ran · ${active.length} open finding${active.length === 1 ? '' : 's'} · failing at ${esc(i.failOn)} or above</div><nav><a href="#summary">Summary</a>${i.review.length ? '<a href="#access-review">Access-level review</a>' : ''}</nav><h2>Summary by practice and severity</h2>${summary}${errors}${sections}${notEval}${review}`;
  return page({ title: `iamsim audit · ${i.file}`, css: AUDIT_CSS, body, script: AUDIT_JS });
}
