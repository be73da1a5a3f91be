import { describe, expect, it } from 'vitest';
import { parseNumberValue } from '../../../src/evaluator/values/number.js';

describe('parseNumberValue: an optional "-", digits, an optional fraction [sheet §3.3, §9]', () => {
  it.each([
    ['0', 0],
    ['9', 9],
    ['19', 19],
    ['-9', -9],
    ['1.9', 1.9],
    ['-0.5', -0.5],
    ['90.09', 90.09],
    ['123456789', 123456789],
  ])('%j is %d', (text, n) => {
    expect(parseNumberValue(text)).toBe(n);
  });

  it.each(['1.5a', '1.5.5', '1.5 ', '1.5-', '9:', '1.:', '-a', '--1', '-.5', '-', '.', ' ', 'a1', '1/2'])('rejects %j', (text) => {
    expect(parseNumberValue(text)).toBeNull();
  });
});
