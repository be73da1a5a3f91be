import { describe, expect, it } from 'vitest';
import { duplicateKeyProblems } from '../../../src/evaluator/validate/duplicate-keys.js';

// Source: sheet §6.1 "An element must not contain the same key twice"; only keys of objects count.
describe('duplicateKeyProblems: strings in arrays', () => {
  it('does not take equal strings after closed objects in an array for keys', () => {
    expect(duplicateKeyProblems('[{},"x",{},"x"]')).toEqual([]);
    expect(duplicateKeyProblems('{"Statement":[{"Sid":"A"},"Sid",{"Sid":"B"},"Sid"]}')).toEqual([]);
  });

  it('does not take equal strings after closed arrays in an array for keys', () => {
    expect(duplicateKeyProblems('[[],"x",[],"x"]')).toEqual([]);
  });

  it('skips escaped quotes inside keys and values', () => {
    expect(duplicateKeyProblems('{"a\\"b":"c\\"","a\\"b":1}').map((p) => p.path)).toEqual(['/a"b']);
  });
});
