/** Renders a check run as readable text: one block per finding (severity, check, resource, message, fix or suggestions), then a summary. */
import type { CheckRun, Finding } from '../../checks/finding.js';
import type { Fix, Severity } from '../../checks/types.js';
import { SEVERITIES } from '../../checks/types.js';

/** How to render. */
export interface RenderFindingsOptions {
  readonly color?: boolean;
  /** Show each fix's calls (default true). */
  readonly showFixes?: boolean;
  readonly failOn?: Severity;
}

const COLORS: Record<Severity, string> = { critical: '1;31', high: '31', medium: '33', low: '36' };
const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** One operation call as text: `UpdateAccessKey UserName=alice AccessKeyId=AKIA… Status=Inactive`. */
export function formatCall(c: Fix[number]): string {
  const args = Object.entries(c.input).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v).slice(0, 80) + (JSON.stringify(v).length > 80 ? '…' : '')}`);
  return [c.op, ...args].join(' ');
}

/** Findings sorted by severity (highest first), then in run order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => [f, i] as const).sort((a, b) => SEVERITIES.indexOf(b[0].severity) - SEVERITIES.indexOf(a[0].severity) || a[1] - b[1]).map(([f]) => f);
}

/** Counts findings by severity, not counting suppressed ones. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) if (f.suppressed === undefined) c[f.severity]++;
  return c;
}

/** Renders one finding. */
export function renderFinding(f: Finding, o: RenderFindingsOptions = {}): string {
  const color = o.color ?? false;
  const sev = paint(color, COLORS[f.severity], f.severity.toUpperCase().padEnd(8));
  const lines = [`${f.suppressed ? paint(color, '2', 'SUPPRESSED') + ' ' : ''}${sev} ${f.checkId} (practice ${f.practice})  ${f.resource.name ?? f.resource.arn}`, `  ${f.message}`];
  if (f.suppressed) lines.push(`  suppressed: ${f.suppressed.reason} [${f.suppressed.by}${f.suppressed.expires ? `, until ${f.suppressed.expires}` : ''}]`);
  for (const e of f.evidence ?? []) lines.push(`  evidence: ${e.eventTime ? `${e.eventTime} ` : ''}${e.eventID ? `${e.eventID} ` : ''}${e.text}`);
  if (o.showFixes !== false) {
    if (f.fix) {
      lines.push('  fix (automatic):');
      for (const c of f.fix) lines.push(`    ${formatCall(c)}`);
    }
    for (const s of f.suggestions ?? []) {
      lines.push(`  suggestion: ${s.message}`);
      for (const c of s.fix) lines.push(`    ${formatCall(c)}`);
    }
  }
  return lines.join('\n');
}

/** Renders a whole run: findings then a summary line. */
export function renderFindingsText(run: CheckRun, o: RenderFindingsOptions = {}): string {
  const out: string[] = [];
  for (const f of sortFindings(run.findings)) out.push(renderFinding(f, o), '');
  for (const n of run.notEvaluated) out.push(`not evaluated: ${n.checkId}: ${n.reason} (${n.detail})`);
  const c = countBySeverity(run.findings);
  const suppressed = run.findings.filter((f) => f.suppressed !== undefined).length;
  const active = run.findings.length - suppressed;
  out.push(
    `${active} finding(s): ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low; ${suppressed} suppressed; ${run.ran.length} check(s) ran${run.errors.length ? `; ${run.errors.length} check error(s)` : ''}`,
  );
  return out.join('\n') + '\n';
}
