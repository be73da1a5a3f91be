import { describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../src/evaluator/context.js';
import {
  compileTemplate, renderTemplate, resolvePattern, resolveTemplate, templateHasVariables, templateProblems,
} from '../../src/evaluator/variables.js';
import { compileGlob, globMatch } from '../../src/evaluator/values/glob.js';

// Edge cases of policy variables [sheet §3.5]: the syntax accepted inside `${…}`, the problems reported for the rest,
// the compiled form, and which `*`/`?` stay wildcards after substitution.

const ctx = buildRequestContext({
  'aws:username': 'alice',
  'aws:PrincipalTag/Team': 'blue',
  'aws:userid': 'a*',
  'k:q': 'x?',
});

const resolve = (text: string, c = ctx): string | null => resolveTemplate(compileTemplate(text, true), c);

describe('variable syntax', () => {
  it('takes a default that contains a closing brace inside its quotes', () => {
    expect(resolve("${aws:missing, 'a}b'}")).toBe('a}b');
    expect(resolve("x/${aws:missing, '}'}/y")).toBe('x/}/y');
    expect(templateProblems("${aws:missing, 'a}b'}")).toEqual([]);
  });

  it.each([
    ['tab', '\t'], ['newline', '\n'], ['carriage return', '\r'], ['space', ' '],
  ])('allows a %s around the key and before the default', (_name, ws) => {
    expect(resolve(`\${${ws}aws:username${ws}}`)).toBe('alice');
    expect(resolve(`\${${ws}aws:missing${ws},${ws}'d'${ws}}`)).toBe('d');
  });


  it.each([
    ["${a'b'}", "a quote inside the key"],
    ['${a{b}', 'an opening brace inside the key'],
    ['${a$b}', 'a dollar inside the key'],
    ["${a$'x'}", 'a default not introduced by a comma'],
    ["${a{'x'}", 'a default after a brace'],
  ])('reports %j as malformed (%s) and keeps it literal', (text) => {
    expect(templateProblems(text)).toEqual([`Malformed policy variable ${text}: expected \${key} or \${key, 'default'}`]);
    expect(resolve(text)).toBe(text);
  });

  it('reports an unterminated variable with its character offset', () => {
    expect(templateProblems('${unterminated')).toEqual(['Unterminated policy variable at character 0: "${" without a closing "}"']);
    expect(templateProblems('ab${x')).toEqual(['Unterminated policy variable at character 2: "${" without a closing "}"']);
  });

  it('reports every malformed variable and still substitutes the well-formed ones', () => {
    const text = 'pre${}mid${aws:username}/${a b c, x}end';
    expect(templateProblems(text)).toEqual([
      "Malformed policy variable ${}: expected ${key} or ${key, 'default'}",
      "Malformed policy variable ${a b c, x}: expected ${key} or ${key, 'default'}",
    ]);
    expect(resolve(text)).toBe('pre${}midalice/${a b c, x}end');
  });

  it('compiles a malformed variable without throwing, as literal text', () => {
    const t = compileTemplate("${a, x}", true);
    expect(t).toEqual({ kind: 'literal', text: "${a, x}", glob: compileGlob("${a, x}") });
  });

  it('has no problems in text without ${', () => {
    expect(templateProblems('a}b{c$d')).toEqual([]);
  });
});

describe('the compiled form', () => {
  it('is literal for text without variables, for empty text and for text whose only ${ is malformed', () => {
    for (const text of ['', 'plain', '${unterminated', '${}']) {
      expect(compileTemplate(text, true)).toEqual({ kind: 'literal', text, glob: compileGlob(text) });
    }
  });

  it('splits text, escapes and variables into parts without empty text parts', () => {
    const t = compileTemplate("${aws:username}a${*}${AWS:X, 'd'}", true);
    expect(t).toEqual({
      kind: 'parts',
      text: "${aws:username}a${*}${AWS:X, 'd'}",
      parts: [
        { kind: 'var', key: 'aws:username', fallback: null, source: '${aws:username}' },
        { kind: 'text', text: 'a' },
        { kind: 'escape', text: '*' },
        { kind: 'var', key: 'aws:x', fallback: 'd', source: "${AWS:X, 'd'}" },
      ],
      hasVariables: true,
      vars: [
        { kind: 'var', key: 'aws:username', fallback: null, source: '${aws:username}' },
        { kind: 'var', key: 'aws:x', fallback: 'd', source: "${AWS:X, 'd'}" },
      ],
      memo: { values: null, text: undefined, glob: undefined },
    });
    expect(templateHasVariables(t)).toBe(true);
  });

  it('keeps trailing text after the last variable as one part', () => {
    const t = compileTemplate('${?}tail', true);
    expect(t.kind === 'parts' ? t.parts : null).toEqual([{ kind: 'escape', text: '?' }, { kind: 'text', text: 'tail' }]);
  });
});

describe('substituting several variables', () => {
  it('substitutes each variable in order', () => {
    expect(resolve('a/${aws:username}/${aws:PrincipalTag/Team}/${aws:username}')).toBe('a/alice/blue/alice');
    expect(renderTemplate(compileTemplate('${aws:PrincipalTag/Team}-${aws:username}', true), ctx)).toBe('blue-alice');
  });

  it('is null when any one of them is unresolved', () => {
    expect(resolve('${aws:username}/${aws:missing}')).toBeNull();
    expect(resolve('${aws:missing}/${aws:username}')).toBeNull();
  });

  it('follows the values of each request, also when the same template is used again', () => {
    const t = compileTemplate('home/${aws:username}/${aws:PrincipalTag/Team}', true);
    const bob = buildRequestContext({ 'aws:username': 'bob', 'aws:PrincipalTag/Team': 'blue' });
    const red = buildRequestContext({ 'aws:username': 'bob', 'aws:PrincipalTag/Team': 'red' });
    expect(resolveTemplate(t, ctx)).toBe('home/alice/blue');
    expect(resolveTemplate(t, ctx)).toBe('home/alice/blue');
    expect(resolveTemplate(t, bob)).toBe('home/bob/blue');
    expect(resolveTemplate(t, red)).toBe('home/bob/red');
    expect(resolveTemplate(t, buildRequestContext({ 'aws:username': 'bob' }))).toBeNull();
    expect(resolveTemplate(t, ctx)).toBe('home/alice/blue');
    expect(globMatch(resolvePattern(t, red)!, 'home/bob/red')).toBe(true);
    expect(globMatch(resolvePattern(t, ctx)!, 'home/bob/red')).toBe(false);
  });

  it('reuses the pattern built for the same values, and builds a new one when they change', () => {
    const t = compileTemplate('home/${aws:username}/*', true);
    const first = resolvePattern(t, ctx);
    expect(resolvePattern(t, buildRequestContext({ 'aws:username': 'alice' }))).toBe(first);
    const bob = resolvePattern(t, buildRequestContext({ 'aws:username': 'bob' }));
    expect(bob).not.toBe(first);
    expect(globMatch(bob!, 'home/bob/x')).toBe(true);
    expect(globMatch(bob!, 'home/alice/x')).toBe(false);
  });
});

describe('resolvePattern: which * and ? are wildcards', () => {
  it('compiles to the plain glob of the text when no value brings a * or ?', () => {
    expect(resolvePattern(compileTemplate('home/${aws:username}/*', true), ctx)).toEqual(compileGlob('home/alice/*'));
    expect(resolvePattern(compileTemplate('h?/${aws:username}', true), ctx)).toEqual(compileGlob('h?/alice'));
  });

  const cases: [string, string, boolean][] = [
    // policy text wildcards after a value containing `*`
    ['${aws:userid}/*', 'a*/anything', true],
    ['${aws:userid}/*', 'a*/', true],
    ['${aws:userid}/*', 'ab/x', false],
    ['${aws:userid}/*', 'a*x', false],
    // and before it
    ['h?/*/${aws:userid}', 'hX/deep/path/a*', true],
    ['h?/*/${aws:userid}', 'hX/deep/path/ab', false],
    ['h?/*/${aws:userid}', 'h/deep/a*', false],
    // a value containing `?` is literal; the text's `?` is a wildcard
    ['${k:q}?', 'x?Z', true],
    ['${k:q}?', 'xYZ', false],
    ['${k:q}?', 'x?', false],
    // two variables that both bring wildcards, with policy wildcards between them
    ['${aws:userid}*${k:q}', 'a*---x?', true],
    ['${aws:userid}*${k:q}', 'a*---xY', false],
    ['${aws:userid}*${k:q}', 'ab---x?', false],
    // an escape, then a wildcard
    ['${*}-*', '*-abc', true],
    ['${*}-*', 'x-abc', false],
  ];
  it.each(cases)('%j ~ %j: %s', (text, value, want) => {
    const g = resolvePattern(compileTemplate(text, true), ctx);
    expect(globMatch(g!, value)).toBe(want);
  });
});
