/** The decision renderer shared by `iamsim evaluate --explain` and the scenario replay: conditions, statements, combine steps. */
import { describe, expect, it } from 'vitest';
import { formatStatementRef, renderDecision } from '../../src/cli/render/decision-text.js';
import { formatCondition } from '../../src/explain/condition-text.js';
import type { Decision } from '../../src/evaluator/types.js';

describe('formatCondition', () => {
  it.each([
    [{ operator: 'NotIpAddress', key: 'aws:SourceIp', requestValues: ['198.51.100.7'], policyValues: ['203.0.113.0/24'], matched: true }, 'NotIpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24 → true'],
    [{ operator: 'IpAddress', key: 'aws:SourceIp', requestValues: ['203.0.113.9'], policyValues: ['203.0.113.0/24', '10.0.0.0/8'], matched: true }, 'IpAddress aws:SourceIp 203.0.113.9 in [203.0.113.0/24, 10.0.0.0/8] → true'],
    [{ operator: 'DateLessThan', key: 'aws:CurrentTime', requestValues: ['2026-02-01T00:00:00Z'], policyValues: ['2026-01-01T00:00:00Z'], matched: false }, 'DateLessThan aws:CurrentTime 2026-02-01T00:00:00Z not < 2026-01-01T00:00:00Z → false'],
    [{ operator: 'StringNotEquals', key: 'aws:RequestedRegion', requestValues: ['eu-west-1'], policyValues: ['eu-west-1', 'us-east-1'], matched: false }, 'StringNotEquals aws:RequestedRegion eu-west-1 = [eu-west-1, us-east-1] → false'],
    [{ operator: 'ForAllValues:StringLike', key: 'aws:TagKeys', requestValues: ['team', 'env'], policyValues: ['team', 'env*'], matched: true }, 'ForAllValues:StringLike aws:TagKeys every value of [team, env] like [team, env*] → true'],
    [{ operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', requestValues: null, policyValues: ['false'], matched: true }, 'BoolIfExists aws:MultiFactorAuthPresent: key absent from the request (true for IfExists) vs false → true'],
    [{ operator: 'StringEquals', key: 'aws:PrincipalTag/team', requestValues: null, policyValues: ['dev'], matched: false }, 'StringEquals aws:PrincipalTag/team: key absent from the request (false for a positive operator) vs dev → false'],
    [{ operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', requestValues: null, policyValues: ['a'], matched: false }, 'ForAnyValue:StringEquals aws:TagKeys: key absent from the request (false for ForAnyValue) vs a → false'],
    [{ operator: 'Null', key: 'aws:TagKeys', requestValues: ['a'], policyValues: ['false'], matched: true }, 'Null aws:TagKeys: key present (a), policy wants null=false → true'],
  ])('%#: %s', (c, text) => expect(formatCondition(c)).toBe(text));
});

describe('renderDecision', () => {
  const decision: Decision = {
    effect: 'ImplicitDeny',
    decidedBy: 'boundary',
    determining: [],
    errors: [{ code: 'statement-failed', message: 'Statement skipped: boom', statement: { policyId: 'identity[1]', policyKind: 'identity', index: 2 } }],
    trace: [
      { kind: 'statement', ref: { policyId: 'identity[0]', policyKind: 'identity', index: 0, sid: 'S3' }, effect: 'Allow', actionMatched: true, resourceMatched: true, principalMatched: null, conditionsMatched: null, conditions: [], matched: true },
      { kind: 'statement', ref: { policyId: 'boundary', policyKind: 'boundary', index: 0 }, effect: 'Allow', actionMatched: false, resourceMatched: true, principalMatched: null, conditionsMatched: null, conditions: [], matched: false },
      { kind: 'combine', step: 'boundary', outcome: 'deny', message: 'No Allow in the permissions boundary.' },
    ],
  };
  it('without explain: the effect and who decided, plus skipped statements', () => {
    const text = renderDecision(decision);
    expect(text).toBe('ImplicitDeny (decided by the boundary policy)\n  warning: Statement skipped: boom (identity[1] statement #2)\n');
  });
  it('with explain: every statement and why it did not match, then the combine steps; indent and no colour', () => {
    const text = renderDecision(decision, { explain: true, indent: '  ' });
    expect(text).toContain('    ✓ identity[0] statement #0 (Sid S3) [Allow] matched\n');
    expect(text).toContain('    · boundary statement #0 [Allow] did not match: action not covered\n');
    expect(text).toContain('    → boundary: deny — No Allow in the permissions boundary.\n');
    expect(text).not.toContain('\u001b[');
  });
  it('given the action, an implicit deny gets a line saying why', () => {
    expect(renderDecision({ ...decision, errors: [] }, { action: 'ec2:StopInstances' })).toBe(
      'ImplicitDeny (decided by the boundary policy)\n  why: no permissions boundary allows ec2:StopInstances\n',
    );
    const near = {
      ...decision, decidedBy: null, errors: [],
      trace: [{
        kind: 'statement' as const, ref: { policyId: 'identity[0]', policyKind: 'identity' as const, index: 0, sid: 'Office' }, effect: 'Allow' as const,
        actionMatched: true, resourceMatched: true, principalMatched: null, conditionsMatched: false, matched: false,
        conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', requestValues: ['198.51.100.7'], policyValues: ['203.0.113.0/24'], matched: false }],
      }],
    };
    expect(renderDecision(near, { action: 's3:GetObject' })).toBe(
      'ImplicitDeny (no policy allows it: default deny)\n  why: identity[0]/Office would allow it, but IpAddress aws:SourceIp 198.51.100.7 not in 203.0.113.0/24\n',
    );
  });
  it('colour only when asked', () => {
    expect(renderDecision({ ...decision, errors: [] }, { color: true })).toContain('\u001b[1;33mImplicitDeny\u001b[0m');
  });
  it('formats refs with and without Sid', () => {
    expect(formatStatementRef({ policyId: 'scp[1][0]', policyKind: 'scp', index: 3 })).toBe('scp[1][0] statement #3');
  });
});
