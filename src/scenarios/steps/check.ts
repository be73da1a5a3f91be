/** `check`: runs all checks or the named ones on the account now, judged against the expected findings. */
import { runChecks } from '../../checks/run-checks.js';
import type { Expectation } from '../replay-types.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';
import { expectExactly, expectExcludes, expectIncludes, refText } from './findings.js';

/** Runs a check step. Checks that could not run (errors, bad options) fail the step. */
export const runCheck: StepHandler<'check'> = (step, state, ctx) => {
  const run = runChecks(state.account, { now: state.now, ...(step.checks !== 'all' ? { checks: step.checks } : {}), ...(step.options ? { options: step.options } : {}) });
  const found = run.findings.filter((f) => f.suppressed === undefined);
  const e = step.expect;
  const expectations: Expectation[] = [
    ...(e?.findings !== undefined ? [expectExactly('findings', e.findings, found)] : []),
    ...(e?.includes !== undefined ? [expectIncludes('findings include', e.includes, found)] : []),
    ...(e?.excludes !== undefined ? [expectExcludes('findings exclude', e.excludes, found)] : []),
    ...(run.errors.length > 0 || run.notEvaluated.some((n) => n.reason !== 'disabled')
      ? [expectEqual('checks ran', 'all', [...run.errors.map((x) => `${x.checkId} threw: ${x.message}`), ...run.notEvaluated.map((n) => `${n.checkId}: ${n.detail}`)].join('; '))]
      : []),
  ];
  return {
    state,
    event: stepEvent(step, state, ctx, {
      title: `check ${step.checks === 'all' ? 'all' : step.checks.join(', ')}`,
      result: found.length === 0 ? `no findings (${run.ran.length} check${run.ran.length === 1 ? '' : 's'} ran)` : `${found.length} finding${found.length === 1 ? '' : 's'}`,
      details: found.map((f) => `[${f.severity}] ${refText(f)}: ${f.message}`),
      expectations,
      data: {
        ran: run.ran,
        findings: found.map((f) => ({ check: f.checkId, severity: f.severity, resource: f.resource.name ?? f.resource.arn, arn: f.resource.arn, messageId: f.messageId, message: f.message, fixable: f.fix !== undefined })),
      },
    }),
  };
};
