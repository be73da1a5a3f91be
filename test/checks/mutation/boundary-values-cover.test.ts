import { describe, expect, it } from 'vitest';
import { scalarCandidates, substituteVariables } from '../../../src/checks/universe/boundary-values.js';

const fact = (operator: string, values: string[], key = 'k') => ({ operator, key, values });

describe('boundary values: numeric order, plain dates, spaced variable defaults', () => {
  it('covers numbers in numeric order, with the midpoints between neighbours', () => {
    expect(scalarCandidates('k', [fact('NumericLessThan', ['2', '10', '5'])], {})).toEqual(['1', '2', '3', '3.5', '4', '5', '6', '7.5', '9', '10', '11']);
  });
  it('reads a date without a time as a date, not as a number', () => {
    expect(scalarCandidates('aws:CurrentTime', [fact('DateLessThan', ['2026-01-01'])], {})).toEqual(['2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z']);
  });
  it('trims the variable name before a default', () => {
    expect(substituteVariables('${aws:username , "d"}', { 'aws:username': 'alice' })).toBe('alice');
  });
});
