/**
 * Remediation: apply fixes until nothing changes, at most 10 passes (ESLint's fix loop). Each pass re-runs the
 * checks on the current account and applies every automatic fix (and, when asked, the first suggestion of each
 * finding) one by one; a fix that fails on the current state is skipped in this pass and comes back re-detected
 * in the next one. Suppressed findings are never fixed. The patches of all passes compose into one change set
 * with its inverse.
 */
import { applyPatches, type Patch } from 'immer';
import type { Account, Instant } from '../model/types.js';
import { applyFix } from './apply-fix.js';
import type { Config } from './config.js';
import type { AnyCheck } from './define-check.js';
import type { Finding } from './finding.js';
import { runChecks } from './run-checks.js';
import type { Fix, ResourceRef } from './types.js';

/** The most passes remediation makes. */
export const MAX_PASSES = 10;

/** What remediate takes besides the account. */
export interface RemediateOptions {
  readonly now: Instant;
  readonly checks?: readonly string[];
  readonly options?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly config?: Config;
  readonly preset?: string;
  readonly registry?: readonly AnyCheck[];
  /** Only fix these findings (matched by check id, message id and resource ARN); all fixable findings when absent. */
  readonly findings?: readonly Pick<Finding, 'checkId' | 'messageId' | 'resource'>[];
  /** Also apply the first suggestion of findings without an automatic fix. */
  readonly includeSuggestions?: boolean;
}

/** One applied fix. */
export interface AppliedFix {
  readonly checkId: string;
  readonly messageId: string;
  readonly resource: ResourceRef;
  readonly kind: 'fix' | 'suggestion';
  readonly fix: Fix;
  readonly pass: number;
}

/** A fix that could not be applied, with the model's error. */
export interface FailedFix {
  readonly checkId: string;
  readonly resource: ResourceRef;
  readonly fix: Fix;
  readonly error: string;
}

/** The remediated account, what was applied, and the change set (patches and their inverse, in applying order). */
export interface Remediation {
  readonly account: Account;
  readonly applied: readonly AppliedFix[];
  /** Fixes that failed in the last pass they were tried in. */
  readonly failed: readonly FailedFix[];
  readonly patches: readonly Patch[];
  /** Apply these to the remediated account (immer applyPatches) to get the original back. */
  readonly inversePatches: readonly Patch[];
  readonly passes: number;
}

const findingKey = (f: Pick<Finding, 'checkId' | 'messageId' | 'resource'>): string => `${f.checkId}\u0000${f.messageId}\u0000${f.resource.arn}`;

/** Runs the fix loop. Pure: the input account is untouched. */
export function remediate(account: Account, opts: RemediateOptions): Remediation {
  const wanted = opts.findings !== undefined ? new Set(opts.findings.map(findingKey)) : undefined;
  const applied: AppliedFix[] = [];
  const patches: Patch[] = [];
  const inverse: Patch[][] = [];
  const appliedKeys = new Set<string>();
  let failed: FailedFix[] = [];
  let current = account;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const run = runChecks(current, opts);
    const candidates: { f: Finding; kind: 'fix' | 'suggestion'; fix: Fix }[] = [];
    for (const f of run.findings) {
      if (f.suppressed !== undefined || f.messageId === 'check-error') continue;
      if (wanted !== undefined && !wanted.has(findingKey(f))) continue;
      if (f.fix !== undefined) candidates.push({ f, kind: 'fix', fix: f.fix });
      else if (opts.includeSuggestions && f.suggestions?.[0] !== undefined) {
        const k = `${findingKey(f)}\u0000suggestion`;
        if (appliedKeys.has(k)) continue;
        candidates.push({ f, kind: 'suggestion', fix: f.suggestions[0].fix });
      }
    }
    if (candidates.length === 0) break;
    passes++;
    failed = [];
    let changed = false;
    for (const c of candidates) {
      const r = applyFix(current, c.fix, opts.now);
      if (!r.ok) {
        failed.push({ checkId: c.f.checkId, resource: c.f.resource, fix: c.fix, error: `${r.error.op} (call ${r.error.index}): ${r.error.code}: ${r.error.message}` });
        continue;
      }
      if (r.value.patches.length === 0) continue;
      current = r.value.account;
      patches.push(...r.value.patches);
      inverse.push([...r.value.inversePatches]);
      applied.push({ checkId: c.f.checkId, messageId: c.f.messageId, resource: c.f.resource, kind: c.kind, fix: c.fix, pass: passes });
      if (c.kind === 'suggestion') appliedKeys.add(`${findingKey(c.f)}\u0000suggestion`);
      changed = true;
    }
    if (!changed) break;
  }
  return { account: current, applied, failed, patches, inversePatches: inverse.reverse().flat(), passes };
}

/** Undoes a remediation: applies its inverse patches to the remediated account. */
export const undoRemediation = (r: Remediation): Account => applyPatches(r.account, [...r.inversePatches]);
