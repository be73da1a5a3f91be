import { describe, expect, it } from 'vitest';
import { duplicateKeyProblems } from '../../../src/evaluator/validate/duplicate-keys.js';

const dup = (path: string, key: string) => ({
  code: 'duplicate-key',
  severity: 'error',
  message: `Syntax errors in policy. The key "${key}" appears twice in the same element.`,
  path,
  hint: 'Merge the two entries: JSON keeps only the last one, so the first is silently lost.',
});

// Source: sheet §6.1 "An element must not contain the same key twice"; JSON.parse keeps the last one silently.
describe('duplicateKeyProblems', () => {
  it('finds nothing in text without repeated keys', () => {
    expect(duplicateKeyProblems('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}')).toEqual([]);
  });

  it('does not take string values for keys', () => {
    expect(duplicateKeyProblems('{"a":"a","b":"a","c":["b","b"],"d":{"e":"d"}}')).toEqual([]);
  });

  it('reports the second occurrence of a top-level key', () => {
    expect(duplicateKeyProblems('{"Version":"2012-10-17","Statement":[],"Version":"2008-10-17"}')).toEqual([dup('/Version', 'Version')]);
  });

  it('reports every further occurrence', () => {
    expect(duplicateKeyProblems('{"a":1,"a":2,"a":3}')).toEqual([dup('/a', 'a'), dup('/a', 'a')]);
  });

  it('points into nested objects and counts array entries', () => {
    const text = '{"Statement":[{"Sid":"A"},{"Sid":"B","Sid":"C"}],"Condition":{"x":{"k":1,"k":2}}}';
    expect(duplicateKeyProblems(text)).toEqual([dup('/Statement/1/Sid', 'Sid'), dup('/Condition/x/k', 'k')]);
  });

  it('counts array entries of every kind, including nested arrays and objects', () => {
    const text = '[1, "s", [2, {"a":1}], {"b":1}, {"c":1, "c":2}]';
    expect(duplicateKeyProblems(text)).toEqual([dup('/4/c', 'c')]);
  });

  it('reads keys after a closed nested value as keys of the outer object', () => {
    expect(duplicateKeyProblems('{"a":{"x":1},"b":[1,2],"a":3}')).toEqual([dup('/a', 'a')]);
  });

  it('skips escaped quotes and structural characters inside strings', () => {
    const text = '{"k\\"ey":"v,{[\\"","x":"}]","k\\"ey":1}';
    expect(duplicateKeyProblems(text)).toEqual([dup('/k"ey', 'k"ey')]);
  });

  it('decodes escaped keys before comparing them and escapes the pointer', () => {
    expect(duplicateKeyProblems('{"a/b":1,"a\\/b":2,"~":3,"\\u007e":4}')).toEqual([dup('/a~1b', 'a/b'), dup('/~0', '~')]);
  });

  it('tolerates whitespace and newlines between tokens', () => {
    expect(duplicateKeyProblems('{\n  "a" : 1 ,\n  "a" : [ ]\n}')).toEqual([dup('/a', 'a')]);
  });
});
