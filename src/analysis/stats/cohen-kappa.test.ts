import { describe, expect, it } from 'vitest';
import fixtures from '../../../test/fixtures/stats/agreement.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { cohenKappa } from './cohen-kappa.ts';

/**
 * Where the exact variance is 0 (a constant rater), R and we both compute it as round-off near 1e-16,
 * and the bounds kappa ± 1.96·√variance carry that noise's square root (~1e-8): compared to 1e-7 there.
 */
function expectBound(actual: number, expected: number | undefined, rVariance: number, label: string): void {
  if (Math.abs(rVariance) < 1e-14) expect(Math.abs(actual - (expected as number)), label).toBeLessThan(1e-7);
  else expectCloseToR(actual, expected, label);
}

describe('cohenKappa against psych::cohen.kappa', () => {
  for (const c of fixtures.kappa) {
    it(c.name, () => {
      const result = cohenKappa(c.x, c.y);
      expect(result.levels).toEqual(c.levels);
      expect(result.n).toBe(c.n);
      expect(result.dropped).toBe(c.x.length - c.n);
      expectCloseToR(result.unweighted.value, c.kappa, 'kappa');
      expectCloseToR(result.weighted.value, c.weightedKappa, 'weighted kappa');
      expectCloseToR(result.unweighted.variance, c.varKappa, 'var kappa');
      expectCloseToR(result.weighted.variance, c.varWeighted, 'var weighted kappa');
      const [unweighted, weighted] = c.confid as [number[], number[]];
      expectBound(result.unweighted.ci.lower, unweighted[0], c.varKappa, 'kappa lower');
      expectBound(result.unweighted.ci.upper, unweighted[2], c.varKappa, 'kappa upper');
      expectBound(result.weighted.ci.lower, weighted[0], c.varWeighted, 'weighted lower');
      expectBound(result.weighted.ci.upper, weighted[2], c.varWeighted, 'weighted upper');
      // psych warns when it clips an interval at ±1; so do we.
      const clipped = c.warnings.some((w) => w.includes('exceed'));
      expect(result.warnings.some((w) => w.includes('set to ±1'))).toBe(clipped);
    });
  }
});

describe('cohenKappa input', () => {
  it('refuses a single category, as psych gives NA', () => {
    expect(() => cohenKappa([2, 2, 2], [2, 2, 2])).toThrow(/same category/);
  });
  it('refuses when no pair is complete, and mismatched lengths', () => {
    expect(() => cohenKappa([1, null], [null, 2])).toThrow(/at least one pair/);
    expect(() => cohenKappa([1, 2], [1])).toThrow(/same length/);
  });
  it('uses the levels given, so an unused category still weighs', () => {
    // Quadratic weights only rescale when the categories used stay evenly spaced; 3 unused between 2
    // and 4 changes the spacing, so the weighted kappa, but not the unweighted one.
    const used = cohenKappa([1, 2, 4, 1, 4], [2, 2, 4, 1, 2]);
    const all = cohenKappa([1, 2, 4, 1, 4], [2, 2, 4, 1, 2], { levels: ['1', '2', '3', '4'] });
    expect(used.levels).toEqual(['1', '2', '4']);
    expect(all.unweighted.value).toBeCloseTo(used.unweighted.value, 12);
    expect(all.weighted.value).not.toBeCloseTo(used.weighted.value, 6);
    expect(() => cohenKappa([1, 6], [1, 2], { levels: ['1', '2'] })).toThrow(/x\[1\] is not one of the levels/);
  });
  it('orders numbers numerically (10 after 9), as R orders numeric factor levels', () => {
    expect(cohenKappa([9, 10, 2], [10, 9, 2]).levels).toEqual(['2', '9', '10']);
  });
});
