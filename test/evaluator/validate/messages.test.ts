import { describe, expect, it } from 'vitest';
import { POLICY_MESSAGES, problem } from '../../../src/evaluator/validate/messages.js';

describe('problem', () => {
  it('fills every placeholder of the message and the hint, each as often as it occurs', () => {
    expect(problem('both-elements', '/Statement/0', { a: 'Action', b: 'NotAction' })).toEqual({
      code: 'both-elements',
      severity: 'error',
      message: 'Syntax errors in policy. A statement cannot have both Action and NotAction.',
      path: '/Statement/0',
      hint: 'Keep one of Action and NotAction.',
    });
    expect(problem('not-a-string-list', '/x', { element: 'Resource' }).hint).toBe('Write "Resource": "…" or "Resource": ["…", "…"].');
  });

  it('writes numbers as text', () => {
    expect(problem('sid-duplicate', '/S/1/Sid', { sid: 'A', other: 0 }).hint).toBe('Sid "A" is also used by statement 0; rename one of them.');
  });

  it('leaves a placeholder without data as it is', () => {
    expect(problem('sid-invalid', '/Sid')).toEqual({ code: 'sid-invalid', severity: 'error', message: POLICY_MESSAGES['sid-invalid'].message, path: '/Sid', hint: 'Rename Sid "{{sid}}" using only letters and digits.' });
    expect(problem('both-elements', '', { a: 'Resource' }).hint).toBe('Keep one of Resource and {{b}}.');
  });

  it('takes the severity from the table', () => {
    expect(problem('version-absent', '').severity).toBe('warning');
    expect(problem('statement-missing', '').severity).toBe('error');
  });
});
