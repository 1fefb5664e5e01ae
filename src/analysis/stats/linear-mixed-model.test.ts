import { describe, expect, it } from 'vitest';
import cases from '../../../test/fixtures/stats/linear-mixed-model.json' with { type: 'json' };
import { expectCloseToR } from '../../../test/fixtures/stats/expect-close.ts';
import { fitRandomInterceptModel } from './linear-mixed-model.ts';

type Column = Record<string, (number | string)[]>;

describe('fitRandomInterceptModel against lme4::lmer(y ~ x + (1 | group), REML = TRUE)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const data = c.data as unknown as Column;
      const result = fitRandomInterceptModel({
        outcome: data.y as number[],
        predictors: c.predictors.map((name) => ({ name, values: data[name] as number[] })),
        group: data.group as string[],
      });
      expect(result.n).toBe(c.n);
      expect(result.groups).toBe(c.groups);
      expect(result.fixedEffects.map((f) => f.term)).toEqual(c.terms);
      result.fixedEffects.forEach((f, i) => {
        expectCloseToR(f.estimate, c.estimate[i], `${f.term} estimate`);
        expectCloseToR(f.se, c.se[i], `${f.term} se`);
      });
      expectCloseToR(result.variance.group, c.group_variance, 'group variance');
      expectCloseToR(result.variance.residual, c.residual_variance, 'residual variance');
      expectCloseToR(result.logLikelihood, c.log_likelihood, 'REML log-likelihood');
      expectCloseToR(result.theta, c.theta, 'theta');
      expect(result.singular).toBe(c.singular);
      result.fixedEffects.forEach((f, i) => {
        expectCloseToR(f.df, c.satterthwaite.df[i], `${f.term} Satterthwaite df (lmerTest)`);
        expectCloseToR(f.p, c.satterthwaite.p[i], `${f.term} p (lmerTest)`);
      });
    });
  }
});

describe('fitRandomInterceptModel edge cases', () => {
  it('refuses a single group and one observation per group', () => {
    expect(() => fitRandomInterceptModel({ outcome: [1, 2, 3], predictors: [], group: ['a', 'a', 'a'] })).toThrow(
      /at least 2 groups/,
    );
    expect(() => fitRandomInterceptModel({ outcome: [1, 2, 3], predictors: [], group: ['a', 'b', 'c'] })).toThrow(
      /smaller than the number of observations/,
    );
  });
  it('refuses a constant outcome and a collinear predictor', () => {
    const group = ['a', 'a', 'b', 'b', 'c', 'c'];
    expect(() => fitRandomInterceptModel({ outcome: [2, 2, 2, 2, 2, 2], predictors: [], group })).toThrow(
      /zero variance/,
    );
    const dose = [1, 2, 3, 4, 5, 7];
    expect(() =>
      fitRandomInterceptModel({
        outcome: [1, 3, 2, 5, 4, 6],
        predictors: [
          { name: 'dose', values: dose },
          { name: 'hours', values: dose.map((d) => d / 60) },
        ],
        group,
      }),
    ).toThrow(/hours/);
  });
  it('reports a zero group variance as a documented singular fit, not NaN', () => {
    // Group means identical: no between-group variation at all.
    const result = fitRandomInterceptModel({
      outcome: [1, 3, 2, 2, 3, 1],
      predictors: [],
      group: ['a', 'a', 'b', 'b', 'c', 'c'],
    });
    expect(result.theta).toBe(0);
    expect(result.variance.group).toBe(0);
    expect(result.singular).toBe(true);
    expect(result.warnings.join()).toMatch(/singular/);
  });
});
