import { describe, expect, it } from 'vitest';
import { buildRequestContext, contextView } from '../../src/evaluator/context.js';
import type { ContextValue } from '../../src/evaluator/types.js';

// Source: sheet §3.1 (condition keys are case-insensitive), §3.4 (multivalued keys).
const entries = (m: ReadonlyMap<string, ContextValue>) => [...m.entries()];

describe('buildRequestContext: records that can still change', () => {
  it('rebuilds the context of a frozen record whose list (normalised into a copy) can still change', () => {
    const list: unknown[] = ['x', 1];
    const shallow = Object.freeze({ a: list }) as unknown as Record<string, ContextValue>;
    expect(buildRequestContext(shallow).get('a')).toEqual(['x', '1']);
    list.push('y');
    expect(buildRequestContext(shallow).get('a')).toEqual(['x', '1', 'y']);
  });

  it('does not keep the context of a record that is frozen only later', () => {
    const list: unknown[] = ['x', 2];
    const record = { a: list } as unknown as Record<string, ContextValue>;
    expect(buildRequestContext(record).get('a')).toEqual(['x', '2']);
    list.push('z');
    Object.freeze(record);
    expect(buildRequestContext(record).get('a')).toEqual(['x', '2', 'z']);
  });

  it('reads a key literally named "undefined"', () => {
    expect(entries(buildRequestContext({ undefined: 'x' }))).toEqual([['undefined', 'x']]);
    expect(entries(buildRequestContext({ Undefined: 'x', b: 'y' }))).toEqual([
      ['undefined', 'x'],
      ['b', 'y'],
    ]);
  });
});

describe('merging keys that differ only in case', () => {
  it('keeps whole strings when merging (built context)', () => {
    expect(entries(buildRequestContext({ Team: 'blue', TEAM: 'green', team: ['red', 'amber'] }))).toEqual([['team', ['blue', 'green', 'red', 'amber']]]);
    expect(entries(buildRequestContext({ Team: ['red'], TEAM: 'green' }))).toEqual([['team', ['red', 'green']]]);
  });

  it('keeps whole strings when merging (view)', () => {
    expect(contextView({ Team: 'blue', TEAM: 'green', team: ['red', 'amber'] }).get('team')).toEqual(['blue', 'green', 'red', 'amber']);
    expect(contextView({ Team: ['red'], TEAM: 'green' }).get('team')).toEqual(['red', 'green']);
  });

  it('skips an absent value after a present one (view)', () => {
    expect(contextView({ K: 'first', k: null }).get('k')).toBe('first');
    expect(contextView({ K: 'first', k: { a: 1 }, KK: 'other' }).get('k')).toBe('first');
  });

  it('does not read a key named "undefined" into a merged key (view)', () => {
    expect(contextView({ K: 'a', k: 'b', undefined: 'z' }).get('k')).toEqual(['a', 'b']);
    expect(contextView({ K: 'a', k: 'b', undefined: 'z' }).get('undefined')).toBe('z');
  });
});
