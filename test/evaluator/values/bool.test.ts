import { describe, expect, it } from 'vitest';
import { parseBoolValue } from '../../../src/evaluator/values/bool.js';

describe('parseBoolValue: "true"/"false" in any case, or a JSON boolean [sheet §3.3]', () => {
  it.each([
    ['true', true],
    ['tRuE', true],
    ['FALSE', false],
    ['fAlSe', false],
    [true, true],
    [false, false],
  ] as const)('%j is %s', (v, want) => {
    expect(parseBoolValue(v)).toBe(want);
  });

  it.each(['nope', 'truE ', 'tru', 'falsy', 'fals', 'false ', ' true', 'truee', 'ture'])('rejects the string %j', (v) => {
    expect(parseBoolValue(v)).toBeNull();
  });

  it.each([null, undefined, 0, 1, ['true'], { true: true }])('rejects the non-string %j', (v) => {
    expect(parseBoolValue(v)).toBeNull();
  });
});
