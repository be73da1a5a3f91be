/** One broken scenario per error class under test/fixtures/scenarios/, each with its exact message, line and column. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatInputError } from '../../src/result.js';
import { loadScenarioFile } from '../../src/scenarios/load-file.js';

const DIR = 'test/fixtures/scenarios';

interface Expected {
  readonly line: number;
  readonly col: number;
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

const CASES: Readonly<Record<string, readonly Expected[]>> = {
  'unknown-key.yaml': [{ line: 7, col: 49, code: 'unknown-key', message: "unknown key 'frm' in steps[0].request", hint: "did you mean 'from'?" }],
  'wrong-type.yaml': [{ line: 4, col: 7, code: 'wrong-type', message: 'account.id should be text, not number 111122223333', hint: 'quote it, e.g. "111122223333"' }],
  'unknown-user.yaml': [{ line: 7, col: 20, code: 'unknown-user', message: "unknown user 'priyaa'", hint: "did you mean 'priya'?" }],
  'unknown-policy.yaml': [
    { line: 6, col: 18, code: 'unknown-policy', message: "unknown policy 'PartnerDorp': it is neither under account.policies nor an AWS managed policy", hint: "did you mean 'PartnerDrop'?" },
  ],
  'unknown-check.yaml': [{ line: 4, col: 13, code: 'unknown-check', message: "unknown check 'sensitive-acces-conditions'", hint: "did you mean 'sensitive-access-conditions'?" }],
  'bad-duration.yaml': [{ line: 4, col: 14, code: 'bad-duration', message: "bad duration '3 days' at steps[0].advance", hint: 'write a number and a unit, e.g. 90s, 15m, 2h30m, 3d or 1w (units: w d h m s)' }],
  'bad-time.yaml': [{ line: 5, col: 9, code: 'bad-time', message: "bad time '2026-02-30T10:00': 2026-02 has 28 days" }],
  'invalid-policy.yaml': [
    { line: 13, col: 46, code: 'invalid-policy', message: 'IAM would reject this policy: The policy failed legacy parsing: "next summer" is not a valid date for DateLessThan.' },
  ],
  'time-goes-back.yaml': [{ line: 4, col: 9, code: 'time-goes-back', message: 'at 2026-03-01T09:00:00Z is before the clock (2026-03-02T09:00:00Z)', hint: 'the clock only moves forward: use a later time, or reorder the steps' }],
  'yaml-syntax.yaml': [{ line: 5, col: 1, code: 'yaml-syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }],
  'unknown-operation.yaml': [
    { line: 7, col: 5, code: 'unknown-step', message: "unknown step kind or operation 'AddUserToGrup'", hint: "did you mean 'AddUserToGroup'?" },
    { line: 8, col: 43, code: 'unknown-group', message: "unknown group 'contractors'", hint: 'there are no groups defined here' },
  ],
  'many-errors.yaml': [
    { line: 3, col: 11, code: 'bad-timezone', message: "unknown time zone 'Europe/Londres'" },
    { line: 6, col: 42, code: 'wrong-value', message: "account.users.priya.mfa should be one of true, false, virtual, hardware, not the text 'yes'" },
    { line: 8, col: 14, code: 'bad-duration', message: "bad duration '2 weeks' at steps[0].advance" },
    { line: 10, col: 13, code: 'wrong-value', message: "steps[1].expect should be one of Allow, ExplicitDeny, ImplicitDeny, not the text 'Alow'", hint: "did you mean 'Allow'?" },
  ],
};

describe('broken scenarios', () => {
  it('every fixture has a case and every case a fixture', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, expected] of Object.entries(CASES)) {
    it(`${file}: reports exactly its errors, with line and column`, () => {
      const r = loadScenarioFile(`${DIR}/${file}`);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.map((e) => ({ line: e.line, col: e.col, code: e.code, message: e.message }))).toEqual(expected.map(({ hint: _h, ...rest }) => rest));
      expected.forEach((x, i) => {
        if (x.hint !== undefined) expect(r.error[i]!.hint).toBe(x.hint);
        expect(r.error[i]!.file).toBe(`${DIR}/${file}`);
      });
    });
  }

  it('formats as file:line:col: message, then the hint', () => {
    const r = loadScenarioFile(`${DIR}/unknown-user.yaml`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatInputError(r.error[0]!)).toBe(`${DIR}/unknown-user.yaml:7:20: unknown user 'priyaa'\n  hint: did you mean 'priya'?`);
  });

  it('a missing file is an error value, not an exception', () => {
    const r = loadScenarioFile(`${DIR}/no-such-file.yaml`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toBe('cannot read the scenario: no such file');
  });
});
