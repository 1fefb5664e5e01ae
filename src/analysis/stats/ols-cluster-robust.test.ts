import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/ols-cluster-robust.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { olsClusterRobust } from './ols-cluster-robust.ts';

type Column = Record<string, (number | string)[]>;

describe('olsClusterRobust against R lm + sandwich::vcovCL(type = "HC1")', () => {
  for (const c of cases) {
    it(c.name, () => {
      const data = c.data as unknown as Column;
      const result = olsClusterRobust({
        outcome: data.y as number[],
        predictors: c.predictors.map((name) => ({ name, values: data[name] as number[] })),
        cluster: data.cluster as string[],
      });
      expect(result.n).toBe(c.n);
      expect(result.clusters).toBe(c.clusters);
      expect(result.df).toBe(c.df);
      expect(result.coefficients.map((k) => k.term)).toEqual(c.terms);
      result.coefficients.forEach((k, i) => {
        expectCloseToR(k.estimate, c.estimate[i], `${k.term} estimate`);
        expectCloseToR(k.se, c.se[i], `${k.term} se`);
        expectCloseToR(k.t, c.t[i], `${k.term} t`);
        expectCloseToR(k.p, c.p[i], `${k.term} p`);
        expectCloseToR(k.ci.lower, c.ci_lower[i], `${k.term} CI lower`);
        expectCloseToR(k.ci.upper, c.ci_upper[i], `${k.term} CI upper`);
      });
      result.vcov.flat().forEach((v, i) => expectCloseToR(v, (c.vcov as number[][]).flat()[i], `vcov[${i}]`));
      expectCloseToR(result.rSquared, c.r_squared, 'R²');
      expect(result.warnings.some((w) => /clusters/.test(w))).toBe(c.clusters < 30);
    });
  }
});

describe('olsClusterRobust edge cases', () => {
  const cluster = ['a', 'a', 'b', 'b', 'c', 'c'];
  it('refuses a collinear predictor, naming it', () => {
    const dose = [1, 2, 3, 4, 5, 7];
    expect(() =>
      olsClusterRobust({
        outcome: [1, 3, 2, 5, 4, 6],
        predictors: [
          { name: 'dose', values: dose },
          { name: 'twice', values: dose.map((d) => 2 * d) },
        ],
        cluster,
      }),
    ).toThrow(/twice is constant or a linear combination/);
  });
  it('refuses a constant predictor', () => {
    expect(() =>
      olsClusterRobust({
        outcome: [1, 3, 2, 5, 4, 6],
        predictors: [{ name: 'stage', values: [1, 1, 1, 1, 1, 1] }],
        cluster,
      }),
    ).toThrow(/stage/);
  });
  it('refuses a single cluster', () => {
    expect(() =>
      olsClusterRobust({
        outcome: [1, 3, 2, 5],
        predictors: [{ name: 'x', values: [1, 2, 3, 5] }],
        cluster: [1, 1, 1, 1],
      }),
    ).toThrow(/at least 2 clusters/);
  });
  it('refuses a constant outcome and too few observations', () => {
    expect(() =>
      olsClusterRobust({
        outcome: [2, 2, 2, 2],
        predictors: [{ name: 'x', values: [1, 2, 3, 5] }],
        cluster: [1, 1, 2, 2],
      }),
    ).toThrow(/zero variance/);
    expect(() =>
      olsClusterRobust({ outcome: [1, 2], predictors: [{ name: 'x', values: [1, 2] }], cluster: [1, 2] }),
    ).toThrow(/more than 2 observations/);
  });
  it('refuses a zero cluster-robust variance instead of returning t = NaN', () => {
    // Within each cluster dose is balanced and the residuals equal, so dose's cluster scores are zero.
    expect(() =>
      olsClusterRobust({
        outcome: [1, 0, 1, 0],
        predictors: [{ name: 'dose', values: [-3, -3, 3, 3] }],
        cluster: [4, 2, 4, 2],
      }),
    ).toThrow(/standard error of dose is zero/);
  });
  it('refuses a non-numeric value, naming the predictor and row', () => {
    expect(() =>
      olsClusterRobust({
        outcome: [1, 2, 3, 4],
        predictors: [{ name: 'dose', values: [1, Number.NaN, 3, 4] }],
        cluster: [1, 1, 2, 2],
      }),
    ).toThrow(/dose must contain only finite numbers/);
  });
});
