import { describe, expect, it } from 'vitest';
import { arnGlobMatch, compileArnPattern } from '../../../src/evaluator/values/arn.js';
import { compileGlob, globWithMask, type Glob } from '../../../src/evaluator/values/glob.js';

/** A glob whose `*` and `?` are wildcards except at the indexes listed (literal, as after variable substitution [sheet §3.5]). */
function withLiterals(text: string, ...literal: number[]): Glob {
  const mask = new Uint8Array(text.length).fill(1);
  for (const i of literal) mask[i] = 0;
  return globWithMask(text, mask);
}

const arnLike = (pattern: string, value: string): boolean => arnGlobMatch(compileGlob(pattern), value);

describe('ArnLike splits pattern and value at their first five colons [sheet §2.2, §3.3]', () => {
  it('a literal segment must be followed by the colon, not by any other character', () => {
    expect(arnLike('arn:aws:s3:::b', 'arn:aws:s3:::b')).toBe(true);
    expect(arnLike('arn:aws:s3:::b', 'arn:aws!s3:::b')).toBe(false);
    expect(arnLike('arn:aws:s3:::b', 'arn:awsX:s3:::b')).toBe(false);
    expect(arnLike('arn:aws:s3:::b', 'arn:aws:s3:::b2')).toBe(false);
  });

  it('a wildcard segment covers exactly one part of the value', () => {
    expect(arnLike('arn:*:*:*:*:*', 'arn:aws:s3:::b')).toBe(true);
    expect(arnLike('arn:*:*:*:*:*', 'arn:aws')).toBe(false);
    expect(arnLike('arn:*:*:*:*:*', 'arn:aws:s3:::')).toBe(true);
    expect(arnLike('arn:aws:s?:*:*:*', 'arn:aws:sqs:us-east-1:1:q')).toBe(false);
    expect(arnLike('arn:aws:s?:*:*:*', 'arn:aws:s3:::b')).toBe(true);
  });

  it('colons at the very start of the pattern and the value are segment boundaries too', () => {
    expect(arnLike('*:*:*:*:*:*', 'arn:aws:s3:::b')).toBe(true);
    expect(arnLike('*:*:*:*:*:*', ':b:c:d:e:f')).toBe(true);
    expect(arnLike(':::::', ':::::')).toBe(true);
    expect(arnLike(':::::', 'a:::::')).toBe(false);
    expect(arnLike('a:b:c:d:e:f', 'a:b:c:d:e:f')).toBe(true);
  });

  it('compiles a six-part pattern into six segment globs, the last holding any further colons', () => {
    const p = compileArnPattern(compileGlob('arn:aws:logs:*:1:log-group:x:*'));
    expect(p.segments.map((g) => g.text)).toEqual(['arn', 'aws', 'logs', '*', '1', 'log-group:x:*']);
  });
});

describe('ArnLike short patterns [sheet §2.2]', () => {
  it('a short pattern ending in `*` acts as if its missing segments were `*`: the value still needs six parts', () => {
    expect(arnLike('arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:1:q')).toBe(true);
    expect(arnLike('arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:q')).toBe(false);
    expect(arnLike('arn:aws:*', 'arn:aws:sqs:us-east-1:1:q')).toBe(true);
    expect(arnLike('arn:aws:*', 'arn:aws:sqs:q')).toBe(false);
    expect(arnLike('arn:aws:*', 'arn:aws:sqs:us-east-1:q')).toBe(false);
  });

  it('a bare `*` matches any six-part value, even one whose parts are empty, and nothing shorter', () => {
    expect(arnLike('*', ':::::')).toBe(true);
    expect(arnLike('*', '::::')).toBe(false);
    expect(arnLike('*', 'arn:aws:s3:::b:c')).toBe(true);
  });

  it('a short pattern not ending in `*` never matches', () => {
    expect(arnLike('arn:aws:sqs', 'arn:aws:sqs:us-east-1:1:q')).toBe(false);
    expect(arnLike('', ':::::')).toBe(false);
    expect(compileArnPattern(compileGlob('arn:aws:sqs:?')).segments).toEqual([]);
  });
});

describe('ArnLike with literal `*` and `?` from policy variables [sheet §3.5]', () => {
  it('a literal `*` at the end of a short pattern does not stand for the missing segments', () => {
    expect(arnGlobMatch(withLiterals('arn:aws:sqs:*', 12), 'arn:aws:sqs:us-east-1:1:q')).toBe(false);
    expect(arnGlobMatch(withLiterals('arn:aws:sqs:*', 12), 'arn:aws:sqs:*:1:q')).toBe(false);
    expect(arnGlobMatch(withLiterals('arn:aws:sqs:*'), 'arn:aws:sqs:us-east-1:1:q')).toBe(true);
    expect(arnGlobMatch(withLiterals('*', 0), ':::::')).toBe(false);
  });

  it('each segment keeps its own part of the mask', () => {
    const p = withLiterals('arn:aws:s3:::a*b?', 14, 16);
    expect(arnGlobMatch(p, 'arn:aws:s3:::a*b?')).toBe(true);
    expect(arnGlobMatch(p, 'arn:aws:s3:::aXXbY')).toBe(false);
    const region = withLiterals('arn:aws:s3:u*:*:b', 12);
    expect(arnGlobMatch(region, 'arn:aws:s3:u*:1:b')).toBe(true);
    expect(arnGlobMatch(region, 'arn:aws:s3:us:1:b')).toBe(false);
  });
});
