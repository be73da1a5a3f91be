import { describe, expect, it } from 'vitest';
import { loadConfig, suppressionActive } from '../../../src/checks/config.js';

const problems = (text: string, opts?: Parameters<typeof loadConfig>[2]) => {
  const r = loadConfig(text, 'c.yaml', opts);
  if (r.ok) throw new Error(`expected problems for ${JSON.stringify(text)}`);
  return r.error;
};

describe('loadConfig: what a user sees for a bad config file', () => {
  it('accepts an empty file as an empty config', () => {
    expect(loadConfig('', 'c.yaml')).toEqual({ ok: true, value: {} });
  });

  it('returns a valid config as parsed', () => {
    const text = 'preset: cis\nfailOn: high\nchecks:\n  a:\n    enabled: false\n    severity: low\n    options: { n: 3 }\nsuppressions:\n  - check: a\n    tag: owner\n    reason: r\n    expires: 2026-12-31\n';
    expect(loadConfig(text, 'c.yaml')).toEqual({
      ok: true,
      value: {
        preset: 'cis', failOn: 'high', checks: { a: { enabled: false, severity: 'low', options: { n: 3 } } },
        suppressions: [{ check: 'a', tag: 'owner', reason: 'r', expires: '2026-12-31' }],
      },
    });
  });

  it('reports YAML syntax errors with the position and a syntax hint', () => {
    expect(problems('a: [\n')).toEqual([{
      code: 'yaml-syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
      path: '', file: 'c.yaml', line: 2, col: 1, hint: 'fix the YAML syntax (indentation, quotes, colons)',
    }]);
  });

  it('reports an alias to an anchor not defined before it as a problem at the alias, not a crash', () => {
    expect(problems('checks:\n  a: &ok {}\n  b: *ok\n  c: *later\n  d: &later {}\n')).toEqual([{
      code: 'yaml-syntax', message: 'Unresolved alias (the anchor must be set before the alias): later', path: '', file: 'c.yaml', line: 4, col: 6,
      hint: 'define the anchor (&name) before the alias (*name) that refers to it',
    }]);
  });

  it('reports an alias expansion that is too large as a problem, not a crash', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(problems(`${lines.join('\n')}\n`)).toEqual([{
      code: 'yaml-syntax', message: 'Excessive alias count indicates a resource exhaustion attack', path: '', file: 'c.yaml', line: 1, col: 1,
      hint: 'write the values out instead of nesting aliases',
    }]);
  });

  it('points into the right list item and map entry when indexes and keys contain digits', () => {
    const sups = Array.from({ length: 11 }, (_, i) => `  - check: c${i}\n    tag: t\n    reason: r${i === 10 ? '\n    colour: red' : ''}`).join('\n');
    expect(problems(`suppressions:\n${sups}\n`).map((e) => [e.path, e.line, e.col])).toEqual([['/suppressions/10', 35, 5]]);
    expect(problems('checks:\n  v2:\n    bogus: 1\n  2fa:\n    bogus: 1\n').map((e) => [e.path, e.line, e.col])).toEqual([['/checks/v2', 3, 5], ['/checks/2fa', 5, 5]]);
  });

  it('names an unknown top-level property at / and points at its key', () => {
    expect(problems('preset: cis\nfoo: 1\n')).toEqual([{
      code: 'config-additionalProperties', message: "unknown property 'foo' at /", path: '', file: 'c.yaml', line: 2, col: 1,
      hint: "remove 'foo' or check its spelling; allowed here: see schemas/config.schema.json",
    }]);
  });

  it('points at the misspelt key inside a check, and at a wrongly typed value, reporting both', () => {
    expect(problems('checks:\n  a:\n    enabled: yes-please\n    colour: red\n')).toEqual([
      {
        code: 'config-additionalProperties', message: "unknown property 'colour' at /checks/a", path: '/checks/a', file: 'c.yaml', line: 4, col: 5,
        hint: "remove 'colour' or check its spelling; allowed here: see schemas/config.schema.json",
      },
      { code: 'config-type', message: '/checks/a/enabled must be boolean', path: '/checks/a/enabled', file: 'c.yaml', line: 3, col: 14 },
    ]);
  });

  it('finds the node of a check id containing / and ~ (JSON pointer escapes)', () => {
    expect(problems('checks:\n  "a/b~c":\n    bogus: 1\n')).toEqual([{
      code: 'config-additionalProperties', message: "unknown property 'bogus' at /checks/a~1b~0c", path: '/checks/a~1b~0c', file: 'c.yaml', line: 3, col: 5,
      hint: "remove 'bogus' or check its spelling; allowed here: see schemas/config.schema.json",
    }]);
  });

  it('lists the allowed values of an enum, for preset and failOn', () => {
    expect(problems('preset: nope\n')).toEqual([{
      code: 'config-enum', message: '/preset must be equal to one of the allowed values', path: '/preset', file: 'c.yaml', line: 1, col: 9, hint: 'use one of: default, cis',
    }]);
    expect(problems('\nfailOn: huge\n')).toEqual([{
      code: 'config-enum', message: '/failOn must be equal to one of the allowed values', path: '/failOn', file: 'c.yaml', line: 2, col: 9, hint: 'use one of: low, medium, high, critical',
    }]);
  });

  it('reports a config that is not a mapping at /, at the start of the file, with no hint', () => {
    expect(problems('- 1\n- 2\n')).toEqual([{ code: 'config-type', message: '/ must be object', path: '', file: 'c.yaml', line: 1, col: 1 }]);
  });

  it('says a suppression needs a resource or a tag, once, instead of the raw anyOf branches', () => {
    expect(problems('suppressions:\n  - check: x\n    reason: r\n')).toEqual([{
      code: 'config-anyOf', message: '/suppressions/0 names neither a resource nor a tag', path: '/suppressions/0', file: 'c.yaml', line: 2, col: 5,
      hint: "a suppression needs 'resource' (an ARN glob) or 'tag' (key or key=value)",
    }]);
  });

  it('says an expiry is not a date or instant, once, pointing at the value', () => {
    expect(problems('suppressions:\n  - check: x\n    resource: "*"\n    reason: r\n    expires: tomorrow\n')).toEqual([{
      code: 'config-anyOf', message: '/suppressions/0/expires is not a date or instant', path: '/suppressions/0/expires', file: 'c.yaml', line: 5, col: 14,
      hint: 'write a date like 2026-12-31 or an instant like 2026-12-31T00:00:00Z',
    }]);
  });

  it('asks for each missing required property of a suppression', () => {
    expect(problems('suppressions:\n  - resource: "*"\n')).toEqual([
      { code: 'config-required', message: "/suppressions/0 must have required property 'check'", path: '/suppressions/0', file: 'c.yaml', line: 2, col: 5, hint: "add 'check'" },
      { code: 'config-required', message: "/suppressions/0 must have required property 'reason'", path: '/suppressions/0', file: 'c.yaml', line: 2, col: 5, hint: "add 'reason'" },
    ]);
  });

  it('reports an empty check id without a hint', () => {
    expect(problems('suppressions:\n  - check: ""\n    resource: "*"\n    reason: r\n')).toEqual([{
      code: 'config-minLength', message: '/suppressions/0/check must NOT have fewer than 1 characters', path: '/suppressions/0/check', file: 'c.yaml', line: 2, col: 12,
    }]);
  });
});

describe('loadConfig: check ids and check options', () => {
  const checkIds = ['unused-access-key', 'root-mfa-missing'];

  it('flags unknown check ids in checks and suppressions, suggesting a close id, and lets * through', () => {
    const text = 'checks:\n  unused-acess-key: {}\n  zzzzzzzzzz: {}\n  root-mfa-missing: {}\nsuppressions:\n  - check: "*"\n    resource: x\n    reason: r\n  - check: root-mfa\n    tag: t\n    reason: r\n  - check: unused-access-key\n    tag: t\n    reason: r\n';
    expect(problems(text, { checkIds })).toEqual([
      { code: 'config-unknown-check', message: "unknown check 'unused-acess-key'", path: '/checks/unused-acess-key', file: 'c.yaml', line: 2, col: 3, hint: "did you mean 'unused-access-key'?" },
      { code: 'config-unknown-check', message: "unknown check 'zzzzzzzzzz'", path: '/checks/zzzzzzzzzz', file: 'c.yaml', line: 3, col: 3, hint: 'run `iamsim checks` to list the check ids' },
      { code: 'config-unknown-check', message: "unknown check 'root-mfa'", path: '/suppressions/1/check', file: 'c.yaml', line: 9, col: 12, hint: 'run `iamsim checks` to list the check ids' },
    ]);
  });

  it('accepts known check ids', () => {
    const text = 'checks:\n  root-mfa-missing: {}\nsuppressions:\n  - check: unused-access-key\n    tag: t\n    reason: r\n';
    expect(loadConfig(text, 'c.yaml', { checkIds }).ok).toBe(true);
  });

  it('does not check ids when no list is given', () => {
    expect(loadConfig('checks:\n  anything: {}\n', 'c.yaml').ok).toBe(true);
  });

  it('reports each option problem at the options node of its check, and skips checks without options', () => {
    const seen: [string, unknown][] = [];
    const optionProblems = (id: string, options: Readonly<Record<string, unknown>>) => {
      seen.push([id, options]);
      return id === 'b' ? ['unusedDays must be >= 1', 'unknown option x'] : [];
    };
    const text = 'checks:\n  a:\n    enabled: true\n  c:\n    options: { n: 1 }\n  b:\n    severity: low\n    options:\n      unusedDays: 0\n';
    expect(problems(text, { optionProblems })).toEqual([
      { code: 'config-options', message: 'unusedDays must be >= 1', path: '/checks/b/options', file: 'c.yaml', line: 9, col: 7, hint: "run `iamsim checks --format json` to see each check's options and defaults" },
      { code: 'config-options', message: 'unknown option x', path: '/checks/b/options', file: 'c.yaml', line: 9, col: 7, hint: "run `iamsim checks --format json` to see each check's options and defaults" },
    ]);
    expect(seen).toEqual([['c', { n: 1 }], ['b', { unusedDays: 0 }]]);
  });

  it('accepts options that have no problems', () => {
    expect(loadConfig('checks:\n  a:\n    options: { n: 1 }\n', 'c.yaml', { optionProblems: () => [] })).toEqual({ ok: true, value: { checks: { a: { options: { n: 1 } } } } });
  });
});

describe('suppressionActive', () => {
  const s = { check: 'a', resource: '*', reason: 'r' };
  it('applies forever without an expiry', () => {
    expect(suppressionActive(s, '2999-01-01T00:00:00Z')).toBe(true);
  });
  it('applies until the last millisecond of an expiry date, UTC', () => {
    expect(suppressionActive({ ...s, expires: '2026-12-31' }, '2026-12-31T23:59:59.999Z')).toBe(true);
    expect(suppressionActive({ ...s, expires: '2026-12-31' }, '2027-01-01T00:00:00.000Z')).toBe(false);
  });
  it('applies up to and including an expiry instant', () => {
    expect(suppressionActive({ ...s, expires: '2026-12-31T12:00:00Z' }, '2026-12-31T12:00:00Z')).toBe(true);
    expect(suppressionActive({ ...s, expires: '2026-12-31T12:00:00Z' }, '2026-12-31T12:00:00.001Z')).toBe(false);
  });
  it('reads only a plain YYYY-MM-DD as a whole day, not an expanded year', () => {
    expect(suppressionActive({ ...s, expires: '+002026-12-31' }, '2026-12-31T12:00:00Z')).toBe(false);
  });
  it('treats a date with a time as an instant, not as the whole day', () => {
    expect(suppressionActive({ ...s, expires: '2026-12-31T00:00:00Z' }, '2026-12-31T01:00:00Z')).toBe(false);
  });
});
