import { describe, expect, it } from 'vitest';
import fixture from '../../../test/fixtures/stats/distributions.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { chiSquareUpper, normalCdf, normalQuantile, normalUpper, tCdf, tQuantile } from './distributions.ts';
import { rankSumDistribution } from './rank-sum-distribution.ts';
import { signedRankDistribution } from './signed-rank-distribution.ts';
import { spearmanTail } from './spearman-distribution.ts';

describe('exact rank distributions against R pwilcox/qwilcox and psignrank/qsignrank', () => {
  for (const point of fixture.rank_sum) {
    it(`rank sum m = ${point.m}, n = ${point.n}, q = ${point.q}`, () => {
      const dist = rankSumDistribution(point.m, point.n);
      expectCloseToR(dist.cdf(point.q), point.lower, 'lower tail');
      expectCloseToR(dist.upper(point.q), point.upper, 'upper tail');
      expect(fixture.quantile_levels.map((p) => dist.quantile(p))).toEqual(point.quantiles);
    });
  }
  for (const point of fixture.signed_rank) {
    it(`signed rank n = ${point.n}, q = ${point.q}`, () => {
      const dist = signedRankDistribution(point.n);
      expectCloseToR(dist.cdf(point.q), point.lower, 'lower tail');
      expectCloseToR(dist.upper(point.q), point.upper, 'upper tail');
      expect(fixture.quantile_levels.map((p) => dist.quantile(p))).toEqual(point.quantiles);
    });
  }
});

describe('AS 89 against R (stats:::C_pRho)', () => {
  for (const point of fixture.spearman_tail) {
    it(`n = ${point.n}, is = ${point.is}`, () => {
      expectCloseToR(spearmanTail(point.n, point.is, false), point.upper, 'upper');
      expectCloseToR(spearmanTail(point.n, point.is, true), point.lower, 'lower');
    });
  }
});

describe('continuous distributions against R, far tails included', () => {
  it('normal', () => {
    for (const point of fixture.normal) {
      expectCloseToR(normalCdf(point.z), point.lower, `pnorm(${point.z})`);
      expectCloseToR(normalUpper(point.z), point.upper, `pnorm(${point.z}, lower.tail = FALSE)`);
    }
  });
  it('Student t', () => {
    for (const point of fixture.t) expectCloseToR(tCdf(point.t, point.df), point.lower, `pt(${point.t}, ${point.df})`);
    for (const point of fixture.t_quantile)
      expectCloseToR(tQuantile(point.p, point.df), point.q, `qt(${point.p}, ${point.df})`);
  });
  it('chi-square upper tail', () => {
    for (const point of fixture.chi_square)
      expectCloseToR(chiSquareUpper(point.x, point.df), point.upper, `pchisq(${point.x}, ${point.df})`);
  });
});

describe('normal quantile (AS 241) bit for bit as R qnorm', () => {
  it.each(fixture.normal_quantile)('p = $p', ({ p, lower, upper }) => {
    expect(normalQuantile(p)).toBe(Number(lower));
    expect(normalQuantile(p, false)).toBe(Number(upper));
  });
});
