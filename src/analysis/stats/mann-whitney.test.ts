import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/mann-whitney.json' with { type: 'json' };
import { expectCloseToR, intervalFromR } from '../../../test/fixtures/stats/expect-close.ts';
import { AppError } from '../../domain/errors.ts';
import { mannWhitney } from './mann-whitney.ts';
import type { Alternative } from './result.ts';

describe('mannWhitney against R wilcox.test(x, y, conf.int = TRUE)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = mannWhitney(c.x, c.y, { alternative: c.alternative as Alternative });
      expect(result.method).toBe(c.method);
      expectCloseToR(result.statistic, c.statistic, 'W');
      expectCloseToR(result.p, c.p, 'p');
      expectCloseToR(result.estimate.value, c.estimate, 'Hodges–Lehmann shift');
      const [lower, upper] = intervalFromR(c.conf_int);
      expectCloseToR(result.estimate.ci.lower, lower, 'CI lower');
      expectCloseToR(result.estimate.ci.upper, upper, 'CI upper');
      expectCloseToR(result.estimate.ci.level, c.conf_level, 'CI level');
      expect(result.effectSizes[0]?.value).toBeCloseTo((2 * c.statistic) / (c.x.length * c.y.length) - 1, 12);
    });
  }
});

describe('mannWhitney edge cases', () => {
  it('refuses an empty group', () => {
    expect(() => mannWhitney([], [1, 2])).toThrow(AppError);
  });
  it('refuses all-tied data instead of returning NaN', () => {
    expect(() => mannWhitney([3, 3], [3, 3, 3])).toThrow(/every value is tied/);
  });
  it('refuses non-finite values, naming the position', () => {
    try {
      mannWhitney([1, Number.NaN], [2, 3]);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details[0]?.path).toBe('x[1]');
    }
  });
  it("warns about tiny groups and still gives R's exact answer (p = 1 for 1 vs 1)", () => {
    const result = mannWhitney([1], [2]);
    expect(result.p).toBe(1);
    expect(result.warnings.join()).toMatch(/small groups/);
  });
});

describe('mannWhitney when each group is constant', () => {
  it('gives R\'s p-value and, where R stops with an error, a documented "not available" interval instead of NaN', () => {
    // R: wilcox.test(c(1, 1, 1), c(3, 3)) gives W = 0, p = 0.0955807045456294; with conf.int = TRUE it stops with an error.
    const result = mannWhitney([1, 1, 1], [3, 3]);
    expect(result.statistic).toBe(0);
    expect(result.p).toBeCloseTo(0.0955807045456294, 12);
    expect(result.estimate).toEqual({
      name: 'difference in location',
      value: -2,
      ci: { level: 0, lower: -2, upper: -2, method: 'not available' },
    });
    expect(result.warnings.join()).toMatch(/not available/);
  });
});
