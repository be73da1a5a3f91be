import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeOrder } from '../../src/generate/time-order.js';

/** The definition: by instant, then by position. */
const reference = (xs: readonly string[]): number[] => xs.map((_, i) => i).sort((a, b) => Date.parse(xs[a]!) - Date.parse(xs[b]!) || a - b);

const seconds = (from: number, span: number) => fc.integer({ min: 0, max: span }).map((s) => new Date(from + s * 1000).toISOString().replace('.000Z', 'Z'));

describe('timeOrder', () => {
  it('sorts whole-second instants by time, ties in input order (the radix path)', () => {
    // Few distinct instants force ties; a span over 2^16 s exercises both 16-bit passes.
    fc.assert(fc.property(fc.array(fc.oneof(seconds(Date.parse('2026-01-01T00:00:00Z'), 5), seconds(Date.parse('2025-06-01T00:00:00Z'), 40_000_000)), { maxLength: 300 }), (xs) => {
      expect([...timeOrder(xs)]).toEqual(reference(xs));
    }));
  });

  it('falls back to the same order for instants with milliseconds and for spans beyond 2^32 seconds', () => {
    const withMs = ['2026-01-01T00:00:01.500Z', '2026-01-01T00:00:01Z', '2026-01-01T00:00:01.500Z', '2026-01-01T00:00:00.999Z'];
    expect([...timeOrder(withMs)]).toEqual([3, 1, 0, 2]);
    const wide = ['2200-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2200-01-01T00:00:00Z', '2026-01-01T00:00:00Z'];
    expect([...timeOrder(wide)]).toEqual([1, 3, 0, 2]);
  });

  it('handles nothing and one', () => {
    expect([...timeOrder([])]).toEqual([]);
    expect([...timeOrder(['2026-01-01T00:00:00Z'])]).toEqual([0]);
  });
});
