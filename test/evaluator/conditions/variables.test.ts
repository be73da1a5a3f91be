import { describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import {
  compileTemplate, renderTemplate, resolvePattern, resolveTemplate, templateHasVariables, templateProblems,
} from '../../../src/evaluator/variables.js';
import { globMatch } from '../../../src/evaluator/values/glob.js';

const ctx = buildRequestContext({
  'aws:username': 'alice',
  'aws:PrincipalTag/Team': 'blue',
  's3:prefix': '',
  'aws:TagKeys': ['a', 'b'],
  'k:one': ['only'],
  'aws:userid': 'a*',
});

describe('policy variables [sheet §3.5]', () => {
  const cases: [string, string | null][] = [
    ['home/${aws:username}/*', 'home/alice/*'],
    ['${AWS:UserName}', 'alice'],
    ['${aws:principaltag/team}', 'blue'],
    ['${aws:PrincipalTag/TEAM}', 'blue'],
    ['x${s3:prefix}y', 'xy'],
    ['${aws:missing}', null],
    ["${aws:missing, 'dflt'}", 'dflt'],
    ["${aws:username, 'dflt'}", 'alice'],
    ["${aws:PrincipalTag/nope, 'company-wide'}", 'company-wide'],
    ['${aws:TagKeys}', null],
    ["${aws:TagKeys, 'd'}", 'd'],
    ['${k:one}', 'only'],
    ['a${*}b${?}c${$}', 'a*b?c$'],
    ['no variables', 'no variables'],
    ['${unterminated', '${unterminated'],
    ['$ {aws:username}', '$ {aws:username}'],
  ];
  it.each(cases)('%j -> %j', (text, want) => expect(resolveTemplate(compileTemplate(text, true), ctx)).toBe(want));

  it('is literal under Version 2008-10-17 or no Version', () => {
    const t = compileTemplate('home/${aws:username}', false);
    expect(resolveTemplate(t, ctx)).toBe('home/${aws:username}');
    expect(templateHasVariables(t)).toBe(false);
  });

  it('renders an unresolved variable as its source text for traces', () => {
    expect(renderTemplate(compileTemplate('u/${aws:missing}/${aws:username}', true), ctx)).toBe('u/${aws:missing}/alice');
  });

  it('knows which templates have variables (escapes alone do not count)', () => {
    expect(templateHasVariables(compileTemplate('${aws:username}', true))).toBe(true);
    expect(templateHasVariables(compileTemplate('${*}', true))).toBe(false);
    expect(templateHasVariables(compileTemplate('plain', true))).toBe(false);
  });

  const problems: [string, number][] = [
    ['${aws:username}', 0], ["${aws:username, 'x'}", 0], ['${*}${?}${$}', 0], ['plain', 0],
    ['${}', 1], ['${aws:username', 1], ["${aws:username, x}", 1], ["${a, 'b', 'c'}", 1], ['${${x}}', 1],
  ];
  it.each(problems)('templateProblems(%j) has %i problem(s)', (text, n) => expect(templateProblems(text)).toHaveLength(n));
});

describe('resolvePattern: only policy-text wildcards are wildcards [sheet §3.5]', () => {
  const cases: [string, string, boolean][] = [
    ['home/${aws:username}/*', 'home/alice/docs', true],
    ['home/${aws:username}/*', 'home/bob/docs', false],
    ['id/${aws:userid}', 'id/a*', true],
    ['id/${aws:userid}', 'id/abc', false],
    ['star${*}', 'star*', true],
    ['star${*}', 'starX', false],
    ['q${?}', 'q?', true],
    ['q${?}', 'qX', false],
    ["${aws:missing, '*'}", 'anything', false],
    ["${aws:missing, '*'}", '*', true],
    ['a*', 'abc', true],
  ];
  it.each(cases)('%j ~ %j: %s', (text, value, want) => {
    const g = resolvePattern(compileTemplate(text, true), ctx);
    expect(g).not.toBeNull();
    expect(globMatch(g!, value)).toBe(want);
  });
  it('is null (matches nothing) when a variable is unresolved', () => {
    expect(resolvePattern(compileTemplate('home/${aws:missing}/*', true), ctx)).toBeNull();
  });
  it('returns the same precompiled glob for literal templates (no allocation)', () => {
    const t = compileTemplate('arn:aws:s3:::b/*', true);
    expect(resolvePattern(t, ctx)).toBe(resolvePattern(t, ctx));
  });
});

describe('request context [sheet §3.1]', () => {
  it('lowercases keys once, including tag-key suffixes', () => {
    const c = buildRequestContext({ 'AWS:ResourceTag/TagKey1': 'v' });
    expect(c.get('aws:resourcetag/tagkey1')).toBe('v');
    expect(c.has('AWS:ResourceTag/TagKey1')).toBe(false);
  });
  it('merges keys differing only in case into a multivalued key', () => {
    const c = buildRequestContext({ 'aws:TagKeys': ['a'], 'AWS:TAGKEYS': 'b' });
    expect(c.get('aws:tagkeys')).toEqual(['a', 'b']);
  });
});

describe('request context from unvalidated JSON never breaks evaluation', () => {
  it('turns numbers and booleans into text, drops objects and nulls', () => {
    const c = buildRequestContext({ 'k:n': 5, 'k:b': true, 'k:o': { a: 1 }, 'k:z': null, 'k:l': ['a', 1, null, false] } as unknown as Record<string, string>);
    expect(c.get('k:n')).toBe('5');
    expect(c.get('k:b')).toBe('true');
    expect(c.has('k:o')).toBe(false);
    expect(c.has('k:z')).toBe(false);
    expect(c.get('k:l')).toEqual(['a', '1', 'false']);
  });
});

describe('contexts from frozen inputs are built once', () => {
  it('returns the same context for the same deeply frozen input, a fresh one otherwise', () => {
    const frozen = Object.freeze({ 'aws:TagKeys': Object.freeze(['a', 'b']), 'aws:username': 'alice' });
    expect(buildRequestContext(frozen)).toBe(buildRequestContext(frozen));
    const shallow = Object.freeze({ 'aws:TagKeys': ['a', 'b'] });
    expect(buildRequestContext(shallow)).not.toBe(buildRequestContext(shallow));
    const plain = { 'aws:username': 'alice' };
    expect(buildRequestContext(plain)).not.toBe(buildRequestContext(plain));
    expect(buildRequestContext(frozen).get('aws:username')).toBe('alice');
  });
});

describe('templates inside frozen (immer) state still resolve', () => {
  it('substitutes without remembering when the template memo is frozen', () => {
    const deepFreeze = (o: unknown): void => {
      if (typeof o !== 'object' || o === null || ArrayBuffer.isView(o) || Object.isFrozen(o)) return;
      Object.freeze(o);
      for (const v of Object.values(o)) deepFreeze(v);
    };
    const t = compileTemplate('home/${aws:username}/*', true);
    deepFreeze(t);
    expect(resolveTemplate(t, ctx)).toBe('home/alice/*');
    expect(resolveTemplate(t, buildRequestContext({ 'aws:username': 'bob' }))).toBe('home/bob/*');
    expect(globMatch(resolvePattern(t, ctx)!, 'home/alice/x')).toBe(true);
  });
});

describe('variable syntax parsing is linear (no backtracking regex)', () => {
  it('reports one problem for a long run of spaces before a bad character', () => {
    const text = `\${a${' '.repeat(20_000)}'}`;
    expect(templateProblems(text)).toHaveLength(1);
  });
  it.each([
    ["${ aws:username }", 'alice'], ["${aws:username,'x'}", 'alice'], ["${aws:nope ,  'x' }", 'x'], ["${aws:nope, ''}", ''],
  ])('%j -> %j', (text, want) => expect(resolveTemplate(compileTemplate(text, true), ctx)).toBe(want));
});
