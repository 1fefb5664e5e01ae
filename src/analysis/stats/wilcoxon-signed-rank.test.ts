import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/wilcoxon-signed-rank.json' with { type: 'json' };
import { expectCloseToR, intervalFromR } from '../../../test/fixtures/stats/expect-close.ts';
import type { Alternative } from './result.ts';
import { significantHalfEven, wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';

describe('wilcoxonSignedRank against R wilcox.test(after, before, paired = TRUE, conf.int = TRUE)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = wilcoxonSignedRank(c.before, c.after, { alternative: c.alternative as Alternative });
      expect(result.method).toBe(c.method);
      expectCloseToR(result.statistic, c.statistic, 'V');
      expectCloseToR(result.p, c.p, 'p');
      expectCloseToR(result.estimate.value, c.estimate, 'pseudo-median');
      const [lower, upper] = intervalFromR(c.conf_int);
      expectCloseToR(result.estimate.ci.lower, lower, 'CI lower');
      expectCloseToR(result.estimate.ci.upper, upper, 'CI upper');
      expectCloseToR(result.estimate.ci.level, c.conf_level, 'CI level');
    });
  }
});

describe('wilcoxonSignedRank edge cases', () => {
  it('drops zero differences like R and says so', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7], [1, 3, 5, 4, 9, 2, 12]);
    expect(result.zeros).toBe(2);
    expect(result.n).toBe(5);
    expect(result.warnings.join()).toMatch(/zero difference/);
  });
  it('refuses when every difference is zero', () => {
    expect(() => wilcoxonSignedRank([1, 2, 3], [1, 2, 3])).toThrow(/differ/);
  });
  it('refuses pairs of unequal length', () => {
    expect(() => wilcoxonSignedRank([1, 2, 3], [1, 2])).toThrow(/same length/);
  });
  it("gives R's exact p = 1 for one non-zero pair, with a warning", () => {
    const result = wilcoxonSignedRank([1, 2], [2, 2]);
    expect(result.p).toBe(1);
    expect(result.warnings.join()).toMatch(/non-zero differences/);
  });
});

describe('significantHalfEven, as R signif()', () => {
  it('rounds exact ties to even and everything else correctly', () => {
    // R: signif(c(0.125, 0.375, 0.0625, 0.135, 0.165, 0.8125), 2) = 0.12 0.38 0.062 0.14 0.16 0.81
    expect([0.125, 0.375, 0.0625, 0.135, 0.165, 0.8125].map((x) => significantHalfEven(x, 2))).toEqual([
      0.12, 0.38, 0.062, 0.14, 0.16, 0.81,
    ]);
  });
});
