import { describe, expect, it } from 'vitest';
import { jsonType, pointer } from '../../../src/evaluator/validate/pointer.js';

// Source: RFC 6901 (JSON pointer escapes).
describe('pointer', () => {
  it('appends a token, escaping every ~ as ~0 and every / as ~1', () => {
    expect(pointer('', 'Statement')).toBe('/Statement');
    expect(pointer('/Statement', 0)).toBe('/Statement/0');
    expect(pointer('/C', 's3:prefix/a/b')).toBe('/C/s3:prefix~1a~1b');
    expect(pointer('/C', '~a~b')).toBe('/C/~0a~0b');
    expect(pointer('', '~/')).toBe('/~0~1');
    expect(pointer('', '')).toBe('/');
  });
});

describe('jsonType', () => {
  it('names each JSON type the way messages use it', () => {
    expect([null, [], {}, 'x', 1, true, undefined].map(jsonType)).toEqual(['null', 'an array', 'an object', 'a string', 'a number', 'a boolean', 'undefined']);
  });
});
