/**
 * Runs checks over an account: resolves options, calls detect, renders messages, applies suppressions.
 * A check that throws becomes a `check-error` finding and the run goes on (cdk-nag's applyRule).
 */
import { describeLacks, missingNeeds } from '../import/needs.js';
import type { Account, Instant } from '../model/types.js';
import type { Config } from './config.js';
import type { AnyCheck } from './define-check.js';
import { CHECK_ERROR, type CheckError, type CheckRun, type Finding, type NotEvaluated } from './finding.js';
import { ALL_CHECKS } from './registry.js';
import { renderMessage } from './render-message.js';
import { optionProblems, resolveOptions } from './resolve-options.js';
import { matchSuppression } from './suppress.js';
import type { Report } from './types.js';

/** What runChecks takes besides the account. */
export interface RunOptions {
  readonly now: Instant;
  /** Check ids to run; all registered (and enabled) checks when absent. */
  readonly checks?: readonly string[];
  /** Options per check id, layered over defaults, preset and config. */
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly config?: Config;
  /** A preset name from PRESETS; overrides config.preset. */
  readonly preset?: string;
  /** The checks to choose from; ALL_CHECKS when absent (tests inject throwing checks here). */
  readonly registry?: readonly AnyCheck[];
}

/** Turns one report into a finding with its check's metadata and rendered messages. */
export function toFinding(check: AnyCheck, report: Report, severityOverride?: Finding['severity']): Finding {
  const { meta } = check;
  const template = meta.messages[report.messageId] ?? report.messageId;
  return {
    checkId: meta.id,
    practice: meta.practice,
    title: meta.title,
    severity: severityOverride ?? report.severity ?? meta.severity,
    remediation: meta.remediation,
    messageId: report.messageId,
    message: renderMessage(template, report.data),
    data: report.data,
    resource: report.resource,
    ...(report.fix !== undefined ? { fix: report.fix } : {}),
    ...(report.suggestions !== undefined
      ? { suggestions: report.suggestions.map((s) => ({ messageId: s.messageId, message: renderMessage(meta.messages[s.messageId] ?? s.messageId, s.data ?? report.data), fix: s.fix })) }
      : {}),
    ...(report.evidence !== undefined ? { evidence: report.evidence } : {}),
  };
}

/** Runs the selected checks; never throws for a failing check. */
export function runChecks(account: Account, opts: RunOptions): CheckRun {
  const registry = opts.registry ?? ALL_CHECKS;
  const byId = new Map(registry.map((c) => [c.meta.id, c] as const));
  const notEvaluated: NotEvaluated[] = [];
  let selected: AnyCheck[];
  if (opts.checks !== undefined) {
    selected = [];
    for (const id of opts.checks) {
      const c = byId.get(id);
      if (c === undefined) notEvaluated.push({ checkId: id, reason: 'unknown-check', detail: `no check named '${id}'` });
      else if (!selected.includes(c)) selected.push(c);
    }
    selected.sort((a, b) => registry.indexOf(a) - registry.indexOf(b));
  } else {
    selected = registry.filter((c) => {
      if (opts.config?.checks?.[c.meta.id]?.enabled === false) {
        notEvaluated.push({ checkId: c.meta.id, reason: 'disabled', detail: 'disabled in the config file' });
        return false;
      }
      return true;
    });
  }
  const findings: Finding[] = [];
  const errors: CheckError[] = [];
  const ran: string[] = [];
  const suppressions = opts.config?.suppressions ?? [];
  for (const check of selected) {
    const lacks = missingNeeds(account, check.meta);
    if (lacks.length > 0) {
      notEvaluated.push({ checkId: check.meta.id, reason: 'missing-input', detail: describeLacks(lacks) });
      continue;
    }
    const options = resolveOptions(check, opts);
    const problems = optionProblems(check, options);
    if (problems.length > 0) {
      notEvaluated.push({ checkId: check.meta.id, reason: 'invalid-options', detail: problems.join('; ') });
      continue;
    }
    ran.push(check.meta.id);
    const severity = opts.config?.checks?.[check.meta.id]?.severity;
    let reports: readonly Report[];
    try {
      reports = check.detect({ account, now: opts.now, options });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      errors.push({ checkId: check.meta.id, message });
      findings.push({
        checkId: check.meta.id,
        practice: check.meta.practice,
        title: check.meta.title,
        severity: 'high',
        remediation: 'manual',
        messageId: CHECK_ERROR,
        message: `Check ${check.meta.id} failed: ${message}`,
        data: { check: check.meta.id, error: message },
        resource: { kind: 'account', arn: `arn:aws:iam::${account.id}:root`, name: account.id },
      });
      continue;
    }
    for (const r of reports) {
      const f = toFinding(check, r, severity);
      const suppressed = suppressions.length > 0 ? matchSuppression(f, suppressions, account, opts.now) : undefined;
      findings.push(suppressed ? { ...f, suppressed } : f);
    }
  }
  return { findings, errors, notEvaluated, ran };
}
