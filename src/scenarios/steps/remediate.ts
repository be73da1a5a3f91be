/** `remediate`: applies the automatic fixes of the named checks (or all), judged against what was expected to be fixed. */
import { remediate } from '../../checks/remediate.js';
import { renderPatchDiff } from '../../cli/render/findings-diff.js';
import type { Expectation } from '../replay-types.js';
import { describeCall } from '../resolve-call.js';
import { stepEvent, type StepHandler } from './event.js';
import { expectExactly, refText } from './findings.js';

/** Runs a remediate step. */
export const runRemediate: StepHandler<'remediate'> = (step, state, ctx) => {
  const r = remediate(state.account, { now: state.now, ...(step.checks !== 'all' ? { checks: step.checks } : {}) });
  const next = { ...state, account: r.account };
  const ops = r.applied.flatMap((a) => a.fix.map((c) => c.op));
  const e = step.expect;
  const expectations: Expectation[] = [
    ...(e?.fixed !== undefined ? [expectExactly('fixed', e.fixed, r.applied)] : []),
    ...(e?.operations !== undefined
      ? [{ what: 'operations', expected: [...e.operations].sort().join(', ') || 'none', actual: [...new Set(ops)].sort().join(', ') || 'none', met: [...e.operations].sort().join() === [...new Set(ops)].sort().join() }]
      : []),
    ...(r.failed.length > 0 ? [{ what: 'fixes applied', expected: 'all', actual: r.failed.map((f) => `${f.checkId} ${f.resource.name ?? f.resource.arn}: ${f.error}`).join('; '), met: false }] : []),
  ];
  return {
    state: next,
    event: stepEvent(step, next, ctx, {
      title: `remediate ${step.checks === 'all' ? 'all' : step.checks.join(', ')}`,
      result: r.applied.length === 0 ? 'nothing to fix' : `${r.applied.length} fix${r.applied.length === 1 ? '' : 'es'} applied in ${r.passes} pass${r.passes === 1 ? '' : 'es'}, ${r.patches.length} change${r.patches.length === 1 ? '' : 's'}`,
      details: r.applied.flatMap((a) => a.fix.map((c) => `${refText(a)}: ${describeCall(c)}`)),
      expectations,
      data: {
        fixed: r.applied.map((a) => ({ check: a.checkId, resource: a.resource.name ?? a.resource.arn, arn: a.resource.arn, messageId: a.messageId, operations: a.fix.map((c) => c.op) })),
        failed: r.failed.map((f) => ({ check: f.checkId, resource: f.resource.name ?? f.resource.arn, error: f.error })),
        changes: r.patches.length,
        /** The change as a readable diff (`+ path = value`, `~ path: old → new`, `- path`), for the HTML story. */
        diff: renderPatchDiff(state.account, r.patches),
      },
    }),
  };
};
