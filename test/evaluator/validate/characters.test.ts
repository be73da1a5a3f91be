import { describe, expect, it } from 'vitest';
import { characterProblems } from '../../../src/evaluator/validate/characters.js';

const HINT = 'Policy documents may contain only tab, LF, CR and characters U+0020 to U+00FF.';
const bad = (path: string, char: string) => ({ code: 'invalid-character', severity: 'error', message: `Syntax errors in policy. Character ${char} is not allowed in a policy document.`, path, hint: HINT });

// Source: [D-2023 reference_iam-quotas.html]: TAB, LF, CR and U+0020–U+00FF.
describe('characterProblems', () => {
  it('accepts tab, LF, CR and U+0020 to U+00FF', () => {
    expect(characterProblems({ a: '\t\n\r', b: ' ~\u007f\u0080\u00e9\u00ff', '\u00ff ': ['x'] })).toEqual([]);
  });

  it('rejects the control characters below U+0020 other than tab, LF and CR, and anything above U+00FF', () => {
    expect(characterProblems('\u0000')).toEqual([bad('', 'U+0000')]);
    expect(characterProblems('\u0008')).toEqual([bad('', 'U+0008')]);
    expect(characterProblems('\u000b')).toEqual([bad('', 'U+000B')]);
    expect(characterProblems('\u001f')).toEqual([bad('', 'U+001F')]);
    expect(characterProblems('\u0100')).toEqual([bad('', 'U+0100')]);
    expect(characterProblems('ok \u4e2d')).toEqual([bad('', 'U+4E2D')]);
    expect(characterProblems('\ufffd')).toEqual([bad('', 'U+FFFD')]);
  });

  it('reports the first bad character of a string once', () => {
    expect(characterProblems({ s: 'a\u2028b\u0001' })).toEqual([bad('/s', 'U+2028')]);
  });

  it('reports each bad key and value with its JSON pointer, in document order', () => {
    const doc = { Statement: [{ Sid: 'ok' }, { Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::\u4e2d'], Condition: { 'a/\u0101~': 'x\u0001' } }] };
    expect(characterProblems(doc)).toEqual([bad('/Statement/1/Resource/1', 'U+4E2D'), bad('/Statement/1/Condition/a~1\u0101~0', 'U+0101'), bad('/Statement/1/Condition/a~1\u0101~0', 'U+0001')]);
  });

  it('ignores numbers, booleans and null', () => {
    expect(characterProblems({ a: 1, b: true, c: null, d: [null, 2] })).toEqual([]);
  });

  it('looks 64 levels deep and no deeper', () => {
    const nest = (depth: number): unknown => (depth === 0 ? '\u0001' : [nest(depth - 1)]);
    expect(characterProblems(nest(64))).toEqual([bad(`/0`.repeat(64), 'U+0001')]);
    expect(characterProblems(nest(65))).toEqual([]);
  });
});
