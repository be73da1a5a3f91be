/** The scenario benchmark's linear-growth target: each size against the size half as large, so it can fail. */
import { describe, expect, it } from 'vitest';
import { growthSteps, SIZES } from '../../bench/scenarios.bench.js';

const at = (perStep: (n: number) => number, sizes: readonly number[]) => sizes.map((n) => ({ n, ms: perStep(n) * n }));

describe('scenarios bench: linear growth is judged between consecutive sizes', () => {
  it('every size doubles the one before', () => {
    for (const sizes of [SIZES.quick, SIZES.full]) expect(sizes.slice(1).every((n, i) => n === sizes[i]! * 2)).toBe(true);
  });

  it('linear cost (flat per step) meets every target; a fixed start-up cost only helps', () => {
    expect(growthSteps(at(() => 0.2, SIZES.full)).map((s) => s.met)).toEqual([true, true, true]);
    expect(growthSteps(at((n) => 0.2 + 100 / n, SIZES.full)).every((s) => s.met)).toBe(true);
  });

  it('growth that starts late fails, though the start-up cost of the smallest size hides it from a comparison with the smallest', () => {
    const perStep: Record<number, number> = { 1250: 4.0, 2500: 2.2, 5000: 1.4, 10000: 3.0 };
    const steps = growthSteps(at((n) => perStep[n]!, SIZES.full));
    expect(steps.map((s) => [s.half, s.n, s.met])).toEqual([[1250, 2500, true], [2500, 5000, true], [5000, 10000, false]]);
    expect(steps.at(-1)!.ratio).toBeCloseTo(3.0 / 1.4);
    expect(perStep[10000]! / perStep[1250]!).toBeLessThan(1.5); // what the old target compared: it passed
  });

  it('quadratic cost fails every step', () => {
    expect(growthSteps(at((n) => n / 1000, SIZES.full)).map((s) => s.met)).toEqual([false, false, false]);
  });

  it('sizes that do not double are a bug in the bench', () => {
    expect(() => growthSteps([{ n: 1000, ms: 1 }, { n: 5000, ms: 5 }])).toThrow(/must double/);
  });
});
