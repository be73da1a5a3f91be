import { describe, expect, it } from 'vitest';
import { policySize, sizeProblems } from '../../../src/evaluator/validate/size.js';

// Source: sheet §6.2: IAM counts characters without whitespace; Organizations counts bytes with whitespace.
describe('policySize', () => {
  it('skips space, tab, LF and CR when counting characters, and nothing else', () => {
    expect(policySize(' \t\n\r')).toBe(0);
    expect(policySize('a b\tc\nd\re')).toBe(5);
    expect(policySize('a\u00a0b\u000bc')).toBe(5);
  });

  it('counts every UTF-8 byte, whitespace included, when counting bytes', () => {
    expect(policySize('a b', 'bytes')).toBe(3);
    expect(policySize('\u00e9\u4e2d', 'bytes')).toBe(5);
    expect(policySize({ a: ' ' }, 'bytes')).toBe(9);
  });

  it('measures a value JSON cannot express as 0', () => {
    expect(policySize(undefined, 'bytes')).toBe(0);
    expect(policySize(() => 1)).toBe(0);
  });
});

describe('sizeProblems', () => {
  const doc = { Statement: 'x' };
  const size = JSON.stringify(doc).length;

  it('accepts a document exactly at the limit and rejects one a character over', () => {
    expect(sizeProblems(doc, 'identity', size, 'chars')).toEqual([]);
    expect(sizeProblems(doc, 'identity', size - 1, 'chars')).toEqual([
      {
        code: 'size-exceeded',
        severity: 'error',
        message: `Cannot exceed quota for PolicySize: ${size - 1}`,
        path: '',
        hint: `The identity policy is ${size} characters (characters, whitespace not counted); split it or remove statements.`,
      },
    ]);
  });

  it('describes byte counting in the hint', () => {
    expect(sizeProblems(doc, 'scp', 10, 'bytes')).toEqual([
      { code: 'size-exceeded', severity: 'error', message: 'Cannot exceed quota for PolicySize: 10', path: '', hint: `The scp policy is ${size} bytes (bytes, whitespace included); split it or remove statements.` },
    ]);
  });
});
