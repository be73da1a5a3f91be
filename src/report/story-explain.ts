/**
 * A decision explained as HTML for the story page: the effect and which policy type decided, the deciding statements,
 * every statement the evaluator considered with its action/resource/principal matches and each condition with the
 * request's values against the policy's, and the steps of the AWS decision flow. Read from the decision's trace.
 */
import type { ConditionTrace, Decision, TraceEvent } from '../evaluator/types.js';
import { statementName } from '../explain/statement-name.js';
import { esc } from './html.js';

type StatementTrace = Extract<TraceEvent, { kind: 'statement' }>;

const values = (v: readonly string[] | null): string => (v === null ? '<em>absent</em>' : v.length === 0 ? '<em>empty</em>' : v.map((x) => `<code>${esc(x)}</code>`).join(', '));
const yes = (b: boolean | null, what: string): string => (b === null ? '' : `<span class="m ${b ? 'ok' : 'no'}">${b ? '✓' : '✗'} ${what}</span>`);

function conditionRow(c: ConditionTrace): string {
  return `<tr class="${c.matched ? 'cond-ok' : 'cond-no'}"><td><code>${esc(c.operator)}</code></td><td><code>${esc(c.key)}</code></td><td>${values(c.requestValues)}</td><td>${values(c.policyValues)}</td><td>${c.matched ? '✓ true' : '✗ false'}</td></tr>`;
}

function statement(s: StatementTrace, deciding: boolean): string {
  const conds = s.conditions.length
    ? `<table class="conds"><thead><tr><th>Operator</th><th>Key</th><th>Request value</th><th>Policy value</th><th>Result</th></tr></thead><tbody>${s.conditions.map(conditionRow).join('')}</tbody></table>`
    : '';
  return `<li class="stmt ${s.matched ? 'matched' : 'unmatched'}${deciding ? ' deciding' : ''}"><div><strong>${esc(statementName(s.ref))}</strong> <span class="pk">${esc(s.ref.policyKind)}</span> <span class="eff">${s.effect}</span> ${
    deciding ? '<span class="tag">deciding</span>' : ''
  } ${s.matched ? '<span class="m ok">matched</span>' : '<span class="m no">did not match</span>'}</div><div class="matches">${yes(s.actionMatched, 'action')} ${yes(s.resourceMatched, 'resource')} ${yes(s.principalMatched, 'principal')} ${yes(s.conditionsMatched, 'conditions')}</div>${conds}</li>`;
}

/** The explanation of one decision, as an HTML fragment, headed by its one-line `reason` (decisionReason). */
export function explainDecision(d: Decision, reason: string): string {
  const stmts = d.trace.filter((t): t is StatementTrace => t.kind === 'statement');
  const combine = d.trace.filter((t): t is Extract<TraceEvent, { kind: 'combine' }> => t.kind === 'combine');
  const isDeciding = (s: StatementTrace): boolean => d.determining.some((r) => r.policyId === s.ref.policyId && r.index === s.ref.index && r.policyKind === s.ref.policyKind);
  const list = stmts.length ? `<ol class="stmts">${stmts.map((s) => statement(s, isDeciding(s))).join('')}</ol>` : '<p class="muted">No statement mentions this action and resource.</p>';
  const flow = combine.length ? `<ol class="flow">${combine.map((c) => `<li class="flow-${c.outcome}"><span class="step">${esc(c.step)}</span> <span class="out">${esc(c.outcome)}</span> ${esc(c.message)}</li>`).join('')}</ol>` : '';
  const errors = d.errors.length ? `<ul class="errors">${d.errors.map((e) => `<li>${esc(e.code)}: ${esc(e.message)}</li>`).join('')}</ul>` : '';
  return `<div class="explanation"><p class="reason"><strong>${esc(reason)}</strong></p><h4>Statements considered</h4>${list}${flow ? `<h4>Decision flow</h4>${flow}` : ''}${errors}</div>`;
}
