/**
 * SARIF 2.1.0 for `audit` (OASIS Static Analysis Results Interchange Format), so code-scanning tools show findings:
 * one rule per check from its metadata (§3.49 reportingDescriptor: id, name, descriptions, help, default level),
 * one result per finding (§3.27: ruleId, level, message, a logical location naming the resource ARN), suppressed
 * findings carrying `suppressions` (§3.35) rather than being dropped. Deterministic: no clock, no absolute paths.
 */
import type { CheckRun, Finding } from '../checks/finding.js';
import type { CheckMeta, Severity } from '../checks/types.js';

/** The `$schema` the log declares (SchemaStore's copy of the OASIS schema, which tools recognise). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels by check severity: critical and high are errors, medium a warning, low a note. */
export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/** GitHub code scanning's numeric `security-severity` per severity (its documented bands). */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

/** What the SARIF builder needs besides the run. */
export interface SarifOptions {
  /** The audited file, as given (relative paths stay relative). */
  readonly file: string;
  /** The instant the audit judged ages at. */
  readonly now: string;
  /** Every known check's metadata (the rules are those that ran or reported). */
  readonly checks: readonly CheckMeta[];
  readonly toolVersion: string;
}

/** `root-access-key-active` → `RootAccessKeyActive`, SARIF's recommended rule `name` form. */
const pascal = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());

function rule(meta: CheckMeta): Record<string, unknown> {
  const refs = meta.references.map((r) => `- ${r}`).join('\n');
  const remedy = { auto: 'iamsim can fix this automatically (`iamsim audit FILE --fix --out NEW.json`).', suggest: 'iamsim suggests a fix for a person to apply (`--fix --suggestions`).', manual: 'Fix by hand.' }[meta.remediation];
  const url = meta.references.find((r) => /^https?:\/\//.test(r));
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.rationale}\n\nRemediation: ${remedy}\n\nReferences:\n${refs}`,
      markdown: `${meta.rationale}\n\n**Remediation:** ${remedy}\n\n**References:**\n\n${refs}`,
    },
    ...(url !== undefined ? { helpUri: url } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: {
      tags: ['security', 'iam', `practice-${meta.practice}`],
      practice: meta.practice,
      severity: meta.severity,
      remediation: meta.remediation,
      'security-severity': SECURITY_SEVERITY[meta.severity],
      references: [...meta.references],
    },
  };
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.checkId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ logicalLocations: [{ name: f.resource.name ?? f.resource.arn, fullyQualifiedName: f.resource.arn, kind: f.resource.kind }] }],
    partialFingerprints: { 'iamsimFinding/v1': `${f.checkId}|${f.messageId}|${f.resource.arn}` },
    ...(f.suppressed !== undefined
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (${f.suppressed.by}${f.suppressed.expires ? `, expires ${f.suppressed.expires}` : ''})` }] }
      : {}),
    properties: {
      practice: f.practice,
      severity: f.severity,
      messageId: f.messageId,
      remediation: f.remediation,
      fixable: f.fix !== undefined,
      data: f.data,
      ...(f.evidence !== undefined ? { evidence: f.evidence.map((e) => ({ ...e })) } : {}),
      ...(f.suggestions !== undefined ? { suggestions: f.suggestions.map((s) => s.message) } : {}),
    },
  };
}

/** The SARIF log of one audit run. */
export function auditToSarif(run: CheckRun, o: SarifOptions): Record<string, unknown> {
  const wanted = new Set([...run.ran, ...run.findings.map((f) => f.checkId)]);
  const metas = o.checks.filter((m) => wanted.has(m.id));
  const index = new Map(metas.map((m, i) => [m.id, i] as const));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iamsim',
            fullName: 'iamsim offline AWS IAM simulator and best-practice checks',
            version: o.toolVersion,
            semanticVersion: o.toolVersion,
            informationUri: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
            rules: metas.map(rule),
          },
        },
        artifacts: [{ location: { uri: o.file.split('\\').join('/') }, roles: ['analysisTarget'] }],
        invocations: [
          {
            executionSuccessful: run.errors.length === 0,
            toolExecutionNotifications: [
              ...run.errors.map((e) => ({ level: 'error', message: { text: `check ${e.checkId} failed: ${e.message}` }, descriptor: { id: e.checkId } })),
              ...run.notEvaluated.map((n) => ({ level: 'note', message: { text: `check ${n.checkId} not evaluated (${n.reason}): ${n.detail}` }, descriptor: { id: n.checkId } })),
            ],
            properties: { auditedAt: o.now },
          },
        ],
        results: run.findings.map((f) => result(f, index.get(f.checkId) ?? -1)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
