/**
 * Renders a Decision as readable text: the effect, the policy type and statements that decided, and with `explain`
 * every statement the evaluator considered with the reason it did or did not match, each condition showing the
 * request's values against the policy's (`NotIpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24`).
 * Shared by `iamsim evaluate --explain` and the scenario replay.
 */
import type { Decision, StatementRef, TraceEvent } from '../../evaluator/types.js';
import { formatCondition } from '../../explain/condition-text.js';
import { decisionReason } from '../../explain/decision-reason.js';

/** How to render. */
export interface RenderDecisionOptions {
  /** Include the trace: statement by statement, condition by condition. */
  readonly explain?: boolean;
  /** ANSI colour (only on a TTY without NO_COLOR; the caller decides). */
  readonly color?: boolean;
  /** Prefix for every line, e.g. two spaces when nested under a scenario step. */
  readonly indent?: string;
  /** The request's action: an implicit deny then gets a line saying why (decisionReason), e.g. the nearest miss. */
  readonly action?: string;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A statement reference as text: `identity[0] statement #1 (Sid AllowS3)`. */
export function formatStatementRef(ref: StatementRef): string {
  return `${ref.policyId} statement #${ref.index}${ref.sid !== undefined && ref.sid !== '' ? ` (Sid ${ref.sid})` : ''}`;
}

/** Why a statement did not match, from its trace event: the first element that failed. */
function missReason(e: Extract<TraceEvent, { kind: 'statement' }>): string {
  const parts: string[] = [];
  if (!e.actionMatched) parts.push('action not covered');
  if (!e.resourceMatched) parts.push('resource not covered');
  if (e.principalMatched === false) parts.push('principal not named');
  if (e.conditionsMatched === false) parts.push('a condition is false');
  return parts.length > 0 ? parts.join(', ') : 'not matched';
}

/** Renders a decision. Without `explain` it is one or two lines; with it, the whole trace (empty unless evaluate ran with trace). */
export function renderDecision(decision: Decision, opts: RenderDecisionOptions = {}): string {
  const color = opts.color === true;
  const pad = opts.indent ?? '';
  const lines: string[] = [];
  const effectColor = decision.effect === 'Allow' ? '32' : decision.effect === 'ExplicitDeny' ? '31' : '33';
  const by = decision.decidedBy === null ? 'no policy allows it: default deny' : decision.decidedBy === 'root' ? 'the root user has full access' : `decided by the ${decision.decidedBy} policy`;
  lines.push(`${paint(color, `1;${effectColor}`, decision.effect)} (${by})`);
  for (const ref of decision.determining) lines.push(`  because of ${formatStatementRef(ref)}`);
  if (opts.action !== undefined && decision.determining.length === 0 && decision.effect === 'ImplicitDeny') {
    lines.push(`  why: ${decisionReason(decision, opts.action).replace(/^ImplicitDeny( by \w+)?: /, '')}`);
  }
  for (const e of decision.errors) lines.push(`  ${paint(color, '33', 'warning')}: ${e.message}${e.statement !== undefined ? ` (${formatStatementRef(e.statement)})` : ''}`);
  if (opts.explain === true) {
    const determining = new Set(decision.determining.map((r) => `${r.policyId}\u0000${r.index}`));
    if (decision.trace.length === 0) lines.push('  (no trace recorded)');
    else lines.push('Trace:');
    for (const e of decision.trace) {
      switch (e.kind) {
        case 'statement': {
          const decided = determining.has(`${e.ref.policyId}\u0000${e.ref.index}`);
          const mark = e.matched ? paint(color, '32', '✓') : paint(color, '2', '·');
          const status = e.matched ? `matched${decided ? ' (decided)' : ''}` : `did not match: ${missReason(e)}`;
          lines.push(`  ${mark} ${formatStatementRef(e.ref)} [${e.effect}] ${status}`);
          for (const c of e.conditions) lines.push(`      ${c.matched ? '✓' : '✗'} ${formatCondition(c)}`);
          break;
        }
        case 'combine':
          lines.push(`  → ${e.step}: ${e.outcome}${e.message !== '' ? ` — ${e.message}` : ''}`);
          break;
        default: {
          const never: never = e;
          return never;
        }
      }
    }
  }
  return lines.map((l) => `${pad}${l}`).join('\n') + '\n';
}
