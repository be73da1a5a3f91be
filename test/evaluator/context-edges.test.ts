import { describe, expect, it } from 'vitest';
import { buildRequestContext, contextLookup, contextView, lowerKey } from '../../src/evaluator/context.js';
import type { ContextValue } from '../../src/evaluator/types.js';

// Source: sheet §3.1 (condition keys are case-insensitive), §3.2/§3.4 (single- and multivalued keys, the null data set).
const entries = (m: ReadonlyMap<string, ContextValue>) => [...m.entries()];

describe('buildRequestContext', () => {
  it('lowercases keys and keeps string values and lists as given', () => {
    const list = ['a', 'b'];
    const ctx = buildRequestContext({ 'aws:SourceIp': '192.0.2.1', 'aws:TagKeys': list, 'AWS:PrincipalTag/Team': 'Blue' });
    expect(entries(ctx)).toEqual([
      ['aws:sourceip', '192.0.2.1'],
      ['aws:tagkeys', ['a', 'b']],
      ['aws:principaltag/team', 'Blue'],
    ]);
    expect(ctx.get('aws:tagkeys')).toBe(list);
  });

  it('writes numbers and booleans as text, and keeps only string, number and boolean list items', () => {
    const raw = { n: 3, b: false, l: ['x', 1, true, null, { a: 1 }, ['y']], o: { a: 1 }, z: null } as unknown as Record<string, ContextValue>;
    const ctx = buildRequestContext(raw);
    expect(entries(ctx)).toEqual([
      ['n', '3'],
      ['b', 'false'],
      ['l', ['x', '1', 'true']],
    ]);
    expect(Object.isFrozen(ctx.get('l'))).toBe(true);
  });

  it('merges keys that differ only in case into one multivalued key, in record order', () => {
    const ctx = buildRequestContext({ 'aws:TagKeys': 'a', 'AWS:TAGKEYS': ['b', 'c'], 'aws:tagkeys': 'd', other: 'o' });
    expect(entries(ctx)).toEqual([
      ['aws:tagkeys', ['a', 'b', 'c', 'd']],
      ['other', 'o'],
    ]);
    expect(Object.isFrozen(ctx.get('aws:tagkeys'))).toBe(true);
  });

  it('merges a list before a string too, and skips absent values while merging', () => {
    const raw = { K: ['a'], k: 'b', Skip: null, SKIP: 'x', kk: null } as unknown as Record<string, ContextValue>;
    expect(entries(buildRequestContext(raw))).toEqual([
      ['k', ['a', 'b']],
      ['skip', 'x'],
    ]);
  });

  it('reuses the context of a deeply frozen record, and rebuilds one whose lists can still change', () => {
    const frozen = Object.freeze({ a: Object.freeze(['x']), B: 'y' });
    expect(buildRequestContext(frozen)).toBe(buildRequestContext(frozen));
    const list = ['x'];
    const shallow = Object.freeze({ a: list });
    expect(buildRequestContext(shallow).get('a')).toEqual(['x']);
    list.push('y');
    expect(buildRequestContext(shallow).get('a')).toEqual(['x', 'y']);
    const open: Record<string, ContextValue> = { a: 'x' };
    expect(buildRequestContext(open)).not.toBe(buildRequestContext(open));
  });

  it('reuses the merged context of a deeply frozen record with keys differing in case', () => {
    const frozen = Object.freeze({ a: 'x', A: 'y' });
    const first = buildRequestContext(frozen);
    expect(entries(first)).toEqual([['a', ['x', 'y']]]);
    expect(buildRequestContext(frozen)).toBe(first);
  });
});

describe('contextView', () => {
  const records: Record<string, unknown>[] = [
    { 'aws:SourceIp': '192.0.2.1', 'aws:TagKeys': ['a', 'b'] },
    { n: 3, b: true, l: ['x', 2, null], o: { a: 1 }, z: null },
    { 'aws:TagKeys': 'a', 'AWS:TAGKEYS': ['b', 'c'], 'aws:tagkeys': 'd' },
    { K: null, k: 'only' },
    { K: null, k: null },
    { K: ['a'], k: ['b'] },
    {},
  ];

  it('reads every key as buildRequestContext would, case-insensitively', () => {
    for (const raw of records) {
      const built = buildRequestContext(raw as Record<string, ContextValue>);
      const view = contextView(raw);
      const keys = new Set([...Object.keys(raw).map((k) => k.toLowerCase()), 'missing']);
      for (const key of keys) expect(view.get(key), `${JSON.stringify(raw)} ${key}`).toEqual(built.get(key));
    }
  });

  it('gives exact values for merged and normalised keys', () => {
    expect(contextView({ 'aws:TagKeys': 'a', 'AWS:TAGKEYS': ['b', 'c'], 'aws:tagkeys': 'd' }).get('aws:tagkeys')).toEqual(['a', 'b', 'c', 'd']);
    expect(contextView({ K: null, k: 'only' }).get('k')).toBe('only');
    expect(contextView({ K: null, k: null }).get('k')).toBeUndefined();
    expect(contextView({ n: 3 }).get('n')).toBe('3');
    expect(contextView({ N: 3 }).get('N')).toBeUndefined();
  });

  it('reads records with the same key names in another order correctly', () => {
    expect(contextView({ a: '1', b: '2' }).get('a')).toBe('1');
    expect(contextView({ b: '2', a: '1' }).get('a')).toBe('1');
    expect(contextView({ b: '3', a: '4' }).get('b')).toBe('3');
    expect(contextView({ a: '5', c: '6' }).get('c')).toBe('6');
    expect(contextView({ a: '7' }).get('b')).toBeUndefined();
    expect(contextView({ a: '1', z: '2' }).get('a')).toBe('1');
    expect(contextView({ y: '3', z: '4' }).get('y')).toBe('3');
  });

  it('stays right across many different sets of key names', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        const raw = { [`Key${i}`]: `v${i}`, [`KEY${i}`]: `w${i}` };
        expect(contextView(raw).get(`key${i}`)).toEqual([`v${i}`, `w${i}`]);
      }
    }
  });
});

describe('contextLookup', () => {
  it('treats a missing key and an empty list as absent', () => {
    const ctx = buildRequestContext({ empty: [], one: ['x'], s: '' });
    expect(contextLookup(ctx, 'empty')).toBeUndefined();
    expect(contextLookup(ctx, 'missing')).toBeUndefined();
    expect(contextLookup(ctx, 'one')).toEqual(['x']);
    expect(contextLookup(ctx, 's')).toBe('');
  });
});

describe('lowerKey', () => {
  it('lowercases, also after many distinct names', () => {
    for (let i = 0; i < 5000; i++) expect(lowerKey(`Name${i}`)).toBe(`name${i}`);
    expect(lowerKey('AWS:SourceIp')).toBe('aws:sourceip');
  });
});
